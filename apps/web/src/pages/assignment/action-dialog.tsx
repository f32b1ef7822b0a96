import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { newIdempotencyKey } from '../../api/api-client';
import { ApiError } from '../../api/api-error';
import { assignmentsApi, type HumanAction, type TargetView } from '../../api/resources/assignments.api';
import { directoryApi } from '../../api/resources/directory.api';
import { formatDate } from '../../shared/format-date';
import { commandLabel } from '../../shared/labels';
import { safeHttpUrl } from '../../shared/safe-url';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';
import { actionBody, reportableTargets, type FormValues } from './action-body';
import { EvidenceUpload } from './evidence-upload';

/** What a dialog needs to know about the assignment it acts on. */
export interface ActionTarget {
  readonly id: string;
  readonly unitName: string;
  readonly taskTitle: string | null;
  readonly dueDate: string;
  readonly percent?: number | null;
  readonly pendingExtension?: { requestedDueDate: string; reason: string } | null;
  /** Quantified targets (metric × year): the report form asks for their actuals. */
  readonly targets?: readonly TargetView[];
}

const TEXT_MAX = 5000;
const MAX_LINKS = 20;

/** Titles of the dialogs: the action's domain label, or a plainer one where the domain's is technical. */
const TITLES: Partial<Record<HumanAction, string>> = { approveClosure: '审核通过（销号）', rejectClosure: '退回办结申请', urge: '催办 / 督办' };
const SUBMIT: Partial<Record<HumanAction, string>> = { accept: '确认签收', approveClosure: '通过并销号', rejectClosure: '退回', triggerTalk: '发起约谈', withdraw: '撤销任务', decline: '确认退办' };

const linkRule = {
  validator: (_: unknown, value: string | undefined) => (!value || safeHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error('请填写以 http:// 或 https:// 开头的链接'))),
};

function ReasonField({ label, required = true, placeholder }: { label: string; required?: boolean; placeholder?: string }) {
  return (
    <Form.Item name="reason" label={label} rules={[{ required, whitespace: true, message: `请填写${label}` }, { max: TEXT_MAX, message: `不超过${TEXT_MAX}字` }]}>
      <Input.TextArea rows={4} showCount maxLength={TEXT_MAX} placeholder={placeholder} />
    </Form.Item>
  );
}

function EvidenceLinks() {
  return (
    <Form.List name="links">
      {(fields, { add, remove }) => (
        <Form.Item label="佐证材料链接" extra="材料在网上的，填写网址（http/https）">
          {fields.map((field, index) => (
            <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
              <Form.Item {...field} rules={[linkRule, { required: true, whitespace: true, message: '请填写链接或删除此行' }]} style={{ flex: 1, minWidth: 240, marginBottom: 8 }}>
                <Input placeholder="https://" aria-label={`佐证材料链接${index + 1}`} inputMode="url" />
              </Form.Item>
              <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除链接${index + 1}`} onClick={() => remove(field.name)} />
            </Space>
          ))}
          {fields.length < MAX_LINKS ? (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
              添加链接
            </Button>
          ) : null}
        </Form.Item>
      )}
    </Form.List>
  );
}

function UnitSelect({ exclude }: { exclude: string }) {
  const units = useResource(() => directoryApi.units(), 'units');
  const options = useMemo(() => (units.data?.items ?? []).filter((unit) => unit.name !== exclude).map((unit) => ({ value: unit.name, label: unit.name })), [units.data, exclude]);
  return (
    <Form.Item name="toUnit" label="改派至" rules={[{ required: true, message: '请选择改派的责任单位' }]}>
      <Select showSearch options={options} loading={units.loading} placeholder="输入单位名称搜索" optionFilterProp="label" />
    </Form.Item>
  );
}

/**
 * 约谈 before it is due (not overdue, the ladder not at 约谈) needs a recorded reason for the exception. The
 * domain decides when (the API answers talk_not_due); the dialog then asks for it, so a coordinator sees the
 * field exactly when it is needed and never has to guess.
 */
function TalkFields({ overrideAsked }: { overrideAsked: string | null }) {
  return (
    <>
      <ReasonField label="约谈事由" />
      {overrideAsked ? (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="该任务尚未达到约谈条件" description={overrideAsked} />
          <Form.Item
            name="overrideReason"
            label="破例约谈理由"
            extra="将记入任务记录，供审核"
            rules={[{ required: true, whitespace: true, message: '请填写破例约谈理由' }, { max: TEXT_MAX, message: `不超过${TEXT_MAX}字` }]}
          >
            <Input.TextArea rows={3} showCount maxLength={TEXT_MAX} placeholder="说明未到约谈条件仍须约谈的原因" />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

function Fields({ action, target, overrideAsked }: { action: HumanAction; target: ActionTarget; overrideAsked: string | null }) {
  const dueDay = dayjs(target.dueDate);
  const afterDue = (current: Dayjs) => !current.isAfter(dueDay, 'day');
  switch (action) {
    case 'accept':
      return <Typography.Paragraph>签收后任务进入办理，请按期反馈进展。</Typography.Paragraph>;
    case 'reportProgress':
      return (
        <>
          <Form.Item name="percent" label="完成进度（%）" rules={[{ type: 'integer', min: 0, max: 100, message: '请填写0到100之间的整数' }]} extra={target.percent != null ? `上次反馈：${target.percent}%` : undefined}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {reportableTargets(target.targets).length ? (
            reportableTargets(target.targets).map((goal, index) => (
              <Form.Item
                key={`${goal.metric}-${goal.year}-${goal.region ?? ''}`}
                name={['actuals', index]}
                label={`${goal.year}年 ${goal.metric}${goal.region ? `（${goal.region}）` : ''} 实际完成`}
                extra={`目标：${String(goal.target ?? goal.value ?? '—')}${goal.unit ?? ''}${goal.actual != null ? `；上次填报：${goal.actual}${goal.unit ?? ''}` : ''}`}
              >
                <InputNumber style={{ width: 200 }} addonAfter={goal.unit ?? undefined} aria-label={`${goal.year}年${goal.metric}实际完成值`} />
              </Form.Item>
            ))
          ) : (
            <Form.Item name="actualValue" label="实际完成值" extra="有量化目标时填写">
              <InputNumber style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item name="text" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }, { max: TEXT_MAX, message: `不超过${TEXT_MAX}字` }]}>
            <Input.TextArea rows={5} showCount maxLength={TEXT_MAX} placeholder="本阶段完成的工作、存在的问题和下一步安排" />
          </Form.Item>
          <Form.Item name="files" label="佐证材料" extra="PDF、图片、Word、Excel、PPT，单个文件不超过20MB">
            <EvidenceUpload assignmentId={target.id} />
          </Form.Item>
          <EvidenceLinks />
        </>
      );
    case 'requestClosure':
      return (
        <>
          <Form.Item name="summary" label="办结情况说明" rules={[{ required: true, whitespace: true, message: '请填写办结情况说明' }, { max: TEXT_MAX, message: `不超过${TEXT_MAX}字` }]}>
            <Input.TextArea rows={5} showCount maxLength={TEXT_MAX} />
          </Form.Item>
          <Form.Item name="files" label="佐证材料" extra="PDF、图片、Word、Excel、PPT，单个文件不超过20MB">
            <EvidenceUpload assignmentId={target.id} />
          </Form.Item>
          <EvidenceLinks />
        </>
      );
    case 'requestExtension':
      return (
        <>
          <Form.Item label="当前期限">{formatDate(target.dueDate)}</Form.Item>
          <Form.Item name="newDueDate" label="申请延至" rules={[{ required: true, message: '请选择新的期限' }]}>
            <DatePicker disabledDate={afterDue} format="YYYY年M月D日" style={{ width: 200 }} />
          </Form.Item>
          <ReasonField label="延期理由" />
        </>
      );
    case 'decideExtension':
      return (
        <>
          {target.pendingExtension ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={`申请将期限由${formatDate(target.dueDate)}延至${formatDate(target.pendingExtension.requestedDueDate)}`}
              description={<span className="user-text">理由：{target.pendingExtension.reason}</span>}
            />
          ) : null}
          <Form.Item name="approve" label="审批意见" rules={[{ required: true, message: '请选择批准或不予批准' }]}>
            <Radio.Group>
              <Radio value={true}>批准延期</Radio>
              <Radio value={false}>不予批准</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(previous: FormValues, next: FormValues) => previous.approve !== next.approve}>
            {({ getFieldValue }) =>
              getFieldValue('approve') === false ? (
                <ReasonField label="不予批准的理由" />
              ) : (
                <>
                  <Form.Item name="newDueDate" label="批准的期限" extra="不填则按申请的日期">
                    <DatePicker disabledDate={afterDue} format="YYYY年M月D日" style={{ width: 200 }} />
                  </Form.Item>
                  <ReasonField label="审批说明" required={false} />
                </>
              )
            }
          </Form.Item>
        </>
      );
    case 'approveClosure':
      return (
        <Form.Item name="note" label="审核意见" rules={[{ max: TEXT_MAX, message: `不超过${TEXT_MAX}字` }]}>
          <Input.TextArea rows={3} showCount maxLength={TEXT_MAX} placeholder="可不填" />
        </Form.Item>
      );
    case 'rejectClosure':
      return <ReasonField label="退回理由" placeholder="说明需补充或整改的内容" />;
    case 'decline':
      return <ReasonField label="退办理由" placeholder="说明不属于本单位职责的依据，便于改派" />;
    case 'withdraw':
      return <ReasonField label="撤销理由" />;
    case 'triggerTalk':
      return <TalkFields overrideAsked={overrideAsked} />;
    case 'reassign':
      return (
        <>
          <UnitSelect exclude={target.unitName} />
          <ReasonField label="改派说明" required={false} />
        </>
      );
    case 'urge':
      return (
        <>
          <Form.Item name="level" label="方式" initialValue="urge">
            <Radio.Group>
              <Radio value="urge">催办</Radio>
              <Radio value="supervise">督办</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="note" label="催办说明" rules={[{ max: TEXT_MAX, message: `不超过${TEXT_MAX}字` }]}>
            <Input.TextArea rows={3} showCount maxLength={TEXT_MAX} placeholder="可不填" />
          </Form.Item>
        </>
      );
  }
}

/**
 * One action on one assignment: its form, checked in the browser the way the API
 * checks it, sent once (a retried submission reuses its idempotency key).
 */
export function ActionDialog({ action, target, onClose, onDone }: { action: HumanAction | null; target: ActionTarget; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const { message } = App.useApp();
  const { submitting, error, run } = useSubmission();
  // One key per opened dialog: a double click or a retry after a dropped answer acts once.
  const [key, setKey] = useState(newIdempotencyKey);
  // The API's reason when it refused a 约谈 as not due (talk_not_due): the dialog then asks for the exception's reason.
  const [overrideAsked, setOverrideAsked] = useState<string | null>(null);
  if (!action) return null;
  const title = TITLES[action] ?? commandLabel(action);

  const submit = async () => {
    const values = await form.validateFields();
    const done = await run(() =>
      assignmentsApi.act(target.id, action, actionBody(action, values, target.targets), key).then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof ApiError && error.code === 'talk_not_due') {
            setOverrideAsked(error.message);
            // The refused attempt and the one with a reason are two submissions.
            setKey(newIdempotencyKey());
            throw new ApiError(error.status, '请填写破例约谈理由后再提交', error.code);
          }
          throw error;
        },
      ),
    );
    if (!done) return;
    message.success(`${title}：已提交`);
    form.resetFields();
    setKey(newIdempotencyKey());
    setOverrideAsked(null);
    onDone();
  };

  return (
    <Modal
      open
      title={title}
      onCancel={() => {
        setOverrideAsked(null);
        onClose();
      }}
      onOk={() => void submit().catch(() => undefined)}
      okText={SUBMIT[action] ?? '提交'}
      cancelText="取消"
      confirmLoading={submitting}
      okButtonProps={{ danger: action === 'withdraw' || action === 'rejectClosure' || action === 'decline', 'aria-label': SUBMIT[action] ?? '提交' }}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
        {target.unitName} · {target.taskTitle ?? '目标任务'} · 期限{formatDate(target.dueDate)}
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" requiredMark="optional" onFinish={() => void submit()}>
        <Fields action={action} target={target} overrideAsked={overrideAsked} />
      </Form>
    </Modal>
  );
}
