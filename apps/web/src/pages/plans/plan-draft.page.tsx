import { App, Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Input, Modal, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../api/api-error';
import { newIdempotencyKey } from '../../api/api-client';
import { plansApi, type PlanTask, type UnitResolution } from '../../api/resources/plans.api';
import { useSignedIn } from '../../app/session-context';
import { mayDoPlanAction } from '../../shared/available-actions';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDate, formatDateTime } from '../../shared/format-date';
import { ItemList } from '../../shared/item-list';
import { PageLoading } from '../../shared/page-loading';
import { useResource } from '../../shared/use-resource';
import { PlanStatusTag } from './plans.page';
import { publishGate } from './publish-gate';
import { publishProblems, UnitMapping } from './unit-mapping';
import { TaskEditDialog } from './task-edit-dialog';

const RESOLUTION_TAGS: Record<UnitResolution['status'], { color: string; label: string }> = {
  resolved: { color: 'green', label: '已匹配' },
  suggested: { color: 'gold', label: '待确认' },
  unknown: { color: 'red', label: '未知单位' },
};

/** A refused publish: every problem the gate listed (422 publish_blocked), or the error's message. */
function PublishErrorText({ error }: { error: unknown }) {
  const problems = publishProblems(error);
  if (!problems?.length) return <>{errorMessage(error)}</>;
  return (
    <ul style={{ margin: 0, paddingLeft: 20 }}>
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.taskNumber !== undefined ? `任务${problem.taskNumber}：` : ''}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

function UnitResolutions({ resolutions }: { resolutions: readonly UnitResolution[] }) {
  return (
    <Card size="small" title="责任单位识别" style={{ marginTop: 16 }}>
      <Table<UnitResolution>
        size="small"
        rowKey="printed"
        pagination={false}
        dataSource={resolutions as UnitResolution[]}
        columns={[
          { title: '方案中的写法', dataIndex: 'printed' },
          { title: '识别结果', width: 100, render: (_, row) => <Tag color={RESOLUTION_TAGS[row.status].color}>{RESOLUTION_TAGS[row.status].label}</Tag> },
          { title: '对应单位', render: (_, row) => row.unitName ?? (row.suggestions.length ? `可能是：${row.suggestions.map((suggestion) => suggestion.unitName).join('、')}` : '—') },
          { title: '涉及任务', width: 140, render: (_, row) => row.taskNumbers.join('、') },
        ]}
      />
      {/* The second phase adds the mapping here: pick a suggested unit, or create one (POST /plans/:id/unit-mappings). */}
    </Card>
  );
}

/** A plan: for a draft, the preview with the publish gate's reasons, task edits and publishing. */
export default function PlanDraftPage() {
  const { id = '' } = useParams();
  const { actor } = useSignedIn();
  const { message } = App.useApp();
  const plan = useResource(() => plansApi.get(id), id);
  const tasks = useResource(() => plansApi.tasks(id), `tasks-${id}`);
  const mayReview = actor.role === 'coordinator' || actor.role === 'admin';
  const [defaultDueDate, setDefaultDueDate] = useState<Dayjs | null>(null);
  const preview = useResource(() => (mayReview ? plansApi.preview(id, defaultDueDate?.format('YYYY-MM-DD')) : Promise.resolve(null)), `preview-${id}-${defaultDueDate?.format('YYYY-MM-DD') ?? ''}`);
  const [editing, setEditing] = useState<PlanTask | null>(null);
  const [confirmProposals, setConfirmProposals] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<ApiError | Error | null>(null);
  const [publishKey, setPublishKey] = useState(newIdempotencyKey);
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState('');

  // After publishing (the rollout workflow marks the plan publishing, then published), look again every 2 s until it has.
  const [awaitingRollout, setAwaitingRollout] = useState(false);
  const status = plan.data?.status;
  const rolling = status === 'publishing' || (awaitingRollout && status === 'draft');
  useEffect(() => {
    if (!rolling) return undefined;
    const timer = setInterval(plan.reload, 2000);
    return () => clearInterval(timer);
  }, [rolling, plan.reload]);

  if (plan.loading && !plan.data) return <PageLoading />;
  if (!plan.data) return <ErrorAlert error={plan.error} onRetry={plan.reload} />;
  const current = plan.data;
  const draft = current.status === 'draft';
  const gate = preview.data ? publishGate(preview.data, confirmProposals) : null;
  const proposals = new Map<number, string[]>();
  for (const item of preview.data?.proposed ?? []) if (item.taskNumber !== null) proposals.set(item.taskNumber, [...(proposals.get(item.taskNumber) ?? []), item.unitName]);
  const mayPublish = mayDoPlanAction(actor, 'publishPlan');

  const publish = async () => {
    setPublishing(true);
    setPublishError(null);
    try {
      await plansApi.publish(id, { confirmProposals: confirmProposals || undefined, defaultDueDate: defaultDueDate?.format('YYYY-MM-DD') }, publishKey);
      message.success('已开始发布：正在为每个责任单位生成任务');
      setPublishKey(newIdempotencyKey());
      setAwaitingRollout(true);
      plan.reload();
    } catch (caught) {
      setPublishError(caught instanceof Error ? caught : new Error(errorMessage(caught)));
    } finally {
      setPublishing(false);
    }
  };

  const withdraw = async () => {
    try {
      await plansApi.withdraw(id, withdrawReason.trim(), newIdempotencyKey());
      message.success('方案已撤回，未办结的任务已撤销');
      setWithdrawing(false);
      plan.reload();
    } catch (caught) {
      message.error(errorMessage(caught));
    }
  };

  return (
    <div>
      <Typography.Paragraph>
        <Link to="/plans">← 方案管理</Link>
      </Typography.Paragraph>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {current.title} <PlanStatusTag plan={current} />
        </Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'doc', label: '文号', children: current.docNumber ?? '—' },
            { key: 'issuer', label: '印发单位', children: current.issuer ?? '—' },
            { key: 'period', label: '实施期', children: current.period ? `${current.period.from}—${current.period.to}年` : '未写明' },
            { key: 'file', label: '文件', children: current.documentName },
            { key: 'tasks', label: '重点任务', children: `${current.taskCount}项` },
            { key: 'created', label: '导入时间', children: formatDateTime(current.createdAt) },
          ]}
        />
        {rolling ? <Alert type="info" showIcon title="正在发布：为每项任务的每个责任单位生成任务并启动督办流程…" style={{ marginTop: 12 }} /> : null}
        {current.status === 'published' ? (
          <Space wrap style={{ marginTop: 12 }}>
            <Link to={`/ledger?planId=${current.id}`}>查看该方案的任务台账 →</Link>
            {mayPublish ? (
              <Button danger onClick={() => setWithdrawing(true)}>
                撤回方案
              </Button>
            ) : null}
          </Space>
        ) : null}
      </Card>

      {draft && mayReview && !rolling ? (
        <Card title="发布前核对" style={{ marginTop: 16 }}>
          <ErrorAlert error={preview.error} onRetry={preview.reload} />
          {preview.data && gate ? (
            <>
              <Row gutter={[16, 16]}>
                <Col xs={12} md={6}>
                  <Statistic title="将生成的任务" value={preview.data.assignments} suffix="项" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="推定的责任单位" value={preview.data.proposed.length} suffix="个" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="缺少期限的任务" value={preview.data.withoutDueDate.length} suffix="项" />
                </Col>
                <Col xs={12} md={6}>
                  <Statistic title="解析提示" value={preview.data.warnings.length} suffix="条" />
                </Col>
              </Row>
              {gate.ok ? (
                <Alert type="success" showIcon title="核对通过，可以发布" style={{ marginTop: 16 }} />
              ) : (
                <Alert
                  type="warning"
                  showIcon
                  title="发布前须处理以下问题"
                  style={{ marginTop: 16 }}
                  description={
                    <ul style={{ margin: 0, paddingLeft: 20 }}>
                      {gate.problems.map((problem, index) => (
                        <li key={index}>{problem.message}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              {preview.data.proposed.length ? (
                <Card size="small" title="从任务正文推定的责任单位" style={{ marginTop: 16 }}>
                  <ItemList
                    items={preview.data.proposed}
                    itemKey={(item, index) => `${item.taskNumber}-${item.unitName}-${index}`}
                    render={(item) => (
                      <span>
                        任务{item.taskNumber ?? '—'}：{item.unitName}（{item.responsibility === 'lead' ? '牵头' : '配合'}）
                      </span>
                    )}
                  />
                  <Checkbox checked={confirmProposals} onChange={(event) => setConfirmProposals(event.target.checked)} style={{ marginTop: 8 }}>
                    已核对，确认以上责任单位
                  </Checkbox>
                </Card>
              ) : null}
              {preview.data.withoutDueDate.length ? (
                <Space wrap style={{ marginTop: 16 }}>
                  <span>没有期限的任务统一按</span>
                  <DatePicker value={defaultDueDate} onChange={setDefaultDueDate} format="YYYY年M月D日" aria-label="默认期限" />
                  <span>办结（也可逐项编辑任务的期限）</span>
                </Space>
              ) : null}
              <UnitMapping planId={id} editable={mayReview} onChanged={preview.reload} fallback={preview.data.unitResolutions?.length ? <UnitResolutions resolutions={preview.data.unitResolutions} /> : null} />
              {preview.data.warnings.length ? (
                <Card size="small" title="解析提示" style={{ marginTop: 16 }}>
                  <ItemList items={preview.data.warnings} itemKey={(_, index) => index} render={(warning) => <span className="user-text">{warning.message ?? warning.text ?? warning.code}</span>} />
                </Card>
              ) : null}
              {publishError ? (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  title="未能发布"
                  description={<PublishErrorText error={publishError} />}
                  style={{ marginTop: 16 }}
                />
              ) : null}
              {mayPublish ? (
                <Space style={{ marginTop: 16 }}>
                  <Button type="primary" size="large" disabled={!gate.ok} loading={publishing} onClick={() => void publish()}>
                    发布方案
                  </Button>
                  {!gate.ok ? <Typography.Text type="secondary">处理完上述问题后可发布</Typography.Text> : null}
                </Space>
              ) : (
                <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
                  核对完成后由管理员发布。
                </Typography.Paragraph>
              )}
            </>
          ) : null}
        </Card>
      ) : null}

      <Card title="重点任务" style={{ marginTop: 16 }}>
        <ErrorAlert error={tasks.error} onRetry={tasks.reload} />
        <Table<PlanTask>
          rowKey="number"
          size="small"
          loading={tasks.loading}
          dataSource={tasks.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            { title: '序号', dataIndex: 'number', width: 64 },
            { title: '任务', render: (_, task) => <span className="user-text">{task.title}</span> },
            {
              title: '责任单位',
              width: 280,
              render: (_, task) => {
                const proposed = proposals.get(task.number) ?? [];
                if (!task.units.length && !proposed.length) return <Typography.Text type="secondary">正文未写明</Typography.Text>;
                return (
                  <Space wrap size={[4, 4]}>
                    {task.units.map((unit) => (
                      <Tag key={unit} color={task.lead.includes(unit) ? 'blue' : undefined}>
                        {unit}
                        {task.lead.includes(unit) ? '（牵头）' : ''}
                      </Tag>
                    ))}
                    {proposed.map((unit) => (
                      <Tag key={`proposed-${unit}`} color="gold" title="从任务正文推定，发布前须确认">
                        {unit}（推定）
                      </Tag>
                    ))}
                  </Space>
                );
              },
            },
            {
              title: '期限',
              width: 200,
              render: (_, task) =>
                task.deadlines.length ? (
                  [...new Set(task.deadlines.map((deadline) => deadline.due))].map((due) => (
                    <div key={due} title={task.deadlines.filter((deadline) => deadline.due === due).map((deadline) => deadline.text).join('；')}>
                      {formatDate(due)}
                    </div>
                  ))
                ) : (
                  <Typography.Text type="secondary">{draft ? '无（发布时须补）' : '按方案实施期'}</Typography.Text>
                ),
            },
            ...(draft && mayReview
              ? [
                  {
                    title: '操作',
                    width: 80,
                    render: (_: unknown, task: PlanTask) => (
                      <Button size="small" onClick={() => setEditing(task)} aria-label={`编辑任务${task.number}`}>
                        编辑
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? (
        <TaskEditDialog
          planId={id}
          task={editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success(`任务${editing.number}已保存`);
            tasks.reload();
            preview.reload();
          }}
        />
      ) : null}
      <Modal
        open={withdrawing}
        title="撤回方案"
        okText="撤回"
        okButtonProps={{ danger: true, disabled: withdrawReason.trim() === '' }}
        cancelText="取消"
        onCancel={() => setWithdrawing(false)}
        onOk={() => void withdraw()}
        destroyOnHidden
      >
        <Typography.Paragraph>撤回后，该方案所有未办结的任务将被撤销。</Typography.Paragraph>
        <Input.TextArea rows={3} value={withdrawReason} onChange={(event) => setWithdrawReason(event.target.value)} placeholder="撤回理由（必填）" aria-label="撤回理由" maxLength={2000} />
      </Modal>
    </div>
  );
}
