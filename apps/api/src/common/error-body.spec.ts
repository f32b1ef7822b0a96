import { BadRequestException, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { AccountError } from '@duban/accounts';
import { DomainError } from '@duban/domain';
import { ServiceError } from '@duban/services';
import { errorAnswerOf } from './error-body';

describe('errorAnswerOf: one error body, a code beside a Chinese message', () => {
  it('a domain rejection carried by a ServiceError takes the rejection as its code and the catalogue status', () => {
    const { body } = errorAnswerOf(new ServiceError('conflict', '“市数据局”已承担该任务', { rejection: 'reassign_to_holder' }));
    expect(body).toEqual({ statusCode: 409, error: 'conflict', code: 'reassign_to_holder', message: '“市数据局”已承担该任务', details: { rejection: 'reassign_to_holder' } });
  });

  it('a ServiceError with details.reason uses it as the code; an unknown code keeps the raiser’s status', () => {
    const blocked = errorAnswerOf(new ServiceError('unprocessable', '方案存在问题', { reason: 'publish_blocked', problems: [] })).body;
    expect(blocked).toMatchObject({ statusCode: 422, error: 'unprocessable', code: 'publish_blocked' });
    const newer = errorAnswerOf(new ServiceError('conflict', '别名已被占用', { reason: 'alias_taken' })).body;
    expect(newer).toMatchObject({ statusCode: 409, code: 'alias_taken', message: '别名已被占用' });
  });

  it('an untranslated message gets the code’s Chinese sentence, keeping the original in brackets', () => {
    expect(errorAnswerOf(new ServiceError('conflict', 'plan x is withdrawn')).body.message).toBe('当前状态不允许此操作（plan x is withdrawn）');
  });

  it('a DomainError answers with its own code and status', () => {
    expect(errorAnswerOf(new DomainError('talk_not_due')).body).toEqual({ statusCode: 409, error: 'conflict', code: 'talk_not_due', message: '任务未逾期且未到约谈级别，约谈须说明理由' });
  });

  it('unavailable is 503 with Retry-After, from details or the default', () => {
    expect(errorAnswerOf(new ServiceError('unavailable', '稍后重试', { retryAfterSeconds: 7.2 }))).toMatchObject({ body: { statusCode: 503, code: 'unavailable' }, retryAfterSeconds: 8 });
    expect(errorAnswerOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({ body: { statusCode: 503, code: 'unavailable' }, retryAfterSeconds: 5 });
  });

  it('account errors keep their code in `error` and set Retry-After on a lock-out', () => {
    const locked = errorAnswerOf(new AccountError('account_locked', '登录失败次数过多', { retryAfterSeconds: 60 }));
    expect(locked).toMatchObject({ body: { statusCode: 429, error: 'account_locked', code: 'account_locked' }, retryAfterSeconds: 60 });
    expect(errorAnswerOf(new AccountError('invalid_credentials', '用户名或密码错误')).body).toEqual({ statusCode: 401, error: 'invalid_credentials', code: 'invalid_credentials', message: '用户名或密码错误' });
  });

  it('Nest’s own exceptions keep their `error` word and gain a code and a Chinese message', () => {
    expect(errorAnswerOf(new PayloadTooLargeException('request body exceeds the 1mb limit')).body).toEqual({
      statusCode: 413,
      error: 'payload_too_large',
      code: 'payload_too_large',
      message: '提交的内容过大（request body exceeds the 1mb limit）',
    });
    expect(errorAnswerOf(new BadRequestException(['a', 'b'])).body).toMatchObject({ statusCode: 400, error: 'bad_request', code: 'invalid_input', message: '提交的内容有误，请检查后重试（a; b）' });
    expect(errorAnswerOf(new NotFoundException('Cannot GET /api/v1/nothing')).body).toMatchObject({ code: 'route_not_found', message: '没有这个接口（Cannot GET /api/v1/nothing）' });
  });

  it('anything else is a 500 with a Chinese message and no internals', () => {
    expect(errorAnswerOf(new TypeError('x is undefined'))).toEqual({ body: { statusCode: 500, error: 'internal_error', code: 'internal_error', message: '服务器内部错误，请稍后重试' }, unexpected: true });
  });
});
