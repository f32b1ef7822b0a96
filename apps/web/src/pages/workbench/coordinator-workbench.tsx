import { Badge, Button, Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { assignmentsApi, type AssignmentDetail, type AssignmentSummary } from '../../api/resources/assignments.api';
import { inboxApi } from '../../api/resources/inbox.api';
import { useLiveEvents } from '../../app/live-events';
import { pendingExtension } from '../../shared/available-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDate, formatDateTime } from '../../shared/format-date';
import { ItemList } from '../../shared/item-list';
import { LightTag } from '../../shared/status-tags';
import { useResource } from '../../shared/use-resource';
import { openTalkProposals, TalkProposals } from './talk-proposals';
import { useActionDialog } from './use-action-dialog';

const LIMIT = 50;

/**
 * Extension requests waiting for a decision. The list API has no filter for them
 * yet: the coordinators' mailbox holds one message per request, and each
 * assignment's event log says whether it is still undecided.
 */
async function extensionQueue(signal: AbortSignal): Promise<(AssignmentDetail & { pending: { requestedDueDate: string; reason: string } })[]> {
  const messages = await inboxApi.list({ kind: 'assignment.extension_requested', limit: LIMIT }, signal);
  const ids = [...new Set(messages.items.map((message) => message.payload.assignmentId).filter((id): id is string => typeof id === 'string'))];
  const details = await Promise.all(ids.map((id) => assignmentsApi.get(id, signal).catch(() => null)));
  return details.flatMap((detail) => {
    const pending = detail && detail.status === 'in_progress' ? pendingExtension(detail.events) : null;
    return detail && pending ? [{ ...detail, pending }] : [];
  });
}

function Title({ item }: { item: Pick<AssignmentSummary, 'id' | 'taskNumber' | 'taskTitle'> }) {
  return (
    <Link to={`/assignments/${item.id}`} style={{ fontWeight: 600 }}>
      {item.taskNumber !== null ? `任务${item.taskNumber}：` : ''}
      {item.taskTitle ?? '目标任务'}
    </Link>
  );
}

function QueueCard({ title, count, children, more }: { title: string; count: number | undefined; children: React.ReactNode; more?: React.ReactNode }) {
  return (
    <Card
      size="small"
      title={
        <span>
          {title}
          <Badge count={count ?? 0} showZero color={count ? '#c62828' : '#bfbfbf'} style={{ marginLeft: 8 }} />
        </span>
      }
      extra={more}
      style={{ height: '100%' }}
    >
      {children}
    </Card>
  );
}

/** 牵头协调人员的工作台: closures to verify, extensions to decide, 约谈 proposals, declined tasks to reassign. */
export function CoordinatorWorkbench() {
  const closures = useResource((signal) => assignmentsApi.list({ status: 'closure_requested', sort: '-updatedAt', limit: LIMIT }, signal), 'closures');
  const extensions = useResource(extensionQueue, 'extensions');
  const talks = useResource(openTalkProposals, 'talks');
  const declined = useResource((signal) => assignmentsApi.list({ status: 'declined', sort: '-updatedAt', limit: LIMIT }, signal), 'declined');
  const reloadAll = () => [closures, extensions, talks, declined].forEach((resource) => resource.reload());
  useLiveEvents(reloadAll);
  const [openAction, dialog] = useActionDialog(reloadAll);

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <QueueCard title="办结待审核" count={closures.data?.total} more={<Link to="/ledger?status=closure_requested">台账 →</Link>}>
            <ErrorAlert error={closures.error} onRetry={closures.reload} />
            <ItemList
              label="办结待审核"
              items={closures.data?.items ?? []}
              itemKey={(item) => item.id}
              render={(item) => (
                <>
                  <Title item={item} />
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {item.unitName} · 期限{formatDate(item.dueDate)} · 申请于{formatDateTime(item.updatedAt)}
                  </Typography.Paragraph>
                  <Space wrap>
                    <Button size="small" type="primary" onClick={() => openAction(item, 'approveClosure')}>
                      审核通过
                    </Button>
                    <Button size="small" danger onClick={() => openAction(item, 'rejectClosure')}>
                      退回
                    </Button>
                  </Space>
                </>
              )}
            />
            {closures.data?.items.length === 0 ? <Typography.Text type="secondary">没有待审核的办结申请</Typography.Text> : null}
          </QueueCard>
        </Col>
        <Col xs={24} xl={12}>
          <QueueCard title="延期待审批" count={extensions.data?.length}>
            <ErrorAlert error={extensions.error} onRetry={extensions.reload} />
            <ItemList
              label="延期待审批"
              items={extensions.data ?? []}
              itemKey={(item) => item.id}
              render={(item) => (
                <>
                  <Title item={item} />
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {item.unitName} · 申请由{formatDate(item.dueDate)}延至{formatDate(item.pending.requestedDueDate)}
                  </Typography.Paragraph>
                  <Typography.Paragraph className="user-text" style={{ margin: '4px 0' }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>
                    理由：{item.pending.reason}
                  </Typography.Paragraph>
                  <Button size="small" type="primary" onClick={() => openAction({ ...item, pendingExtension: item.pending }, 'decideExtension')}>
                    审批延期
                  </Button>
                </>
              )}
            />
            {extensions.data?.length === 0 ? <Typography.Text type="secondary">没有待审批的延期申请</Typography.Text> : null}
          </QueueCard>
        </Col>
        <Col xs={24} xl={12}>
          <QueueCard title="约谈建议" count={talks.data?.length}>
            <Typography.Paragraph type="secondary">逾期任务经催办、督办、通报仍未办结，升级流程建议约谈</Typography.Paragraph>
            <TalkProposals proposals={talks} onTalk={(target) => openAction(target, 'triggerTalk')} />
          </QueueCard>
        </Col>
        <Col xs={24} xl={12}>
          <QueueCard title="退办待改派" count={declined.data?.total}>
            <ErrorAlert error={declined.error} onRetry={declined.reload} />
            <ItemList
              label="退办待改派"
              items={declined.data?.items ?? []}
              itemKey={(item) => item.id}
              render={(item) => (
                <>
                  <Title item={item} />
                  <Space wrap style={{ display: 'flex', marginTop: 4 }}>
                    <Typography.Text type="secondary">{item.unitName}</Typography.Text>
                    <LightTag item={item} />
                    <Button size="small" type="primary" onClick={() => openAction(item, 'reassign')}>
                      改派
                    </Button>
                  </Space>
                </>
              )}
            />
            {declined.data?.items.length === 0 ? <Typography.Text type="secondary">没有退办的任务</Typography.Text> : null}
          </QueueCard>
        </Col>
      </Row>
      {dialog}
    </>
  );
}
