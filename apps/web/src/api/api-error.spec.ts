import { apiErrorFrom } from './api-error';

describe('apiErrorFrom', () => {
  it("shows the API's Chinese message as is", () => {
    const error = apiErrorFrom(409, { statusCode: 409, error: 'conflict', code: 'already_accepted', message: '任务已签收，不能再“签收”' }, null);
    expect(error.message).toBe('任务已签收，不能再“签收”');
    expect(error.code).toBe('already_accepted');
  });

  it('puts a Chinese message in front of an English one', () => {
    expect(apiErrorFrom(401, { error: 'invalid_credentials', message: 'wrong username or password' }, null).message).toBe('用户名或密码错误');
    expect(apiErrorFrom(400, { error: 'bad_request', message: ['percent must be between 0 and 100'] }, null).message).toBe('提交的内容有误，请检查后重试（percent must be between 0 and 100）');
    expect(apiErrorFrom(502, '<html>Bad gateway</html>', null).message).toBe('服务器出错了，请稍后重试');
  });

  it('keeps Retry-After and field messages', () => {
    const error = apiErrorFrom(400, { message: '参数错误', details: [{ field: 'text', message: '请填写进展情况' }] }, '30');
    expect(error.retryAfter).toBe(30);
    expect(error.fieldMessages()).toEqual([{ field: 'text', message: '请填写进展情况' }]);
  });
});
