import { PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { assessmentsApi, type Assessment, type AssessmentLine, type Sanction } from '../../api/resources/review.api';
import { useSignedIn } from '../../app/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { FeaturePending, isFeatureMissing } from '../../shared/feature-pending';
import { reviewLabel } from '../../shared/labels';
import { PageLoading } from '../../shared/page-loading';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';
import { ExportButton, PlanPicker } from './review-shared';

const SANCTION_COLORS: Record<Sanction['status'], string> = { proposed: 'gold', confirmed: 'red', waived: 'default' };

function NewAssessmentDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const [form] = Form.useForm<{ planId: string; year: number }>();
  const { submitting, error, run } = useSubmission();
  const submit = async () => {
    const values = await form.validateFields();
    let created = '';
    if (await run(async () => void (created = (await assessmentsApi.create(values)).id))) onCreated(created);
  };
  return (
    <Modal open title="开展年度考核" okText="生成" cancelText="取消" confirmLoading={submitting} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }}>
        <Form.Item name="planId" label="方案" rules={[{ required: true, message: '请选择方案' }]}>
          <PlanPicker />
        </Form.Item>
        <Form.Item name="year" label="考核年度" rules={[{ required: true, message: '请输入年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Confirm (reason optional) or waive (reason required) one proposed sanction. */
function SanctionDecision({ assessmentId, sanction, decision, onClose, onDone }: { assessmentId: string; sanction: Sanction; decision: 'confirm' | 'waive'; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const { submitting, error, run } = useSubmission();
  const waive = decision === 'waive';
  const submit = async () => {
    const ok = await run(async () => {
      if (waive) await assessmentsApi.waiveSanction(assessmentId, sanction.id, reason.trim());
      else await assessmentsApi.confirmSanction(assessmentId, sanction.id, reason.trim() || undefined);
    });
    if (ok) onDone();
  };
  return (
    <Modal
      open
      title={`${waive ? '免予' : '确认'}：${sanction.unitName} ${reviewLabel(sanction.kind, sanction.kindLabel)}`}
      okText={waive ? '免予处理' : '确认'}
      okButtonProps={{ danger: !waive, disabled: waive && !reason.trim() }}
      cancelText="取消"
      confirmLoading={submitting}
      onCancel={onClose}
      onOk={() => void submit()}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      {sanction.rule ? <Typography.Paragraph type="secondary">依据：{sanction.rule}</Typography.Paragraph> : null}
      <Input.TextArea value={reason} onChange={(event) => setReason(event.target.value)} aria-label="理由" placeholder={waive ? '免予处理须说明理由' : '说明（可选）'} autoSize={{ minRows: 3 }} maxLength={500} />
    </Modal>
  );
}

function AssessmentDetail({ id }: { id: string }) {
  const { actor } = useSignedIn();
  const { message } = App.useApp();
  const assessment = useResource(() => assessmentsApi.get(id), `assessment-${id}`);
  const [deciding, setDeciding] = useState<{ sanction: Sanction; decision: 'confirm' | 'waive' } | null>(null);
  const confirming = useSubmission();
  const data = assessment.data;
  if (!data) {
    if (isFeatureMissing(assessment.error)) return <FeaturePending feature="年度考核" description="开通后，可在此查看考核的评分、排名和结果。" />;
    return assessment.error ? <ErrorAlert error={assessment.error} onRetry={assessment.reload} /> : <PageLoading />;
  }
  const mayDecide = actor.role === 'coordinator';
  const undecided = (data.sanctions ?? []).filter((sanction) => sanction.status === 'proposed').length;
  const confirmAssessment = async () => {
    if (await confirming.run(async () => void (await assessmentsApi.confirm(id)))) {
      message.success('考核结果已确认');
      assessment.reload();
    }
  };
  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to="/assessments">← 全部考核</Link>
      </Space>
      <Card
        title={
          <Space wrap>
            <span>{`${data.year}年度考核`}</span>
            <Tag>{reviewLabel(data.status, data.statusLabel)}</Tag>
          </Space>
        }
        extra={
          <Space wrap>
            {mayDecide && data.status === 'draft' ? (
              <Button type="primary" disabled={undecided > 0} loading={confirming.submitting} onClick={() => void confirmAssessment()} title={undecided > 0 ? `尚有${undecided}项拟处理事项待决定` : undefined}>
                确认考核结果
              </Button>
            ) : null}
            <ExportButton label="导出Excel" fileName={`${data.planTitle ?? '考核'}-${data.year}年度考核.xlsx`} load={() => assessmentsApi.exportFile(id)} />
          </Space>
        }
      >
        {data.planTitle ? <Typography.Paragraph type="secondary">{data.planTitle}</Typography.Paragraph> : null}
        {confirming.error ? <Alert type="error" showIcon title={confirming.error} role="alert" style={{ marginBottom: 12 }} /> : null}
        {data.status === 'drafting' ? <Alert type="info" showIcon title="考核正在生成，请稍后刷新" style={{ marginBottom: 12 }} /> : null}
        <Table<AssessmentLine>
          size="small"
          rowKey="unitId"
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 640 }}
          dataSource={(data.lines ?? []) as AssessmentLine[]}
          expandable={{
            rowExpandable: (line) => line.items.length > 0,
            expandedRowRender: (line) => (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {line.items.map((item, index) => (
                  <li key={index}>
                    {item.reason}：{item.points > 0 ? `+${item.points}` : item.points}分
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { title: '排名', width: 70, render: (_, line) => line.rank ?? '—' },
            { title: '责任单位', dataIndex: 'unitName' },
            { title: '组别', width: 110, render: (_, line) => line.groupLabel ?? line.group ?? '—' },
            { title: '得分', width: 80, render: (_, line) => line.score.toFixed(1) },
            { title: '等次', width: 90, render: (_, line) => line.gradeLabel ?? line.grade ?? '—' },
          ]}
        />
      </Card>
      <Card title="拟处理事项" style={{ marginTop: 16 }}>
        <Table<Sanction>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 640 }}
          dataSource={(data.sanctions ?? []) as Sanction[]}
          locale={{ emptyText: '无拟处理事项' }}
          columns={[
            { title: '责任单位', dataIndex: 'unitName', width: 160 },
            { title: '处理', width: 160, render: (_, row) => reviewLabel(row.kind, row.kindLabel) },
            { title: '依据', render: (_, row) => row.rule ?? '—' },
            { title: '状态', width: 90, render: (_, row) => <Tag color={SANCTION_COLORS[row.status]}>{reviewLabel(row.status, row.statusLabel)}</Tag> },
            { title: '理由', render: (_, row) => row.reason ?? '—' },
            ...(mayDecide
              ? [
                  {
                    title: '操作',
                    width: 150,
                    render: (_: unknown, row: Sanction) =>
                      row.status === 'proposed' && data.status === 'draft' ? (
                        <Space>
                          <Button size="small" danger onClick={() => setDeciding({ sanction: row, decision: 'confirm' })}>
                            确认
                          </Button>
                          <Button size="small" onClick={() => setDeciding({ sanction: row, decision: 'waive' })}>
                            免予
                          </Button>
                        </Space>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {deciding ? (
        <SanctionDecision
          assessmentId={id}
          sanction={deciding.sanction}
          decision={deciding.decision}
          onClose={() => setDeciding(null)}
          onDone={() => {
            setDeciding(null);
            message.success('已处理');
            assessment.reload();
          }}
        />
      ) : null}
    </div>
  );
}

/** 年度考核: assessments per plan; coordinators start one and decide proposed sanctions. */
export default function AssessmentsPage() {
  const { id } = useParams();
  const { actor } = useSignedIn();
  const navigate = useNavigate();
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  const list = useResource(() => (id ? Promise.resolve(null) : assessmentsApi.list({ planId })), `assessments-${id ?? ''}-${planId ?? ''}`);
  if (id) return <AssessmentDetail id={id} />;
  const missing = isFeatureMissing(list.error);
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          年度考核
        </Typography.Title>
        {actor.role === 'coordinator' && !missing ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            开展考核
          </Button>
        ) : null}
      </Space>
      {missing ? <FeaturePending feature="年度考核" description="开通后，可在此按方案开展年度考核：评分、排名、确认结果并导出。" /> : null}
      {missing ? null : (
        <Space wrap style={{ marginBottom: 12 }}>
          <PlanPicker value={planId} onChange={setPlanId} />
        </Space>
      )}
      {missing ? null : <ErrorAlert error={list.error} onRetry={list.reload} />}
      {missing ? null : (
        <Table<Assessment>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data?.items as Assessment[] | undefined}
          scroll={{ x: 560 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '年度', width: 100, render: (_, row) => <Link to={`/assessments/${row.id}`}>{`${row.year}年度`}</Link> },
            { title: '方案', render: (_, row) => row.planTitle ?? '—' },
            { title: '状态', width: 100, render: (_, row) => <Tag>{reviewLabel(row.status, row.statusLabel)}</Tag> },
          ]}
        />
      )}
      {creating ? <NewAssessmentDialog onClose={() => setCreating(false)} onCreated={(created) => navigate(`/assessments/${created}`)} /> : null}
    </div>
  );
}
