import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { newIdempotencyKey } from '../../api/api-client';
import { directoryApi } from '../../api/resources/directory.api';
import { plansApi, type PlanTask } from '../../api/resources/plans.api';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';

interface Values {
  units: string[];
  lead: string[];
  deadlines: { due?: Dayjs; text?: string }[];
}

/** Edits one draft task: its responsible units, the lead units among them, its deadlines. */
export function TaskEditDialog({ planId, task, onClose, onSaved }: { planId: string; task: PlanTask; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { submitting: saving, error, run } = useSubmission();
  const [key] = useState(newIdempotencyKey);
  const units = useResource(() => directoryApi.units(), 'units');
  const unitOptions = useMemo(() => {
    const names = new Set([...(units.data?.items ?? []).map((unit) => unit.name), ...task.units]);
    return [...names].map((name) => ({ value: name, label: name }));
  }, [units.data, task.units]);
  const chosen = Form.useWatch('units', form) ?? task.units;

  const save = async () => {
    const values = await form.validateFields();
    const saved = await run(async () => {
      await plansApi.editTask(
        planId,
        task.number,
        {
          units: values.units,
          lead: values.lead.filter((name) => values.units.includes(name)),
          deadlines: values.deadlines.filter((deadline) => deadline.due).map((deadline) => ({ due: deadline.due!.format('YYYY-MM-DD'), text: deadline.text?.trim() || `${deadline.due!.format('YYYY年M月D日')}前完成` })),
        },
        key,
      );
    });
    if (saved) onSaved();
  };

  return (
    <Modal open title={`编辑任务${task.number}`} onCancel={onClose} onOk={() => void save().catch(() => undefined)} okText="保存" cancelText="取消" confirmLoading={saving} width={640} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ units: [...task.units], lead: [...task.lead], deadlines: task.deadlines.map((deadline) => ({ due: dayjs(deadline.due), text: deadline.text })) }}
      >
        <Form.Item label="任务">{task.title}</Form.Item>
        <Form.Item name="units" label="责任单位" rules={[{ required: true, type: 'array', min: 1, message: '至少需要一个责任单位' }]} extra="可从单位目录选择，也可输入新的单位名称">
          <Select mode="tags" options={unitOptions} loading={units.loading} tokenSeparators={['、', '，', ',']} placeholder="选择或输入单位" />
        </Form.Item>
        <Form.Item name="lead" label="牵头单位" extra="须在责任单位之中；其余为配合单位">
          <Select mode="multiple" options={chosen.map((name) => ({ value: name, label: name }))} placeholder="选择牵头单位" />
        </Form.Item>
        <Form.List name="deadlines">
          {(fields, { add, remove }) => (
            <Form.Item label="期限">
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'due']} rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 0 }}>
                    <DatePicker format="YYYY年M月D日" aria-label={`期限${index + 1}日期`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} rules={[{ max: 1000, message: '不超过1000字' }]} style={{ marginBottom: 0, minWidth: 260 }}>
                    <Input placeholder="要求，如：2026年底前完成平台上线" aria-label={`期限${index + 1}要求`} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={`删除期限${index + 1}`} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                添加期限
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
