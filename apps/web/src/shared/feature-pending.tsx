import { Result } from 'antd';
import { ApiError } from '../api/api-error';

/** The server answered that the route does not exist: it predates the feature (not an error of the user's). */
export function isFeatureMissing(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'route_not_found';
}

/** A page whose API the server does not offer yet: said plainly, instead of a red 加载失败. */
export function FeaturePending({ feature, description }: { feature: string; description: string }) {
  return <Result status="info" title={`${feature}功能尚未开通`} subTitle={description} />;
}
