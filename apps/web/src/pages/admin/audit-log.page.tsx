import { Button, Card, Col, DatePicker, Input, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { auditLogApi, type AuditLogEntry, type AuditLogQuery } from '../../api/resources/audit-log.api';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDateTime } from '../../shared/format-date';
import { roleLabel } from '../../shared/labels';
import { useResource } from '../../shared/use-resource';

const PAGE_SIZE = 50;
const METHOD_LABELS: Record<string, string> = { POST: '新增/操作', PUT: '替换', PATCH: '修改', DELETE: '删除' };

/** 审计日志: every mutating request, newest first (administrators). */
export default function AuditLogPage() {
  const [filters, setFilters] = useState<AuditLogQuery>({});
  const [page, setPage] = useState(1);
  const query = { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const log = useResource(() => auditLogApi.list(query), JSON.stringify(query));
  const set = (change: Partial<AuditLogQuery>) => {
    setFilters((current) => ({ ...current, ...change }));
    setPage(1);
  };

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        审计日志
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Input.Search aria-label="用户名" placeholder="用户名" allowClear onSearch={(value) => set({ username: value.trim() || undefined })} />
          </Col>
          <Col xs={12} md={4}>
            <Select aria-label="操作类型" placeholder="全部操作" allowClear style={{ width: '100%' }} onChange={(value: string | undefined) => set({ method: value })} options={Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label: `${label}（${value}）` }))} />
          </Col>
          <Col xs={12} md={4}>
            <Select
              aria-label="结果"
              placeholder="全部结果"
              allowClear
              style={{ width: '100%' }}
              onChange={(value: number | undefined) => set({ status: value })}
              options={[200, 201, 202, 204, 400, 401, 403, 404, 409, 422, 429].map((value) => ({ value, label: String(value) }))}
            />
          </Col>
          <Col xs={24} md={10}>
            <DatePicker.RangePicker
              aria-label="时间范围"
              showTime
              style={{ width: '100%' }}
              onChange={(range) => set({ from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })}
            />
          </Col>
          <Col xs={24} md={12}>
            <Input.Search aria-label="路径前缀" placeholder="路径前缀，如 /api/v1/users" allowClear onSearch={(value) => set({ pathPrefix: value.trim() || undefined })} />
          </Col>
          <Col xs={24} md={12}>
            <Button onClick={log.reload}>刷新</Button>
          </Col>
        </Row>
      </Card>
      <ErrorAlert error={log.error} onRetry={log.reload} />
      <Table<AuditLogEntry>
        rowKey={(entry) => String(entry.id)}
        size="small"
        loading={log.loading}
        dataSource={log.data?.items as AuditLogEntry[] | undefined}
        scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: log.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (total) => `共 ${total} 条` }}
        columns={[
          { title: '时间', width: 170, render: (_, entry) => formatDateTime(entry.occurredAt) },
          { title: '用户', width: 160, render: (_, entry) => (entry.username ? `${entry.username}${entry.role ? `（${roleLabel(entry.role)}）` : ''}` : '未登录') },
          { title: '操作', width: 90, render: (_, entry) => METHOD_LABELS[entry.method] ?? entry.method },
          { title: '路径', render: (_, entry) => <code style={{ wordBreak: 'break-all' }}>{entry.path}</code> },
          { title: '结果', width: 70, render: (_, entry) => <Tag color={entry.statusCode < 400 ? 'green' : entry.statusCode < 500 ? 'orange' : 'red'}>{entry.statusCode}</Tag> },
          { title: '来源地址', width: 130, render: (_, entry) => entry.ip ?? '—' },
        ]}
      />
    </div>
  );
}
