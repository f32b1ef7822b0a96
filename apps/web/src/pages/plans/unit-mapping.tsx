import { App, Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/api-error';
import { unitsApi, type PrintedNameResolution } from '../../api/resources/units.api';
import { useResource } from '../../shared/use-resource';
import { UnitDialog } from '../units/unit-dialog';

const STATUS_TAGS: Record<PrintedNameResolution['status'], { color: string; label: string }> = {
  resolved: { color: 'green', label: '已识别' },
  suggested: { color: 'gold', label: '待确认' },
  unknown: { color: 'red', label: '未知单位' },
  collective: { color: 'blue', label: '集合称谓' },
};

function MapControl({ planId, row, onMapped }: { planId: string; row: PrintedNameResolution; onMapped: () => void }) {
  const { message } = App.useApp();
  const [unitId, setUnitId] = useState<string | undefined>(row.suggestions[0]?.unitId);
  const [search, setSearch] = useState('');
  const [saving, setSaving] = useState(false);
  const [creating, setCreating] = useState(false);
  const found = useResource(() => (search.trim() ? unitsApi.list({ text: search.trim(), limit: 20 }) : Promise.resolve(null)), `unit-search-${search.trim()}`);
  const options = [
    ...row.suggestions.map((suggestion) => ({ value: suggestion.unitId, label: `${suggestion.unitName}（${suggestion.reason}）` })),
    ...(found.data?.items ?? []).filter((unit) => !row.suggestions.some((suggestion) => suggestion.unitId === unit.id)).map((unit) => ({ value: unit.id, label: unit.shortName ? `${unit.shortName}（${unit.name}）` : unit.name })),
  ];

  const map = async () => {
    if (!unitId) return;
    setSaving(true);
    try {
      await unitsApi.map(planId, { printedName: row.printedName, unitId });
      message.success(`已将“${row.printedName}”对应到所选单位，下次导入自动识别`);
      onMapped();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space wrap size={4}>
      <Select
        showSearch
        filterOption={false}
        onSearch={setSearch}
        value={unitId}
        onChange={setUnitId}
        options={options}
        loading={found.loading && Boolean(search)}
        placeholder="搜索并选择单位"
        aria-label={`“${row.printedName}”对应的单位`}
        style={{ width: 240, maxWidth: '100%' }}
        notFoundContent={search ? '没有匹配的单位' : '输入名称搜索'}
      />
      <Button type="primary" size="small" disabled={!unitId} loading={saving} onClick={() => void map()}>
        对应
      </Button>
      <Button size="small" onClick={() => setCreating(true)}>
        新建单位
      </Button>
      {creating ? (
        <UnitDialog
          unit={null}
          initialName={row.printedName}
          title={`为“${row.printedName}”新建单位`}
          save={(newUnit) => unitsApi.map(planId, { printedName: row.printedName, newUnit })}
          onClose={() => setCreating(false)}
          onSaved={() => {
            setCreating(false);
            message.success('已新建单位并完成对应');
            onMapped();
          }}
        />
      ) : null}
    </Space>
  );
}

/**
 * 责任单位识别: every printed name of the plan, resolved / suggested / unknown, with the mapping step —
 * pick a suggested or searched unit, or create one — for coordinators and administrators. Each mapping
 * is learned as an alias for the jurisdiction's next import. `onChanged` refreshes the publish check.
 */
export function UnitMapping({ planId, editable, onChanged, fallback }: { planId: string; editable: boolean; onChanged: () => void; fallback: React.ReactNode }) {
  const resolutions = useResource(() => unitsApi.resolutions(planId), `resolutions-${planId}`);
  // The directory's resolution API may not be deployed yet: then the preview's own list is shown instead.
  if (resolutions.error instanceof ApiError && resolutions.error.status === 404) return <>{fallback}</>;
  const rows = (resolutions.data?.items ?? []) as PrintedNameResolution[];
  const open = rows.filter((row) => row.status === 'suggested' || row.status === 'unknown').length;
  return (
    <Card size="small" title="责任单位识别" style={{ marginTop: 16 }} extra={open ? <Tag color="red">{open}个待处理</Tag> : rows.length ? <Tag color="green">全部识别</Tag> : null}>
      {resolutions.error ? <Alert type="error" showIcon title={errorMessage(resolutions.error)} /> : null}
      {open ? (
        <Typography.Paragraph type="secondary">方案中的单位写法须对应到单位名录中的单位后才能发布；对应关系会作为别名记住。</Typography.Paragraph>
      ) : null}
      <Table<PrintedNameResolution>
        size="small"
        rowKey="printedName"
        loading={resolutions.loading}
        pagination={false}
        scroll={{ x: 720 }}
        dataSource={rows}
        columns={[
          { title: '方案中的写法', dataIndex: 'printedName', width: 180 },
          { title: '识别结果', width: 100, render: (_, row) => <Tag color={STATUS_TAGS[row.status].color}>{row.statusLabel ?? STATUS_TAGS[row.status].label}</Tag> },
          {
            title: '对应单位',
            render: (_, row) => {
              if (row.status === 'resolved') return row.unitName ?? '—';
              if (row.status === 'collective') return row.expandsTo?.map((unit) => unit.unitName).join('、') ?? '—';
              if (!editable) return row.suggestions.length ? `可能是：${row.suggestions.map((suggestion) => suggestion.unitName).join('、')}` : '—';
              return (
                <MapControl
                  planId={planId}
                  row={row}
                  onMapped={() => {
                    resolutions.reload();
                    onChanged();
                  }}
                />
              );
            },
          },
          { title: '涉及任务', width: 120, render: (_, row) => row.taskNumbers.join('、') },
        ]}
      />
    </Card>
  );
}

/** The problems of a 422 publish_blocked answer (every one, in Chinese), or null for any other error. */
export function publishProblems(error: unknown): { code: string; message: string; taskNumber?: number; printedName?: string }[] | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const details = error.details as { problems?: unknown; reason?: unknown } | undefined;
  // `code` once the policy branch maps it; `details.reason` before.
  if (error.code !== 'publish_blocked' && details?.reason !== 'publish_blocked') return null;
  const problems = details?.problems;
  return Array.isArray(problems) ? problems.filter((problem): problem is { code: string; message: string } => typeof problem?.message === 'string') : [];
}
