import { ledgerQueryFrom, withLedgerParams } from './ledger-query';

describe('ledger query in the URL', () => {
  it('reads filters, sort and page; ignores values the API would refuse', () => {
    const query = ledgerQueryFrom(new URLSearchParams('unit=市卫健委&light=red&overdue=true&sort=-dueDate&page=3&pageSize=50&taskNumber=x'));
    expect(query).toMatchObject({ unit: '市卫健委', light: 'red', overdue: true, sort: '-dueDate', limit: 50, offset: 100 });
    expect(query.taskNumber).toBeUndefined();
    expect(ledgerQueryFrom(new URLSearchParams('sort=drop table&pageSize=100000'))).toMatchObject({ sort: 'dueDate', limit: 20, offset: 0 });
  });

  it('returns to page 1 when a filter changes, keeps the page when only paging', () => {
    const params = new URLSearchParams('light=red&page=4');
    expect(withLedgerParams(params, { unit: '市发改委' }).toString()).toBe('light=red&unit=%E5%B8%82%E5%8F%91%E6%94%B9%E5%A7%94');
    expect(withLedgerParams(params, { page: 5 }).get('page')).toBe('5');
    expect(withLedgerParams(params, { light: undefined }).has('light')).toBe(false);
  });

  it('goes to the next page by the cursor it was given, and drops the cursor on any other change', () => {
    const next = withLedgerParams(new URLSearchParams('light=red&page=4&pageSize=50'), { page: 5, after: 'abc' });
    expect(ledgerQueryFrom(next)).toMatchObject({ light: 'red', limit: 50, offset: 200, cursor: 'abc' });
    expect(withLedgerParams(next, { page: 7 }).has('after')).toBe(false);
    expect(withLedgerParams(next, { unit: '市发改委' }).has('after')).toBe(false);
    expect(ledgerQueryFrom(new URLSearchParams('page=2')).cursor).toBeUndefined();
  });
});
