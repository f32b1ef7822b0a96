import { Spin } from 'antd';

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin description="加载中…" />
    </div>
  );
}
