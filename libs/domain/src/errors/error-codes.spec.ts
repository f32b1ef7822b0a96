import { chineseMessageOf, ERROR_CATALOG, errorKindOf, isChineseMessage, isWellFormedCode } from './error-codes';
import { DomainError } from './domain-error';

describe('error codes', () => {
  it('every code is stable snake_case with a Chinese message and a kind that is itself a code', () => {
    for (const [code, entry] of Object.entries(ERROR_CATALOG)) {
      expect(isWellFormedCode(code)).toBe(true);
      expect(isChineseMessage(entry.message)).toBe(true);
      expect(ERROR_CATALOG[entry.kind].kind).toBe(entry.kind);
    }
  });

  it('gives the new behaviour codes their kinds', () => {
    expect(errorKindOf('reassign_to_holder', 'unprocessable')).toBe('conflict');
    expect(errorKindOf('talk_not_due', 'unprocessable')).toBe('conflict');
    expect(errorKindOf('publish_blocked', 'conflict')).toBe('unprocessable');
    // A code raised by a module this catalog does not know keeps the kind it was raised with.
    expect(errorKindOf('unit_alias_taken', 'conflict')).toBe('conflict');
  });

  it('keeps a Chinese message, and puts an untranslated one in brackets after the code’s Chinese sentence', () => {
    expect(chineseMessageOf('not_found', 'not_found', '任务不存在')).toBe('任务不存在');
    expect(chineseMessageOf('not_found', 'not_found', 'assignment x does not exist')).toBe('要找的记录不存在（assignment x does not exist）');
    expect(chineseMessageOf('unit_alias_taken', 'conflict', '')).toBe('当前状态不允许此操作');
  });

  it('a DomainError carries its code, kind and Chinese message', () => {
    const error = new DomainError('talk_not_due');
    expect(error).toMatchObject({ code: 'talk_not_due', kind: 'conflict', message: '任务未逾期且未到约谈级别，约谈须说明理由' });
  });
});
