import { Button, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { assignmentsApi, type AssignmentSummary, type HumanAction } from '../../api/resources/assignments.api';
import { inboxApi } from '../../api/resources/inbox.api';
import { useLiveEvents } from '../../app/live-events';
import { AssignmentCards } from '../../shared/assignment-cards';
import { ErrorAlert } from '../../shared/error-alert';
import { addCalendarDays, shanghaiToday } from '../../shared/format-date';
import { formatTotal } from '../../shared/format-total';
import { useResource } from '../../shared/use-resource';
import { useActionDialog } from './use-action-dialog';

/** How far ahead 即将到期 looks (calendar days). */
const DUE_SOON_DAYS = 14;
const LIMIT = 50;

/**
 * Returned closures: the unit's inbox keeps a message for each 退回; the ones whose
 * assignment is still in progress are still to be done again.
 */
async function returnedAssignments(signal: AbortSignal): Promise<AssignmentSummary[]> {
  const messages = await inboxApi.list({ kind: 'assignment.closure_rejected', limit: LIMIT }, signal);
  const ids = [...new Set(messages.items.map((message) => message.payload.assignmentId).filter((id): id is string => typeof id === 'string'))];
  const details = await Promise.all(ids.map((id) => assignmentsApi.get(id, signal).catch(() => null)));
  return details.filter((detail): detail is NonNullable<typeof detail> => detail !== null && detail.status === 'in_progress');
}

/** 责任单位经办人的工作台: 待签收 / 待反馈 / 被退回 / 即将到期, phone-first. */
export function UnitStaffWorkbench() {
  const today = shanghaiToday();
  const pending = useResource((signal) => assignmentsApi.list({ status: 'pending_acceptance', sort: 'dueDate', limit: LIMIT }, signal), 'pending');
  const inProgress = useResource((signal) => assignmentsApi.list({ status: 'in_progress', sort: 'light', limit: LIMIT }, signal), 'in-progress');
  const returned = useResource(returnedAssignments, 'returned');
  const dueSoon = useResource((signal) => assignmentsApi.list({ status: 'in_progress', dueTo: addCalendarDays(today, DUE_SOON_DAYS), sort: 'dueDate', limit: LIMIT }, signal), `due-soon-${today}`);
  const reloadAll = () => [pending, inProgress, returned, dueSoon].forEach((resource) => resource.reload());
  useLiveEvents(reloadAll);
  const [openAction, dialog] = useActionDialog(reloadAll);
  const [tab, setTab] = useState('pending');

  const button = (item: AssignmentSummary, action: HumanAction, label: string, primary = true) => (
    <Button key={action} type={primary ? 'primary' : 'default'} size="middle" onClick={() => openAction(item, action)}>
      {label}
    </Button>
  );
  const tabs = [
    {
      key: 'pending',
      label: '待签收',
      count: pending.data?.total,
      capped: pending.data?.totalCapped,
      children: (
        <>
          <ErrorAlert error={pending.error} onRetry={pending.reload} />
          <AssignmentCards items={pending.data?.items ?? []} empty="没有待签收的任务" action={(item) => <Space wrap>{button(item, 'accept', '签收')}{button(item, 'decline', '退办', false)}</Space>} />
        </>
      ),
    },
    {
      key: 'report',
      label: '待反馈',
      count: inProgress.data?.total,
      capped: inProgress.data?.totalCapped,
      children: (
        <>
          <ErrorAlert error={inProgress.error} onRetry={inProgress.reload} />
          <AssignmentCards items={inProgress.data?.items ?? []} empty="没有办理中的任务" action={(item) => <Space wrap>{button(item, 'reportProgress', '反馈进展')}{button(item, 'requestClosure', '申请办结', false)}</Space>} />
        </>
      ),
    },
    {
      key: 'returned',
      label: '被退回',
      count: returned.data?.length,
      capped: false,
      children: (
        <>
          <ErrorAlert error={returned.error} onRetry={returned.reload} />
          <AssignmentCards items={returned.data ?? []} empty="没有被退回的办结申请" action={(item) => <Space wrap>{button(item, 'requestClosure', '重新申请办结')}{button(item, 'reportProgress', '反馈进展', false)}</Space>} />
        </>
      ),
    },
    {
      key: 'due-soon',
      label: '即将到期',
      count: dueSoon.data?.total,
      capped: dueSoon.data?.totalCapped,
      children: (
        <>
          <Typography.Paragraph type="secondary">{DUE_SOON_DAYS}天内到期及已逾期的办理中任务</Typography.Paragraph>
          <ErrorAlert error={dueSoon.error} onRetry={dueSoon.reload} />
          <AssignmentCards items={dueSoon.data?.items ?? []} empty="近期没有到期的任务" action={(item) => <Space wrap>{button(item, 'reportProgress', '反馈进展')}{button(item, 'requestExtension', '申请延期', false)}</Space>} />
        </>
      ),
    },
  ];

  return (
    <>
      {/* Four queues as large buttons (a 2 × 2 grid on a phone), the chosen one listed below. */}
      <Row gutter={[8, 8]} role="tablist" aria-label="待办" style={{ marginBottom: 12 }}>
        {tabs.map((queue) => (
          <Col xs={12} md={6} key={queue.key}>
            <button type="button" role="tab" aria-selected={tab === queue.key} className={`queue-tile${tab === queue.key ? ' queue-tile-active' : ''}`} onClick={() => setTab(queue.key)}>
              <span className="queue-tile-label">{queue.label}</span>
              <span className={`queue-tile-count${queue.count ? ' queue-tile-due' : ''}`}>{queue.count === undefined ? '…' : formatTotal({ total: queue.count, totalCapped: queue.capped })}</span>
            </button>
          </Col>
        ))}
      </Row>
      <div role="tabpanel" aria-label={tabs.find((queue) => queue.key === tab)?.label}>
        {tabs.find((queue) => queue.key === tab)?.children}
      </div>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/ledger">查看本单位全部任务 →</Link>
      </Typography.Paragraph>
      {dialog}
    </>
  );
}
