import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Progress, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { assignmentsApi, type AssignmentDetail, type HumanAction } from '../../api/resources/assignments.api';
import { plansApi } from '../../api/resources/plans.api';
import { useLiveEvents } from '../../app/live-events';
import { useSignedIn } from '../../app/session-context';
import { availableActions, pendingExtension } from '../../shared/available-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDate, formatDateTime } from '../../shared/format-date';
import { commandLabel, escalationLabel, escalationSourceLabel, eventLabel, responsibilityLabel, roleLabel } from '../../shared/labels';
import { PageLoading } from '../../shared/page-loading';
import { SafeLink } from '../../shared/safe-link';
import { EscalationTag, LightTag, StatusTag } from '../../shared/status-tags';
import { ItemList } from '../../shared/item-list';
import { useResource } from '../../shared/use-resource';
import { ActionDialog } from './action-dialog';
import { eventSummary } from './event-summary';
import { EvidenceFiles, evidenceFiles } from './evidence-files';
import { isDirectoryId } from '../../shared/use-unit-names';

/** Actions shown as the main button (the unit's next step, or the reviewer's). */
const PRIMARY: readonly HumanAction[] = ['accept', 'reportProgress', 'approveClosure', 'decideExtension', 'urge', 'triggerTalk'];
const DANGER: readonly HumanAction[] = ['decline', 'withdraw', 'rejectClosure'];

function actorName(actor: AssignmentDetail['events'][number]['actor']): string {
  if (actor.displayName) return actor.displayName;
  if (actor.role === 'system') return '系统（自动）';
  // A recorded actor's scope may hold the unit's id beside its name (ids are for machines): names only.
  const names = (actor.unitIds ?? []).filter((unit) => !isDirectoryId(unit));
  const units = names.length ? `（${names.join('、')}）` : '';
  return `${roleLabel(actor.role, actor.roleLabel)}${units}`;
}

/** The task as printed: its text, numbered with its label unless the text already starts with it. */
function clauseText(task: { number: number; label: string | null; title: string; text?: string | null }): string {
  const body = task.text ?? task.title;
  const label = task.label ?? `${task.number}.`;
  return body.trimStart().startsWith(label.trim()) ? body : `${label} ${body}`;
}

function PlanClause({ planId, taskNumber }: { planId: string; taskNumber: number | null }) {
  const task = useResource(() => (taskNumber === null ? Promise.resolve(null) : plansApi.task(planId, taskNumber)), `${planId}/${taskNumber}`);
  const plan = useResource(() => plansApi.get(planId), planId);
  return (
    <Card title="方案原文" size="small">
      {plan.data ? (
        <Typography.Paragraph type="secondary">
          《{plan.data.title}》{plan.data.docNumber ? `（${plan.data.docNumber}）` : ''}
        </Typography.Paragraph>
      ) : null}
      {taskNumber === null ? (
        <Typography.Text type="secondary">目标任务（来自方案的任务分解表）</Typography.Text>
      ) : task.data ? (
        <>
          <div className="clause">{clauseText(task.data)}</div>
          {task.data.responsibleRaw ? <Typography.Paragraph style={{ marginTop: 8 }}>责任单位：{task.data.responsibleRaw}</Typography.Paragraph> : null}
        </>
      ) : (
        <ErrorAlert error={task.error} />
      )}
    </Card>
  );
}

export default function AssignmentPage() {
  const { id = '' } = useParams();
  const { actor } = useSignedIn();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const detail = useResource((signal) => assignmentsApi.get(id, signal), id);
  useLiveEvents(detail.reload, (event) => event.assignmentId === id);
  const [dialog, setDialog] = useState<HumanAction | null>(() => (params.get('action') as HumanAction | null) ?? null);

  const item = detail.data;
  const pending = useMemo(() => (item ? pendingExtension(item.events) : null), [item]);
  const actions = useMemo(() => (item ? availableActions(actor, { unitId: item.unitId ?? null, unitName: item.unitName, status: item.status, extensionPending: pending !== null }) : []), [actor, item, pending]);

  if (detail.loading && !item) return <PageLoading />;
  if (!item) return <ErrorAlert error={detail.error} onRetry={detail.reload} />;

  const closeDialog = () => {
    setDialog(null);
    if (params.has('action')) setParams({}, { replace: true });
  };
  const openAction = dialog && actions.includes(dialog) ? dialog : null;
  const extended = item.originalDueDate !== item.dueDate;

  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} style={{ paddingLeft: 0 }}>
          返回
        </Button>
      </Space>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {item.taskNumber !== null ? `任务${item.taskNumber}：` : ''}
          {item.taskTitle ?? '目标任务'}
        </Typography.Title>
        <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
          <StatusTag status={item.status} label={item.statusLabel} />
          <LightTag item={item} />
          <EscalationTag level={item.escalationLevel} label={item.escalationLevelLabel} />
          {pending ? <Tag color="cyan">延期申请待审批</Tag> : null}
          {item.talkCount > 0 ? <Tag color="red">已约谈{item.talkCount}次</Tag> : null}
          {item.proposed ? <Tag>推定责任单位</Tag> : null}
        </Space>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'unit', label: '责任单位', children: `${item.unitName}（${responsibilityLabel(item.responsibility, item.responsibilityLabel)}）` },
            ...(item.region ? [{ key: 'region', label: '区域', children: item.region }] : []),
            {
              key: 'due',
              label: '办理期限',
              children: (
                <>
                  {formatDate(item.dueDate)}
                  {extended ? <Typography.Text type="secondary">（原定{formatDate(item.originalDueDate)}）</Typography.Text> : null}
                </>
              ),
            },
            { key: 'start', label: '下达日期', children: formatDate(item.startDate) },
            { key: 'percent', label: '完成进度', children: item.percent !== null ? <Progress percent={item.percent} size="small" style={{ width: 160, margin: 0 }} /> : '尚未反馈' },
          ]}
        />
        {item.lightReasons.length ? (
          <Alert
            type={item.light === 'red' ? 'error' : item.light === 'yellow' ? 'warning' : 'info'}
            showIcon
            title="亮灯原因"
            description={
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {item.lightReasons.map((reason, index) => (
                  <li key={index}>{reason.text}</li>
                ))}
              </ul>
            }
            style={{ marginTop: 12 }}
          />
        ) : null}
        {actions.length ? (
          <Space wrap style={{ marginTop: 16 }} className="no-print">
            {actions.map((action) => (
              <Button key={action} type={PRIMARY.includes(action) ? 'primary' : 'default'} danger={DANGER.includes(action)} onClick={() => setDialog(action)}>
                {action === 'urge' ? '催办 / 督办' : action === 'approveClosure' ? '审核通过' : action === 'rejectClosure' ? '退回' : commandLabel(action)}
              </Button>
            ))}
          </Space>
        ) : null}
      </Card>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="进展反馈" size="small">
              {item.progressReports.length ? (
                <ItemList
                  label="进展反馈"
                  items={[...item.progressReports].reverse()}
                  itemKey={(report) => report.seq}
                  render={(report) => (
                    <>
                      <Space wrap>
                        <span>{formatDateTime(report.reportedAt)}</span>
                        {report.percent !== null ? <Tag color="blue">进度{report.percent}%</Tag> : null}
                        {report.actualValue !== null ? <Tag>实际完成值{report.actualValue}</Tag> : null}
                      </Space>
                      <div className="user-text" style={{ marginTop: 4 }}>
                        {report.text}
                      </div>
                      {evidenceFiles(report.evidence).length ? (
                        <div style={{ marginTop: 4 }}>
                          佐证文件：
                          <EvidenceFiles files={evidenceFiles(report.evidence)} />
                        </div>
                      ) : null}
                      {report.evidenceLinks.length ? (
                        <div style={{ marginTop: 4 }}>
                          佐证材料：
                          {report.evidenceLinks.map((link, index) => (
                            <span key={index} style={{ marginRight: 12, wordBreak: 'break-all' }}>
                              <SafeLink href={link} />
                            </span>
                          ))}
                        </div>
                      ) : null}
                    </>
                  )}
                />
              ) : (
                <Empty description="尚无进展反馈" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
            <PlanClause planId={item.planId} taskNumber={item.taskNumber} />
            {item.milestones.length || item.targets.length ? (
              <Card title="节点与目标" size="small">
                {item.milestones.length ? (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(row) => `${row.due}-${row.text}`}
                    dataSource={item.milestones}
                    columns={[
                      { title: '节点期限', dataIndex: 'due', width: 150, render: (due: string) => formatDate(due) },
                      { title: '要求', dataIndex: 'text', render: (text: string) => <span className="user-text">{text}</span> },
                    ]}
                    style={{ marginBottom: item.targets.length ? 16 : 0 }}
                  />
                ) : null}
                {item.targets.length ? (
                  <Table
                    size="small"
                    pagination={false}
                    rowKey={(_, index) => String(index)}
                    dataSource={item.targets as Record<string, unknown>[]}
                    columns={[
                      { title: '指标', render: (_: unknown, row: Record<string, unknown>) => String(row.metric ?? row.indicator ?? row.column ?? '目标值') },
                      { title: '年度', render: (_: unknown, row: Record<string, unknown>) => String(row.year ?? row.period ?? '—') },
                      { title: '目标值', render: (_: unknown, row: Record<string, unknown>) => `${String(row.value ?? row.target ?? '—')}${row.unit ? String(row.unit) : ''}` },
                    ]}
                  />
                ) : null}
              </Card>
            ) : null}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title="办理过程" size="small">
              <Timeline
                items={[...item.events].reverse().map((event) => ({
                  key: event.seq,
                  color: event.type === 'escalated' || event.type === 'talk_triggered' || event.type === 'closure_rejected' ? 'red' : event.type === 'closure_approved' ? 'green' : 'blue',
                  content: (
                    <div>
                      <Typography.Text strong>{eventLabel(event.type, event.typeLabel)}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {formatDateTime(event.occurredAt)} · {actorName(event.actor)}
                      </Typography.Text>
                      {eventSummary(event) ? <div className="user-text">{eventSummary(event)}</div> : null}
                      {/* A report's links are listed with the report; a closure request's here. */}
                      {event.type !== 'progress_reported' && Array.isArray(event.payload.evidenceLinks) && event.payload.evidenceLinks.length ? (
                        <div>
                          佐证材料：
                          {(event.payload.evidenceLinks as unknown[]).map((link, index) => (
                            <span key={index} style={{ marginRight: 12, wordBreak: 'break-all' }}>
                              <SafeLink href={String(link)} />
                            </span>
                          ))}
                        </div>
                      ) : null}
                      {event.type !== 'progress_reported' && Array.isArray(event.payload.evidence) && evidenceFiles(event.payload.evidence).length ? (
                        <div>
                          佐证文件：
                          <EvidenceFiles files={evidenceFiles(event.payload.evidence)} />
                        </div>
                      ) : null}
                    </div>
                  ),
                }))}
              />
              {item.events.length === 0 ? <Empty description="任务已下达，尚无办理记录" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
            </Card>
            <Card title="催办督办记录" size="small">
              {item.escalations.length ? (
                <ItemList
                  label="催办督办记录"
                  items={[...item.escalations].reverse()}
                  itemKey={(escalation) => escalation.seq}
                  render={(escalation) => (
                    <>
                      <Space wrap>
                        <EscalationTag level={escalation.level} label={escalation.levelLabel ?? escalationLabel(escalation.level)} />
                        <span>{formatDateTime(escalation.occurredAt)}</span>
                        <Typography.Text type="secondary">{escalationSourceLabel(escalation.source, escalation.sourceLabel)}</Typography.Text>
                        {escalation.reason ? <span className="user-text">{escalation.reason}</span> : null}
                      </Space>
                    </>
                  )}
                />
              ) : (
                <Empty description="暂无催办督办" image={Empty.PRESENTED_IMAGE_SIMPLE} />
              )}
            </Card>
            <Typography.Text type="secondary">
              <Link to={`/ledger?planId=${item.planId}${item.taskNumber !== null ? `&taskNumber=${item.taskNumber}` : ''}`}>查看同一任务的其他责任单位</Link>
            </Typography.Text>
          </Space>
        </Col>
      </Row>
      {openAction ? (
        <ActionDialog
          action={openAction}
          target={{ ...item, pendingExtension: pending }}
          onClose={closeDialog}
          onDone={() => {
            closeDialog();
            detail.reload();
            // The read model follows the workflow by one activity: look again shortly.
            setTimeout(detail.reload, 1200);
          }}
        />
      ) : null}
    </div>
  );
}
