import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ESCALATION_LEVELS } from '@duban/domain';
import { plansApi } from '../../api/resources/plans.api';
import { useLiveEvents } from '../../app/live-events';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDateTime } from '../../shared/format-date';
import { escalationLabel, lightLabel } from '../../shared/labels';
import { PageLoading } from '../../shared/page-loading';
import { useResource } from '../../shared/use-resource';
import { DASHBOARD_SAMPLE_LIMIT, loadDashboardData, type DashboardData, type UnitRow } from './dashboard-data';
import { EChart, type ChartOption } from './echart';

const COLORS = { red: '#c62828', yellow: '#e0a800', green: '#2e7d32' };
const TOP_UNITS = 15;
const LADDER_ORDER: readonly string[] = ESCALATION_LEVELS;
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
    ladder: {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          data: LADDER_ORDER.filter((level) => data.ladder[level]).map((level) => ({ name: escalationLabel(level), value: data.ladder[level], itemStyle: { color: LADDER_COLORS[level] } })),
          label: { formatter: '{b}：{c}' },
        },
      ],
    } as ChartOption,
    overdue: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.overdueByMonth.map((row) => { const [year, month] = row.month.split('-'); return `${year}年${Number(month)}月`; }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '逾期未办结', type: 'bar', barMaxWidth: 36, data: data.overdueByMonth.map((row) => row.count), itemStyle: { color: COLORS.red }, label: { show: true, position: 'top' } }],
    } as ChartOption,
  };
}

/** 督办驾驶舱: lights by unit and region, the escalation ladder, overdue work and the most lagging units; printable. */
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
        统计时间：{formatDateTime(loadedAt)}
        {planId ? ` · ${plans.data?.items.find((plan) => plan.id === planId)?.title ?? ''}` : ' · 全部已发布方案'}
      </Typography.Paragraph>
      <ErrorAlert error={data.error} onRetry={data.reload} />
      {!data.data || !options ? (
        data.loading ? <PageLoading /> : null
      ) : (
        <>
          {data.data.truncated ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`在办任务超过${DASHBOARD_SAMPLE_LIMIT}项，图表按期限最近的${DASHBOARD_SAMPLE_LIMIT}项统计；灯色总数为全量。`} /> : null}
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {(
              [
                ['在办任务', data.data.totals.open, undefined, '/ledger'],
                ['红灯', data.data.totals.red, COLORS.red, '/ledger?light=red'],
                ['黄灯', data.data.totals.yellow, '#8a6100', '/ledger?light=yellow'],
                ['绿灯', data.data.totals.green, COLORS.green, '/ledger?light=green'],
              ] as const
            ).map(([title, value, color, to]) => (
              <Col xs={12} md={6} key={title}>
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
              <Card title="逾期督办级别分布" size="small">
                {Object.keys(data.data.ladder).length ? <EChart option={options.ladder} label="逾期任务所处督办级别的分布" /> : <Typography.Text type="secondary">暂无逾期升级的任务</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="各区域红黄绿灯" size="small">
                {data.data.byRegion.length ? <EChart option={options.byRegion} label="各区域红黄绿灯数量柱状图" /> : <Typography.Text type="secondary">所选方案没有按区域分解的任务</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="逾期未办结任务（按原定期限月份）" size="small">
                {data.data.overdueByMonth.length ? <EChart option={options.overdue} label="逾期未办结任务按原定期限月份的柱状图" /> : <Typography.Text type="secondary">没有逾期未办结的任务</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24}>
              <Card title="滞后单位排行" size="small">
                <Table<UnitRow>
                  rowKey="unit"
                  size="small"
                  pagination={false}
                  dataSource={data.data.byUnit.filter((row) => row.red + row.yellow > 0).slice(0, 10)}
                  scroll={{ x: 640 }}
                  locale={{ emptyText: '没有亮红灯或黄灯的单位' }}
                  columns={[
                    { title: '排名', width: 60, render: (_, __, index) => index + 1 },
                    { title: '责任单位', render: (_, row) => <Link to={`/ledger?unit=${encodeURIComponent(row.unit)}&light=red${planId ? `&planId=${planId}` : ''}`}>{row.unit}</Link> },
                    { title: '红灯', dataIndex: 'red', width: 70 },
                    { title: '黄灯', dataIndex: 'yellow', width: 70 },
                    { title: '逾期', dataIndex: 'overdue', width: 70 },
                    { title: '累计逾期天数', dataIndex: 'overdueDays', width: 120 },
                    { title: '约谈次数', dataIndex: 'talks', width: 90 },
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
