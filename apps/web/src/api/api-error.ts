/**
 * An API error as the console shows it. The API answers one body
 * `{ statusCode, error, code?, message, details? }` whose `message` is written for
 * people; when a message is missing (a proxy's error page, a dropped connection) the
 * status decides a Chinese one here.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
    readonly details?: unknown,
    /** Seconds, from Retry-After (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** `details` as field → message pairs (400 validation), when the API gave them. */
  fieldMessages(): { field: string; message: string }[] {
    const details = this.details;
    if (Array.isArray(details)) return details.filter(isFieldMessage);
    return [];
  }
}

function isFieldMessage(value: unknown): value is { field: string; message: string } {
  return typeof value === 'object' && value !== null && typeof (value as { field?: unknown }).field === 'string' && typeof (value as { message?: unknown }).message === 'string';
}

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您没有执行此操作的权限',
  404: '记录不存在，或您无权查看',
  409: '当前状态不允许此操作，请刷新后重试',
  413: '提交的内容或文件过大',
  415: '不支持的文件或内容类型',
  422: '提交的内容未通过校验',
  429: '操作过于频繁，请稍后再试',
  503: '服务暂时不可用，请稍后重试',
};

/** Codes whose message may still be English (the API's messages are turning Chinese; until then these read better). */
const CODE_MESSAGES: Record<string, string> = {
  invalid_credentials: '用户名或密码错误',
  account_locked: '登录失败次数过多，账号已临时锁定，请稍后再试',
  account_disabled: '该账号已停用，请联系管理员',
  wrong_password: '当前密码不正确',
  invalid_token: '登录已失效，请重新登录',
  invalid_document: '无法识别该方案文件',
};

const HAS_CHINESE = /[\u4e00-\u9fff]/;

export function statusMessage(status: number): string {
  return STATUS_MESSAGES[status] ?? (status >= 500 ? '服务器出错了，请稍后重试' : `请求失败（${status}）`);
}

/** Builds the error from a response body (JSON or not). */
export function apiErrorFrom(status: number, body: unknown, retryAfterHeader: string | null): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const raw = record.message;
  const given = Array.isArray(raw) ? raw.filter((item) => typeof item === 'string').join('；') : typeof raw === 'string' ? raw.trim() : '';
  const code = typeof record.code === 'string' ? record.code : typeof record.error === 'string' ? record.error : 'error';
  // Shown as is when it is Chinese; otherwise the code's or the status's Chinese message, keeping the original for support.
  const message = HAS_CHINESE.test(given) ? given : (CODE_MESSAGES[code] ?? `${statusMessage(status)}${given ? `（${given}）` : ''}`);
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
  return new ApiError(status, message, code, record.details, retryAfter);
}

/** A network failure (server down, offline): status 0. */
export function networkError(): ApiError {
  return new ApiError(0, '无法连接服务器，请检查网络后重试', 'network');
}

/** The message to show for anything thrown by a request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return '操作失败，请重试';
}
