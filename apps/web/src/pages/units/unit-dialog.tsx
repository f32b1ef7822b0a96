import { Alert, Form, Input, Modal, Select } from 'antd';
import { unitsApi, UNIT_KINDS, type DirectoryUnit, type NewUnit } from '../../api/resources/units.api';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';
import { unitKindLabel } from '../../shared/labels';

/**
 * New or edited unit. `save` defaults to POST /units or PATCH /units/:id; the plan's mapping step passes
 * its own (create-and-map in one request).
 */
export function UnitDialog({
  unit,
  initialName,
  title,
  save,
  onClose,
  onSaved,
}: {
  unit: DirectoryUnit | null;
  initialName?: string;
  title?: string;
  save?: (values: NewUnit) => Promise<unknown>;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<NewUnit>();
  const { submitting, error, run } = useSubmission();
  const jurisdictions = useResource(() => unitsApi.jurisdictions(), 'jurisdictions');

  const submit = async () => {
    const values = await form.validateFields();
    const clean: NewUnit = {
      name: values.name.trim(),
      kind: values.kind,
      ...(values.shortName?.trim() ? { shortName: values.shortName.trim() } : {}),
      ...(values.jurisdictionId ? { jurisdictionId: values.jurisdictionId } : {}),
    };
    const saved = await run(async () => {
      if (save) await save(clean);
      else if (unit) await unitsApi.update(unit.id, clean);
      else await unitsApi.create(clean);
    });
    if (saved) onSaved();
  };

  return (
    <Modal open title={title ?? (unit ? `编辑单位：${unit.name}` : '新建单位')} onCancel={onClose} onOk={() => void submit().catch(() => undefined)} okText="保存" cancelText="取消" confirmLoading={submitting} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={unit ? { name: unit.name, shortName: unit.shortName ?? undefined, kind: unit.kind, jurisdictionId: unit.jurisdictionId ?? undefined } : { name: initialName, kind: 'department' }}
      >
        <Form.Item name="name" label="单位全称" rules={[{ required: true, whitespace: true, message: '请输入单位全称' }, { max: 100, message: '不超过100字' }]} extra="如：南京市卫生健康委员会">
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label="简称" rules={[{ max: 30, message: '不超过30字' }]} extra="如：市卫健委（台账和消息中显示）">
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={UNIT_KINDS.map((kind) => ({ value: kind, label: unitKindLabel(kind) }))} />
        </Form.Item>
        <Form.Item name="jurisdictionId" label="所属行政区">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={jurisdictions.loading}
            options={(jurisdictions.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            placeholder="选择行政区"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
