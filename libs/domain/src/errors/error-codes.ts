import type { RejectionCode } from '../assignment/rejection';
import type { TalkErrorCode } from '../talk/talk-refusal';

/**
 * The coarse kind of an error (the body's `error` field, kept for compatibility). The API's one table
 * (apps/api/src/common/error-status.table.ts) turns a code into an HTTP status; the kind is the fallback
 * for a code that table does not list.
 */
export const ERROR_KINDS = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'invalid_document',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'unavailable',
  'internal_error',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Codes that are not an assignment rejection: requests, accounts, plans, organisation. */
export type GeneralErrorCode =
  | ErrorKind
  | 'invalid_json'
  | 'route_not_found'
  | 'invalid_credentials'
  | 'invalid_token'
  | 'account_locked'
  | 'account_disabled'
  | 'wrong_password'
  | 'recording_refused'
  | 'recording_conflict'
  | 'recording_unavailable'
  | 'workflow_recovering'
  | 'publish_blocked'
  | 'unit_unresolved'

/** Every stable machine code an error body may carry in `code`. */
export type ErrorCode = GeneralErrorCode | RejectionCode | TalkErrorCode;

/**
 * Each code's kind and the Chinese sentence a person reads when the raiser gave no Chinese message of its own.
 * One entry per code: adding a code without its kind and Chinese message does not compile.
 */
export const ERROR_CATALOG: Readonly<Record<ErrorCode, { readonly kind: ErrorKind; readonly message: string }>> = {
  // request and transport
  invalid_input: { kind: 'invalid_input', message: '提交的内容有误，请检查后重试' },
  invalid_json: { kind: 'invalid_input', message: '请求内容不是有效的 JSON' },
  unauthorized: { kind: 'unauthorized', message: '请先登录' },
  forbidden: { kind: 'forbidden', message: '无权执行此操作' },
  not_found: { kind: 'not_found', message: '要找的记录不存在' },
  route_not_found: { kind: 'not_found', message: '没有这个接口' },
  conflict: { kind: 'conflict', message: '当前状态不允许此操作' },
  unprocessable: { kind: 'unprocessable', message: '内容不符合要求，无法处理' },
  invalid_document: { kind: 'invalid_document', message: '文件无法识别为行动方案' },
  payload_too_large: { kind: 'payload_too_large', message: '提交的内容过大' },
  unsupported_media_type: { kind: 'unsupported_media_type', message: '不支持的请求格式' },
  too_many_requests: { kind: 'too_many_requests', message: '请求过于频繁，请稍后重试' },
  unavailable: { kind: 'unavailable', message: '服务暂时不可用（数据库、缓存或流程引擎无响应），请稍后重试' },
  internal_error: { kind: 'internal_error', message: '服务器内部错误，请稍后重试' },
  // accounts
  invalid_credentials: { kind: 'unauthorized', message: '用户名或密码错误' },
  invalid_token: { kind: 'unauthorized', message: '登录已失效，请重新登录' },
  account_locked: { kind: 'too_many_requests', message: '登录失败次数过多，账号暂时锁定' },
  account_disabled: { kind: 'forbidden', message: '账号已停用' },
  wrong_password: { kind: 'forbidden', message: '原密码错误' },
  // recording an accepted action
  recording_refused: { kind: 'unprocessable', message: '内容无法保存，操作未执行' },
  recording_conflict: { kind: 'conflict', message: '记录冲突，操作未执行，请刷新后重试' },
  recording_unavailable: { kind: 'unavailable', message: '暂时无法保存，操作未执行，请稍后重试' },
  workflow_recovering: { kind: 'unavailable', message: '该任务的流程正在从记录中恢复，请稍后重试' },
  // plans and organisation (raised by the publish gate and unit resolution)
  publish_blocked: { kind: 'unprocessable', message: '方案存在未解决的问题，不能发布' },
  unit_unresolved: { kind: 'unprocessable', message: '责任单位无法对应到单位名录' },
  // assignment rejections (the domain's RejectionCode): authorization
  wrong_unit: { kind: 'forbidden', message: '只能办理本单位的任务' },
  // status: the assignment's state does not allow the action
  not_accepted: { kind: 'conflict', message: '任务尚未签收' },
  already_accepted: { kind: 'conflict', message: '任务已签收' },
  closure_pending: { kind: 'conflict', message: '办结申请正在审核' },
  no_closure_request: { kind: 'conflict', message: '没有待审核的办结申请' },
  no_extension_request: { kind: 'conflict', message: '没有待审批的延期申请' },
  extension_pending: { kind: 'conflict', message: '已有待审批的延期申请' },
  already_closed: { kind: 'conflict', message: '任务已办结' },
  declined: { kind: 'conflict', message: '任务已退办' },
  reassigned: { kind: 'conflict', message: '任务已改派' },
  withdrawn: { kind: 'conflict', message: '任务已撤销' },
  level_already_reached: { kind: 'conflict', message: '已达到该督办级别' },
  not_overdue: { kind: 'conflict', message: '任务尚未逾期' },
  reassign_to_holder: { kind: 'conflict', message: '改派单位已承担该任务' },
  talk_not_due: { kind: 'conflict', message: '任务未逾期且未到约谈级别，约谈须说明理由' },
  // payload: a value the rules refuse
  text_required: { kind: 'unprocessable', message: '请填写内容' },
  reason_required: { kind: 'unprocessable', message: '请填写理由' },
  invalid_percent: { kind: 'unprocessable', message: '完成进度须在 0 到 100 之间' },
  invalid_value: { kind: 'unprocessable', message: '数值无效' },
  invalid_evidence: { kind: 'unprocessable', message: '佐证材料无效' },
  invalid_actual: { kind: 'unprocessable', message: '实际完成值无效' },
  actual_not_a_target: { kind: 'unprocessable', message: '该指标和年份不是本任务的目标' },
  actual_region_required: { kind: 'unprocessable', message: '请注明实际完成值所属区域' },
  actual_unit_mismatch: { kind: 'unprocessable', message: '实际完成值的计量单位与目标不一致' },
  invalid_text: { kind: 'unprocessable', message: '文字内容无效' },
  invalid_date: { kind: 'unprocessable', message: '日期无效' },
  date_not_after_due: { kind: 'unprocessable', message: '延期日期须晚于当前办理期限' },
  unit_required: { kind: 'unprocessable', message: '请选择单位' },
  same_unit: { kind: 'unprocessable', message: '改派单位不能与当前责任单位相同' },
  invalid_level: { kind: 'unprocessable', message: '督办级别无效' },
  // 约谈 records (libs/domain/src/talk): the course's state refuses the step (409) or a value is refused (422)
  talk_transition_not_allowed: { kind: 'conflict', message: '约谈当前状态不允许此操作' },
  talk_version_stale: { kind: 'conflict', message: '约谈记录已被他人更新，请刷新后重试' },
  talk_already_open: { kind: 'conflict', message: '该任务已有进行中的约谈' },
  talk_assignment_not_eligible: { kind: 'conflict', message: '该任务当前状态不能约谈' },
  talk_text_required: { kind: 'unprocessable', message: '请填写约谈相关内容' },
  talk_text_too_long: { kind: 'unprocessable', message: '约谈相关内容过长' },
  talk_schedule_invalid: { kind: 'unprocessable', message: '约谈时间无效' },
  talk_target_invalid: { kind: 'unprocessable', message: '约谈对象须为单位主要负责人或分管负责人' },
  talk_held_at_invalid: { kind: 'unprocessable', message: '约谈举行时间无效' },
  talk_rectify_by_invalid: { kind: 'unprocessable', message: '整改期限无效' },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CATALOG, value);
}

/** The kind of a code; a code this catalog does not know (raised by a newer module) keeps the raiser's kind. */
export function errorKindOf(code: string, fallback: ErrorKind): ErrorKind {
  return isErrorCode(code) ? ERROR_CATALOG[code].kind : fallback;
}

/** A stable snake_case code: lower-case letters, digits and underscores, starting with a letter. */
export function isWellFormedCode(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z][a-z0-9_]{1,63}$/.test(value);
}

const CHINESE = /[\u3400-\u9fff]/;

/** Whether a message is written for a Chinese reader (it holds at least one Chinese character). */
export function isChineseMessage(message: string): boolean {
  return CHINESE.test(message);
}

/**
 * The Chinese message of an error: the raiser's own when it is Chinese; otherwise the code's Chinese sentence,
 * with the raiser's (untranslated) text kept in brackets so no detail is lost.
 */
export function chineseMessageOf(code: string, kind: ErrorKind, message: string | undefined): string {
  const text = (message ?? '').trim();
  if (text && isChineseMessage(text)) return text;
  const base = isErrorCode(code) ? ERROR_CATALOG[code].message : ERROR_CATALOG[kind].message;
  return text ? `${base}（${text}）` : base;
}
