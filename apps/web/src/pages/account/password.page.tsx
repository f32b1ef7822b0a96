import { App, Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { usersApi } from '../../api/resources/users.api';
import { useSession } from '../../app/session-context';
import { useSubmission } from '../../shared/use-submission';

/** 修改密码: ends every session, so the user signs in again with the new password. */
export default function PasswordPage() {
  const { signOut } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { submitting: saving, error, run } = useSubmission();

  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    const changed = await run(() => usersApi.changePassword(values.currentPassword, values.newPassword).then(() => undefined));
    if (!changed) return;
    message.success('密码已修改，请用新密码重新登录');
    await signOut();
    void navigate('/login', { replace: true });
  };

  return (
    <div style={{ maxWidth: 480 }}>
      <Typography.Title level={3} className="page-title">
        修改密码
      </Typography.Title>
      <Card>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
        <Form layout="vertical" onFinish={submit} disabled={saving}>
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }, { min: 8, message: '新密码至少8位' }]} extra="修改后所有已登录的设备都需要重新登录">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[{ required: true, message: '请再次输入新密码' }, ({ getFieldValue }) => ({ validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            修改密码
          </Button>
        </Form>
      </Card>
    </div>
  );
}
