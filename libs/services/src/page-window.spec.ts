import { decodeCursor, encodeCursor } from './page-window';
import { ServiceError } from './service-errors';

describe('keyset cursors', () => {
  it('round-trip the sort, the last sort value (null too) and the tie-breaker', () => {
    const cursor = { sort: 'dueDate', value: '2027-12-31', tieBreaker: 'plan/1/市第1局/' };
    expect(decodeCursor(encodeCursor(cursor), 'dueDate')).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, sort: 'taskNumber', value: null }), 'taskNumber')).toEqual({ ...cursor, sort: 'taskNumber', value: null });
  });

  it('refuse a cursor made for another sort, tampered or not a cursor at all, in Chinese', () => {
    const other = encodeCursor({ sort: '-updatedAt', value: '2026-01-01 00:00:00+08', tieBreaker: 'k' });
    for (const text of [other, 'not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["dueDate",3,"k"]').toString('base64url')]) {
      let error: unknown;
      try {
        decodeCursor(text, 'dueDate');
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'invalid_input', details: { reason: 'invalid_cursor' } });
      expect((error as Error).message).toMatch(/分页游标/);
    }
  });
});
