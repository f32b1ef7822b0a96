import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { plansApi } from '../../api/resources/plans.api';
import { useLiveEvents } from '../../app/live-events';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDate, formatDateTime } from '../../shared/format-date';
import { lightLabel } from '../../shared/labels';
import { PageLoading } from '../../shared/page-loading';
import { useResource } from '../../shared/use-resource';
import { loadDashboardData, type DashboardData } from './dashboard-data';
import { EChart, type ChartOption } from './echart';

const COLORS = { red: '#c62828', yellow: '#e0a800', green: '#2e7d32' };
const TOP_UNITS = 15;
const PACE_COLORS: Record<string, string> = { completed: '#1d4ed8', ahead: '#2e7d32', on_pace: '#81c784', behind: '#c62828', not_started: '#9e9e9e' };
const LADDER_COLORS: Record<string, string> = { urge: '#e0a800', supervise: '#ef6c00', bulletin: '#c62828', talk: '#6a1b9a' };

function stackedLights(categories: string[], rows: { red: number; yellow: number; green: number }[], horizontal: boolean): ChartOption {
  const series = (['red', 'yellow', 'green'] as const).map((light) => ({ name: lightLabel(light), type: 'bar', stack: 'lights', data: rows.map((row) => row[light]), itemStyle: { color: COLORS[light] }, emphasis: { focus: 'series' } }));
  // Many regions side by side: slant their names rather than let them overlap.
  const categoryAxis = { type: 'category', data: categories, inverse: horizontal, axisLabel: { interval: 0, width: horizontal ? 110 : 80, overflow: 'truncate', rotate: !horizontal && categories.length > 6 ? 35 : 0 } };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}

function charts(data: DashboardData) {
  const units = data.byUnit.slice(0, TOP_UNITS);
  return {
    byUnit: stackedLights(units.map((row) => row.unit), units, true),
    byRegion: stackedLights(data.byRegion.map((row) => row.region), data.byRegion, false),
    ladder: pie(data.ladder.map((level) => ({ name: level.label, value: level.count, itemStyle: { color: LADDER_COLORS[level.key] } }))),
    pace: pie(data.pace.filter((entry) => entry.count > 0).map((entry) => ({ name: entry.label, value: entry.count, itemStyle: { color: PACE_COLORS[entry.key] } }))),
    trend: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.trend.map((point) => `${Number(point.day.slice(5, 7))}月${Number(point.day.slice(8, 10))}日`) },
      yAxis: { type: 'value', minInterval: 1 },
      // A day without a record is a gap in the line, never a zero.
      series: [
        { name: '逾期', type: 'line', connectNulls: false, data: data.trend.map((point) => point.overdue), itemStyle: { color: COLORS.red } },
        { name: '进展滞后', type: 'line', connectNulls: false, data: data.trend.map((point) => point.lagging), itemStyle: { color: '#ef6c00' } },
      ],
    } as ChartOption,
  };
}

function pie(data: { name: string; value: number; itemStyle: { color?: string } }[]): ChartOption {
  return { tooltip: { trigger: 'item' }, legend: { bottom: 0 }, series: [{ type: 'pie', radius: ['40%', '68%'], data, label: { formatter: '{b}：{c}' } }] };
}

/** 督办驾驶舱 from the statistics endpoints: lights by unit and region, 序时进度, the ladder, the overdue trend and the most lagging units; printable. */
export default function DashboardPage() {
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const plans = useResource(() => plansApi.list({ status: 'published', limit: 200 }), 'plans');
  const data = useResource((signal) => loadDashboardData(planId, signal), planId ?? 'all');
  useLiveEvents(data.reload, () => true, 5000);
  const options = useMemo(() => (data.data ? charts(data.data) : null), [data.data]);
  const [loadedAt, setLoadedAt] = useState(() => new Date().toISOString());

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          督办驾驶舱
        </Typography.Title>
        <Space wrap className="no-print">
          <Select
            aria-label="方案"
            placeholder="全部方案"
            allowClear
            style={{ width: 280 }}
            value={planId}
            onChange={setPlanId}
            options={(plans.data?.items ?? []).map((plan) => ({ value: plan.id, label: plan.title }))}
            showSearch
            optionFilterProp="label"
          />
          <Button
            icon={<ReloadOutlined />}
            onClick={() => {
              data.reload();
              setLoadedAt(new Date().toISOString());
            }}
          >
            刷新
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary" className="print-only-note">
        统计时间：{formatDateTime(loadedAt)}{data.data ? `（截至${formatDate(data.data.asOf)}）` : ''}
        {planId ? ` · ${plans.data?.items.find((plan) => plan.id === planId)?.title ?? ''}` : ' · 全部已发布方案'}
      </Typography.Paragraph>
      <ErrorAlert error={data.error} onRetry={data.reload} />
      {!data.data || !options ? (
        data.loading ? <PageLoading /> : null
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {(
              [
                ['在办任务', data.data.totals.open, undefined, '/ledger'],
                ['红灯', data.data.totals.red, COLORS.red, '/ledger?light=red'],
                ['黄灯', data.data.totals.yellow, '#8a6100', '/ledger?light=yellow'],
                ['绿灯', data.data.totals.green, COLORS.green, '/ledger?light=green'],
                ['逾期', data.data.totals.overdue, COLORS.red, '/ledger?overdue=true'],
                ['进展滞后', data.data.totals.lagging, '#ef6c00', '/ledger'],
              ] as const
            ).map(([title, value, color, to]) => (
              <Col xs={12} md={4} key={title}>
                <Link to={`${to}${planId ? `${to.includes('?') ? '&' : '?'}planId=${planId}` : ''}`}>
                  <Card size="small" hoverable>
                    <Statistic title={title} value={value} styles={{ content: { color, fontWeight: 600 } }} />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={`各责任单位红黄绿灯（前${TOP_UNITS}个单位）`} size="small">
                <EChart option={options.byUnit} height={Math.max(280, Math.min(TOP_UNITS, data.data.byUnit.length) * 28 + 60)} label="各责任单位红黄绿灯数量条形图" />
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title="序时进度" size="small">
                {data.data.pace.some((entry) => entry.count > 0) ? <EChart option={options.pace} label="已完成、超进度、达进度、欠进度、未启动的任务数量饼图" /> : <Typography.Text type="secondary">暂无任务</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="各区域红黄绿灯" size="small">
                {data.data.byRegion.length ? <EChart option={options.byRegion} label="各区域红黄绿灯数量柱状图" /> : <Typography.Text type="secondary">所选方案没有按区域分解的任务</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="逾期督办级别分布" size="small">
                {data.data.ladder.length ? <EChart option={options.ladder} label="逾期任务所处督办级别的分布" /> : <Typography.Text type="secondary">暂无逾期升级的任务</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24}>
              <Card title="逾期趋势（近30天）" size="small">
                {data.data.trend.some((point) => point.total !== null) ? (
                  <EChart option={options.trend} label="近30天每日逾期和进展滞后任务数量折线图" />
                ) : (
                  <Typography.Text type="secondary">尚无每日统计记录（每日汇总时记录）</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24}>
              <Card title="最滞后的单位" size="small">
                <Table<DashboardData['mostLagging'][number]>
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  dataSource={[...data.data.mostLagging]}
                  scroll={{ x: 640 }}
                  locale={{ emptyText: '没有进展滞后的单位' }}
                  columns={[
                    { title: '排名', width: 60, render: (_, __, index) => index + 1 },
                    { title: '责任单位', render: (_, row) => <Link to={`/ledger?unit=${encodeURIComponent(row.unitName)}${planId ? `&planId=${planId}` : ''}`}>{row.unitName}</Link> },
                    { title: '任务', dataIndex: 'total', width: 70 },
                    { title: '进展滞后', dataIndex: 'lagging', width: 90 },
                    { title: '逾期', dataIndex: 'overdue', width: 70 },
                    { title: '红灯', dataIndex: 'red', width: 70 },
                    { title: '滞后占比', width: 90, render: (_, row) => `${row.laggingShare}%` },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
