import { Alert, Button } from 'antd';
import { errorMessage } from '../api/api-error';

/** A failed load, in Chinese, with a retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title="加载失败"
      description={errorMessage(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
