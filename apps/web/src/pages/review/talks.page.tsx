import { App, Alert, Button, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { TALK_STATUSES, TALK_TARGETS } from '@duban/domain';
import { talksApi, type TalkAction, type TalkRecord } from '../../api/resources/review.api';
import { ErrorAlert } from '../../shared/error-alert';
import { FeaturePending, isFeatureMissing } from '../../shared/feature-pending';
import { formatDate, formatDateTime } from '../../shared/format-date';
import { talkStatusLabel, talkTargetLabel } from '../../shared/labels';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';
import { PlanPicker } from './review-shared';

type Step = TalkAction;

/** The dialog's title per step (the API sends the same names with each record's `actions`). */
const STEP_LABELS: Record<Step, string> = { schedule: '安排约谈', hold: '记录约谈', reportRectification: '报送整改', verify: '验收整改', escalate: '升级处理' };

function StepDialog({ talk, step, onClose, onDone }: { talk: TalkRecord; step: Step; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ at?: Dayjs; place?: string; attendees?: string; talkTarget?: 'principal' | 'deputy'; minutes?: string; demands?: string; rectifyBy?: Dayjs; text?: string; reason?: string }>();
  const { submitting, error, run } = useSubmission();
  const submit = async () => {
    const values = await form.validateFields();
    const ok = await run(async () => {
      // The version read with the list: a record someone changed meanwhile is refused (409) instead of overwritten.
      const version = talk.version;
      if (step === 'schedule') await talksApi.schedule(talk.id, { at: values.at!.toISOString(), place: values.place!.trim(), attendees: values.attendees!.trim(), talkTarget: values.talkTarget!, version });
      if (step === 'hold') await talksApi.hold(talk.id, { minutes: values.minutes!.trim(), demands: values.demands!.trim(), rectifyBy: values.rectifyBy!.format('YYYY-MM-DD'), version });
      if (step === 'reportRectification') await talksApi.rectification(talk.id, { text: values.text!.trim(), version });
      if (step === 'verify') await talksApi.verify(talk.id, { version });
      if (step === 'escalate') await talksApi.escalate(talk.id, { reason: values.reason!.trim(), version });
    });
    if (ok) onDone();
  };
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Modal open title={`${STEP_LABELS[step]}：${talk.unitName}`} okText="提交" cancelText="取消" confirmLoading={submitting} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">事由：{talk.reason}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        {step === 'schedule' ? (
          <>
            <Form.Item name="at" label="约谈时间" rules={[{ required: true, message: '请选择时间' }]}>
              <DatePicker showTime format="YYYY年M月D日 HH:mm" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="place" label="地点" rules={required('请填写地点')}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="talkTarget" label="约谈对象" rules={[{ required: true, message: '请选择约谈对象' }]}>
              <Select options={TALK_TARGETS.map((value) => ({ value, label: talkTargetLabel(value) }))} />
            </Form.Item>
            <Form.Item name="attendees" label="约谈人及参加人员" rules={required('请填写参加人员')}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
            </Form.Item>
          </>
        ) : null}
        {step === 'hold' ? (
          <>
            <Form.Item name="minutes" label="约谈记录" rules={required('请填写约谈记录')}>
              <Input.TextArea autoSize={{ minRows: 4 }} maxLength={20000} />
            </Form.Item>
            <Form.Item name="demands" label="整改要求" rules={required('请填写整改要求')}>
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} />
            </Form.Item>
            <Form.Item name="rectifyBy" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
              <DatePicker format="YYYY年M月D日" style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {step === 'reportRectification' ? (
          <Form.Item name="text" label="整改情况" rules={required('请填写整改情况')}>
            <Input.TextArea autoSize={{ minRows: 4 }} maxLength={20000} />
          </Form.Item>
        ) : null}
        {step === 'escalate' ? (
          <Form.Item name="reason" label="升级理由" rules={required('请说明理由')}>
            <Input.TextArea autoSize={{ minRows: 3 }} maxLength={1000} />
          </Form.Item>
        ) : null}
        {step === 'verify' ? <Typography.Paragraph>确认整改已到位，结束本次约谈？</Typography.Paragraph> : null}
      </Form>
    </Modal>
  );
}

/** 约谈记录: the course of each 约谈 — proposed, scheduled, held, rectification reported, verified or escalated. */
export default function TalksPage() {
  const { message } = App.useApp();
  const [planId, setPlanId] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [acting, setActing] = useState<{ talk: TalkRecord; step: Step } | null>(null);
  const talks = useResource(() => talksApi.list({ planId, status }), `talks-${planId ?? ''}-${status ?? ''}`);
  if (isFeatureMissing(talks.error)) {
    return (
      <div>
        <Typography.Title level={3}>约谈记录</Typography.Title>
        <FeaturePending feature="约谈记录" description="开通后，可在此跟踪每次约谈的安排、记录、整改和验收。约谈仍可在任务详情和工作台中发起。" />
      </div>
    );
  }
  return (
    <div>
      <Typography.Title level={3}>约谈记录</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <PlanPicker value={planId} onChange={setPlanId} />
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="约谈状态"
          style={{ width: 160 }}
          value={status}
          onChange={setStatus}
          options={TALK_STATUSES.map((value) => ({ value, label: talkStatusLabel(value) }))}
        />
      </Space>
      <ErrorAlert error={talks.error} onRetry={talks.reload} />
      <Table<TalkRecord>
        rowKey="id"
        loading={talks.loading}
        dataSource={talks.data?.items as TalkRecord[] | undefined}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          expandedRowRender: (talk) => (
            <Space direction="vertical" size={2}>
              <span>来源：{talk.sourceLabel}</span>
              {talk.scheduledAt ? (
                <span>
                  约谈安排：{formatDateTime(talk.scheduledAt)}，{talk.place ?? ''}，约谈{talkTargetLabel(talk.talkTarget, talk.talkTargetLabel)}
                </span>
              ) : null}
              {talk.attendees ? <span className="user-text">约谈人及参加人员：{talk.attendees}</span> : null}
              {talk.minutes ? <span className="user-text">约谈记录：{talk.minutes}</span> : null}
              {talk.demands ? <span className="user-text">整改要求：{talk.demands}（{formatDate(talk.rectifyBy)}前）</span> : null}
              {talk.rectification ? <span className="user-text">整改情况：{talk.rectification}</span> : null}
              {talk.escalatedReason ? <span className="user-text">升级理由：{talk.escalatedReason}</span> : null}
            </Space>
          ),
        }}
        columns={[
          { title: '责任单位', dataIndex: 'unitName', width: 150 },
          { title: '任务', render: (_, talk) => (talk.assignmentId ? <Link to={`/assignments/${talk.assignmentId}`}>{talk.taskTitle ?? '查看任务'}</Link> : (talk.taskTitle ?? '—')) },
          { title: '事由', render: (_, talk) => <span className="user-text">{talk.reason}</span> },
          { title: '状态', width: 110, render: (_, talk) => <Tag>{talkStatusLabel(talk.status, talk.statusLabel)}</Tag> },
          {
            title: '操作',
            width: 190,
            render: (_, talk) => (
              <Space wrap size={4}>
                {/* The steps the API says this reader may take now (it decides again when one is taken). */}
                {talk.actions.map(({ action, label }) => (
                  <Button key={action} size="small" onClick={() => setActing({ talk, step: action })}>
                    {label}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {acting ? (
        <StepDialog
          talk={acting.talk}
          step={acting.step}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            message.success('已提交');
            talks.reload();
          }}
        />
      ) : null}
    </div>
  );
}
