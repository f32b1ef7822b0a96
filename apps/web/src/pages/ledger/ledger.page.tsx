import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, DatePicker, Grid, Input, InputNumber, Pagination, Row, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ASSIGNMENT_STATUSES, LIGHT_LABELS } from '@duban/domain';
import { errorMessage } from '../../api/api-error';
import { assignmentsApi, type AssignmentSort, type AssignmentSummary } from '../../api/resources/assignments.api';
import { directoryApi } from '../../api/resources/directory.api';
import { plansApi } from '../../api/resources/plans.api';
import { useLiveEvents } from '../../app/live-events';
import { useSignedIn } from '../../app/session-context';
import { AssignmentCards } from '../../shared/assignment-cards';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDate, shanghaiToday } from '../../shared/format-date';
import { responsibilityLabel, statusLabel } from '../../shared/labels';
import { EscalationTag, LightTag, StatusTag } from '../../shared/status-tags';
import { useResource } from '../../shared/use-resource';
import { download, exportLedger } from './ledger-export';
import { ledgerQueryFrom, PAGE_SIZES, withLedgerParams } from './ledger-query';
import { useUnitNames } from '../../shared/use-unit-names';
import { formatTotal } from '../../shared/format-total';

const SORT_OPTIONS: { value: AssignmentSort; label: string }[] = [
  { value: 'dueDate', label: '期限由近到远' },
  { value: '-dueDate', label: '期限由远到近' },
  { value: 'light', label: '红灯优先' },
  { value: '-updatedAt', label: '最近更新' },
  { value: 'unitName', label: '按责任单位' },
  { value: 'taskNumber', label: '按任务序号' },
];

/** Column sorters map onto the API's sorts; the rest sort from the toolbar. */
const COLUMN_SORTS: Record<string, { asc: AssignmentSort; desc?: AssignmentSort }> = {
  dueDate: { asc: 'dueDate', desc: '-dueDate' },
  unitName: { asc: 'unitName' },
  taskNumber: { asc: 'taskNumber' },
  light: { asc: 'light' },
};

/** 任务台账: every filter, sort and page is the server's; the URL holds them. */
export default function LedgerPage() {
  const { user } = useSignedIn();
  const staffUnitNames = useUnitNames(user.unitIds);
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => ledgerQueryFrom(params), [params]);
  const list = useResource((signal) => assignmentsApi.list(query, signal), JSON.stringify(query));
  useLiveEvents(list.reload);
  const plans = useResource(() => plansApi.list({ limit: 200 }), 'plans');
  const staff = user.role === 'unit_staff';
  const units = useResource(() => (staff ? Promise.resolve(null) : directoryApi.units()), 'units');
  const regions = useResource(() => directoryApi.regions(), 'regions');
  const [exporting, setExporting] = useState(false);
  const [textDraft, setTextDraft] = useState(query.text ?? '');
  // On a phone the filters fold away behind one button (the search stays).
  const [filtersOpen, setFiltersOpen] = useState(false);

  const set = (change: Record<string, string | number | boolean | undefined | null>) => setParams(withLedgerParams(params, change));
  // The cursor is paging, not a filter (the export and the filter count leave it out).
  const { limit, offset, sort, cursor: _cursor, ...filter } = query;
  const activeFilters = Object.entries(filter).filter(([key, value]) => key !== 'text' && value !== undefined).length;
  const page = Math.floor(offset / limit) + 1;

  const unitOptions = staff
    ? user.unitIds.map((unitId, index) => ({ value: unitId, label: staffUnitNames[index] ?? unitId }))
    : (units.data?.items ?? []).filter((unit) => (unit.assignments ?? 1) > 0).map((unit) => ({ value: unit.id && unit.id.length === 36 ? unit.id : unit.name, label: unit.name }));

  const runExport = async () => {
    setExporting(true);
    try {
      download(await exportLedger(filter), `任务台账-${shanghaiToday()}.xlsx`);
      message.success(`已导出${list.data?.totalCapped ? '' : `${list.data?.total ?? 0}条`}（Excel）`);
    } catch (caught) {
      message.error(`导出失败：${errorMessage(caught)}`);
    } finally {
      setExporting(false);
    }
  };

  // The table reports every change here, paging too, with the column's current sort: acting on a page change would
  // reset the page (a sort change returns to page 1), so only a sort change is handled here; paging is the pager's.
  const onTableChange: TableProps<AssignmentSummary>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.columnKey ? String(single.columnKey) : undefined;
    if (!key || !COLUMN_SORTS[key] || !single?.order) return;
    const choice = COLUMN_SORTS[key]!;
    set({ sort: single.order === 'descend' && choice.desc ? choice.desc : choice.asc });
  };
  const sortOrder = (key: string) => {
    const choice = COLUMN_SORTS[key];
    if (!choice) return null;
    if (sort === choice.asc) return 'ascend' as const;
    if (sort === choice.desc) return 'descend' as const;
    return null;
  };

  const columns: TableProps<AssignmentSummary>['columns'] = [
    { title: '序号', key: 'taskNumber', dataIndex: 'taskNumber', width: 72, sorter: true, sortOrder: sortOrder('taskNumber'), render: (value: number | null) => value ?? '—' },
    {
      title: '任务',
      key: 'task',
      render: (_, item) => (
        <Link to={`/assignments/${item.id}`} className="ledger-task">
          {item.taskTitle ?? '目标任务'}
        </Link>
      ),
    },
    { title: '责任单位', key: 'unitName', sorter: true, sortOrder: sortOrder('unitName'), render: (_, item) => `${item.unitName}（${responsibilityLabel(item.responsibility, item.responsibilityLabel)}）`, width: 180 },
    { title: '区域', dataIndex: 'region', key: 'region', width: 100, render: (value: string | null) => value ?? '—' },
    { title: '状态', key: 'status', width: 100, render: (_, item) => <StatusTag status={item.status} label={item.statusLabel} /> },
    { title: '灯', key: 'light', width: 90, sorter: true, sortOrder: sortOrder('light'), render: (_, item) => <LightTag item={item} /> },
    { title: '期限', key: 'dueDate', width: 140, sorter: true, sortOrder: sortOrder('dueDate'), render: (_, item) => formatDate(item.dueDate) },
    { title: '进度', key: 'percent', width: 70, render: (_, item) => (item.percent === null ? '—' : `${item.percent}%`) },
    { title: '督办', key: 'escalation', width: 100, render: (_, item) => <EscalationTag level={item.escalationLevel} label={item.escalationLevelLabel} /> },
  ];

  // A capped total (1000+) must not end the pager at the cap: while there is a next page, there is one more.
  const total = list.data?.totalCapped ? Math.max(list.data.total, offset + limit * (list.data.nextCursor ? 2 : 1)) : (list.data?.total ?? 0);
  const pagination = {
    current: page,
    pageSize: limit,
    total,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal: () => `共 ${formatTotal(list.data)} 条`,
    onChange: (nextPage: number, nextSize: number) =>
      set(
        nextSize !== limit
          ? { pageSize: nextSize, page: 1 }
          : nextPage === page + 1 && list.data?.nextCursor
            ? { page: nextPage, after: list.data.nextCursor }
            : { page: nextPage },
      ),
  };

  return (
    <div>
      <Typography.Title level={3} className="page-title">
        任务台账
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }} className="no-print">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} xl={8}>
            <Input.Search
              aria-label="搜索任务或单位"
              placeholder="搜索任务名称或责任单位"
              allowClear
              value={textDraft}
              onChange={(event) => setTextDraft(event.target.value)}
              onSearch={(value) => set({ text: value.trim() })}
            />
          </Col>
          {!screens.md ? (
            <Col xs={24}>
              <Button block onClick={() => setFiltersOpen((open) => !open)} aria-expanded={filtersOpen}>
                {filtersOpen ? '收起筛选条件' : `筛选条件${activeFilters ? `（已选${activeFilters}项）` : ''}`}
              </Button>
            </Col>
          ) : null}
          {screens.md || filtersOpen ? (
            <>
              <Col xs={24} md={12} xl={8}>
                <Select
                  aria-label="方案"
                  placeholder="全部方案"
                  allowClear
                  style={{ width: '100%' }}
                  value={filter.planId}
                  onChange={(value: string | undefined) => set({ planId: value, taskNumber: undefined })}
                  options={(plans.data?.items ?? []).filter((plan) => plan.status !== 'draft').map((plan) => ({ value: plan.id, label: plan.title }))}
                  loading={plans.loading}
                  showSearch
                  optionFilterProp="label"
                />
              </Col>
              <Col xs={12} md={6} xl={4}>
                <InputNumber aria-label="任务序号" placeholder="任务序号" min={1} precision={0} style={{ width: '100%' }} value={filter.taskNumber} onChange={(value) => set({ taskNumber: value ?? undefined })} />
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Select aria-label="状态" placeholder="全部状态" allowClear style={{ width: '100%' }} value={filter.status} onChange={(value: string | undefined) => set({ status: value })} options={ASSIGNMENT_STATUSES.map((status) => ({ value: status, label: statusLabel(status) }))} />
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Select
                  aria-label="责任单位"
                  placeholder="全部责任单位"
                  allowClear
                  style={{ width: '100%' }}
                  value={filter.unit}
                  onChange={(value: string | undefined) => set({ unit: value })}
                  options={unitOptions}
                  showSearch
                  optionFilterProp="label"
                />
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Select
                  aria-label="区域"
                  placeholder="全部区域"
                  allowClear
                  style={{ width: '100%' }}
                  value={filter.region}
                  onChange={(value: string | undefined) => set({ region: value })}
                  options={(regions.data?.items ?? []).filter((region) => (region.assignments ?? 1) > 0).map((region) => ({ value: region.name, label: region.name }))}
                  showSearch
                  optionFilterProp="label"
                />
              </Col>
              <Col xs={12} md={6} xl={4}>
                <Select aria-label="红黄绿灯" placeholder="全部灯色" allowClear style={{ width: '100%' }} value={filter.light} onChange={(value: string | undefined) => set({ light: value })} options={(['red', 'yellow', 'green', 'neutral'] as const).map((light) => ({ value: light, label: light === 'neutral' ? '无灯（已结束）' : LIGHT_LABELS[light] }))} />
              </Col>
              <Col xs={24} md={12} xl={8}>
                <DatePicker.RangePicker
                  aria-label="期限范围"
                  style={{ width: '100%' }}
                  placeholder={['期限自', '期限至']}
                  format="YYYY年M月D日"
                  value={[filter.dueFrom ? dayjs(filter.dueFrom) : null, filter.dueTo ? dayjs(filter.dueTo) : null]}
                  allowEmpty={[true, true]}
                  onChange={(range) => set({ dueFrom: range?.[0]?.format('YYYY-MM-DD'), dueTo: range?.[1]?.format('YYYY-MM-DD') })}
                />
              </Col>
              <Col xs={24} md={12} xl={8}>
                <Space wrap>
                  <Checkbox checked={filter.overdue === true} onChange={(event) => set({ overdue: event.target.checked ? true : undefined })}>
                    仅看逾期
                  </Checkbox>
                  <Select aria-label="排序" value={sort} style={{ width: 150 }} onChange={(value: AssignmentSort) => set({ sort: value })} options={SORT_OPTIONS} />
                </Space>
              </Col>
            </>
          ) : null}
        </Row>
        <Space wrap style={{ marginTop: 12 }}>
          <Button
            onClick={() => {
              setTextDraft('');
              setParams(new URLSearchParams());
            }}
          >
            清空筛选
          </Button>
          <Button icon={<ReloadOutlined />} onClick={list.reload}>
            刷新
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void runExport()} loading={exporting} disabled={!list.data?.total}>
            {exporting ? '导出中…' : '导出'}
          </Button>
        </Space>
      </Card>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {screens.md ? (
        <Table<AssignmentSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items as AssignmentSummary[] | undefined}
          loading={list.loading}
          pagination={pagination}
          onChange={onTableChange}
          scroll={{ x: 1000 }}
          locale={{ emptyText: '没有符合条件的任务' }}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">共 {formatTotal(list.data)} 条</Typography.Paragraph>
          <AssignmentCards items={list.data?.items ?? []} empty="没有符合条件的任务" />
          <Pagination simple style={{ marginTop: 12, textAlign: 'center' }} {...pagination} />
        </>
      )}
    </div>
  );
}
