import { Button, Card, Col, Grid, Row, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { assignmentsApi, type AssignmentSummary } from '../../api/resources/assignments.api';
import { useLiveEvents } from '../../app/live-events';
import { AssignmentCards } from '../../shared/assignment-cards';
import { ErrorAlert } from '../../shared/error-alert';
import { daysBetween, formatDate, shanghaiToday } from '../../shared/format-date';
import { formatTotal } from '../../shared/format-total';
import { EscalationTag, LightTag, StatusTag } from '../../shared/status-tags';
import { useResource } from '../../shared/use-resource';
import { StatCard } from './stat-card';
import { useActionDialog } from './use-action-dialog';

const total = (query: Parameters<typeof assignmentsApi.list>[0]) => (signal: AbortSignal) => assignmentsApi.list({ ...query, limit: 1 }, signal);

/** 督查人员的工作台: red and yellow counts, the overdue list, 催办 from each row. */
export function SupervisorWorkbench() {
  const screens = Grid.useBreakpoint();
  const red = useResource(total({ light: 'red' }), 'red');
  const yellow = useResource(total({ light: 'yellow' }), 'yellow');
  const overdueCount = useResource(total({ overdue: true }), 'overdue-count');
  const pending = useResource(total({ status: 'pending_acceptance' }), 'pending');
  const overdue = useResource((signal) => assignmentsApi.list({ overdue: true, sort: 'dueDate', limit: 20 }, signal), 'overdue');
  const reloadAll = () => [red, yellow, overdueCount, pending, overdue].forEach((resource) => resource.reload());
  useLiveEvents(reloadAll);
  const [openAction, dialog] = useActionDialog(reloadAll);
  const today = shanghaiToday();

  const urge = (item: AssignmentSummary) => (
    <Button size="small" type="primary" onClick={() => openAction(item, 'urge')}>
      催办
    </Button>
  );

  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <StatCard title="红灯任务" value={red.data?.total} capped={red.data?.totalCapped} color="#c62828" to="/ledger?light=red" />
        </Col>
        <Col xs={12} md={6}>
          <StatCard title="黄灯任务" value={yellow.data?.total} capped={yellow.data?.totalCapped} color="#8a6100" to="/ledger?light=yellow" />
        </Col>
        <Col xs={12} md={6}>
          <StatCard title="逾期未办结" value={overdueCount.data?.total} capped={overdueCount.data?.totalCapped} color="#c62828" to="/ledger?overdue=true" />
        </Col>
        <Col xs={12} md={6}>
          <StatCard title="待签收" value={pending.data?.total} capped={pending.data?.totalCapped} to="/ledger?status=pending_acceptance" />
        </Col>
      </Row>
      <Card title="逾期任务" size="small" extra={<Link to="/ledger?overdue=true">全部逾期任务 →</Link>}>
        <ErrorAlert error={overdue.error} onRetry={overdue.reload} />
        {screens.md ? (
          <Table<AssignmentSummary>
            rowKey="id"
            size="small"
            pagination={false}
            loading={overdue.loading}
            dataSource={overdue.data?.items as AssignmentSummary[] | undefined}
            locale={{ emptyText: '没有逾期任务' }}
            columns={[
              { title: '任务', render: (_, item) => <Link to={`/assignments/${item.id}`}>{item.taskTitle ?? '目标任务'}</Link> },
              { title: '责任单位', dataIndex: 'unitName', width: 160 },
              { title: '期限', width: 130, render: (_, item) => formatDate(item.dueDate) },
              { title: '逾期', width: 80, render: (_, item) => `${Math.max(0, daysBetween(item.dueDate, today))}天` },
              { title: '状态', width: 90, render: (_, item) => <StatusTag status={item.status} label={item.statusLabel} /> },
              { title: '灯', width: 80, render: (_, item) => <LightTag item={item} /> },
              { title: '督办级别', width: 100, render: (_, item) => <EscalationTag level={item.escalationLevel} label={item.escalationLevelLabel} /> },
              { title: '操作', width: 80, render: (_, item) => urge(item) },
            ]}
          />
        ) : (
          <AssignmentCards items={overdue.data?.items ?? []} empty="没有逾期任务" action={urge} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          共 {formatTotal(overdue.data)} 项逾期，按期限由早到晚列出前20项
        </Typography.Paragraph>
      </Card>
      {dialog}
    </>
  );
}
