import { UploadOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { plansApi, type PlanSummary } from '../../api/resources/plans.api';
import { useSignedIn } from '../../app/session-context';
import { mayDoPlanAction } from '../../shared/available-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDateTime } from '../../shared/format-date';
import { planStatusLabel } from '../../shared/labels';
import { useResource } from '../../shared/use-resource';
import { PlanImportDialog } from './plan-import';

const STATUS_COLORS: Record<string, string> = { draft: 'orange', publishing: 'processing', published: 'green', withdrawn: 'default' };
const PAGE_SIZE = 20;

export function PlanStatusTag({ plan }: { plan: Pick<PlanSummary, 'status' | 'statusLabel'> }) {
  return <Tag color={STATUS_COLORS[plan.status] ?? 'default'}>{planStatusLabel(plan.status, plan.statusLabel)}</Tag>;
}

/** 方案管理: imported plans, their drafts to review and publish. */
export default function PlansPage() {
  const { actor } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const text = params.get('text') ?? '';
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useResource(() => plansApi.list({ status: status || undefined, text: text || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), `${status}|${text}|${page}`);
  const [importing, setImporting] = useState(false);
  const set = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in change)) next.delete('page');
    setParams(next);
  };

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          方案管理
        </Typography.Title>
        {mayDoPlanAction(actor, 'importPlan') ? (
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入方案
          </Button>
        ) : null}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label="方案状态"
          value={status}
          onChange={(value) => set({ status: String(value) })}
          options={[
            { value: '', label: '全部' },
            { value: 'draft', label: '草稿' },
            { value: 'published', label: '已发布' },
            { value: 'withdrawn', label: '已撤回' },
          ]}
        />
        <Input.Search aria-label="搜索方案" placeholder="标题、文件名或文号" allowClear defaultValue={text} onSearch={(value) => set({ text: value.trim() })} style={{ width: 260 }} />
      </Space>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<PlanSummary>
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items as PlanSummary[] | undefined}
        scroll={{ x: 800 }}
        locale={{ emptyText: '还没有方案' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: (next) => set({ page: String(next) }), showTotal: (total) => `共 ${total} 个方案` }}
        columns={[
          { title: '方案', render: (_, plan) => <Link to={`/plans/${plan.id}`}>{plan.title}</Link> },
          { title: '文号', dataIndex: 'docNumber', width: 180, render: (value: string | null) => value ?? '—' },
          { title: '状态', width: 90, render: (_, plan) => <PlanStatusTag plan={plan} /> },
          { title: '任务数', dataIndex: 'taskCount', width: 80 },
          { title: '解析提示', dataIndex: 'warningCount', width: 90, render: (value: number) => (value ? <Tag color="gold">{value}条</Tag> : '—') },
          { title: '导入时间', dataIndex: 'createdAt', width: 170, render: (value: string) => formatDateTime(value) },
          { title: '操作', width: 110, render: (_, plan) => <Link to={`/plans/${plan.id}`}>{plan.status === 'draft' ? '核对与发布' : '查看'}</Link> },
        ]}
      />
      <PlanImportDialog open={importing} onClose={() => setImporting(false)} />
    </div>
  );
}
