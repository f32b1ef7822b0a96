import { PlusOutlined } from '@ant-design/icons';
import { App, Alert, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { HUMAN_ROLES, type Role } from '@duban/domain';
import { directoryApi } from '../../api/resources/directory.api';
import { usersApi, type UserView } from '../../api/resources/users.api';
import { ErrorAlert } from '../../shared/error-alert';
import { formatDateTime } from '../../shared/format-date';
import { roleLabel } from '../../shared/labels';
import { useResource } from '../../shared/use-resource';
import { useSubmission } from '../../shared/use-submission';
import { useUnitNames } from '../../shared/use-unit-names';

interface Values {
  username?: string;
  displayName: string;
  role: Role;
  unitIds: string[];
  password?: string;
  disabled?: boolean;
}

function UserDialog({ user, onClose, onSaved }: { user: UserView | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const { submitting: saving, error, run } = useSubmission();
  const units = useResource(() => directoryApi.units(), 'units');
  const options = useMemo(() => (units.data?.items ?? []).map((unit) => ({ value: unit.id && unit.id.length === 36 ? unit.id : unit.name, label: unit.name })), [units.data]);
  const role = Form.useWatch('role', form) ?? user?.role;

  const save = async () => {
    const values = await form.validateFields();
    const saved = await run(async () => {
      const unitIds = values.role === 'unit_staff' ? values.unitIds : [];
      if (user) {
        await usersApi.update(user.id, { displayName: values.displayName.trim(), role: values.role, unitIds, disabled: values.disabled, ...(values.password ? { password: values.password } : {}) });
      } else {
        await usersApi.create({ username: values.username!.trim().toLowerCase(), displayName: values.displayName.trim(), role: values.role, unitIds, password: values.password! });
      }
    });
    if (saved) onSaved();
  };

  return (
    <Modal open title={user ? `编辑用户：${user.username}` : '新建用户'} onCancel={onClose} onOk={() => void save().catch(() => undefined)} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={user ? { ...user, unitIds: [...user.unitIds] } : { role: 'unit_staff', unitIds: [] }}>
        {user ? null : (
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }, { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/, message: '3–32位字母、数字或 _ . -，以字母或数字开头' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 64, message: '不超过64字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={HUMAN_ROLES.map((value) => ({ value, label: roleLabel(value) }))} />
        </Form.Item>
        {role === 'unit_staff' ? (
          <Form.Item name="unitIds" label="所属单位" rules={[{ required: true, type: 'array', min: 1, message: '责任单位经办人至少属于一个单位' }]}>
            <Select mode="multiple" showSearch optionFilterProp="label" options={options} loading={units.loading} placeholder="选择单位" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="password"
          label={user ? '重置密码' : '初始密码'}
          rules={[{ required: !user, message: '请输入初始密码' }, { min: 8, max: 128, message: '密码为8–128位' }]}
          extra={user ? '不填则不修改；重置后该用户需重新登录' : undefined}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {user ? (
          <Form.Item name="disabled" label="停用账号" valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

/** A user's units by their directory names (a scope holds unit ids; nobody should read an id). */
function UnitNames({ unitIds }: { unitIds: readonly string[] }) {
  const names = useUnitNames(unitIds);
  return <>{names.join('、') || '—'}</>;
}

/** 用户管理 (administrators). */
export default function UsersPage() {
  const { message } = App.useApp();
  const users = useResource(() => usersApi.list(), 'users');
  const [editing, setEditing] = useState<UserView | 'new' | null>(null);
  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          用户管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新建用户
        </Button>
      </Space>
      <ErrorAlert error={users.error} onRetry={users.reload} />
      <Table<UserView>
        rowKey="id"
        loading={users.loading}
        dataSource={users.data}
        scroll={{ x: 800 }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', render: (_, user) => roleLabel(user.role, user.roleLabel) },
          { title: '所属单位', render: (_, user) => <UnitNames unitIds={user.unitIds} /> },
          { title: '状态', width: 80, render: (_, user) => (user.disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>) },
          { title: '更新时间', width: 170, render: (_, user) => formatDateTime(user.updatedAt) },
          {
            title: '操作',
            width: 80,
            render: (_, user) => (
              <Button size="small" onClick={() => setEditing(user)} aria-label={`编辑用户${user.username}`}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <UserDialog
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            message.success('已保存');
            users.reload();
          }}
        />
      ) : null}
    </div>
  );
}
