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
});
