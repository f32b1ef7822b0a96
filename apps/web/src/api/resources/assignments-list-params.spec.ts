import { listParams } from './assignments.api';

describe('listParams', () => {
  it('sends a unit picked from the directory as unitId, a name as unit, and leaves other filters as they are', () => {
    const id = '41e00095-e129-54ac-9d13-7802dc4f8b14';
    expect(listParams({ unit: id, light: 'red', limit: 20 })).toEqual({ unitId: id, light: 'red', limit: 20 });
    expect(listParams({ unit: '市卫健委', offset: 40 })).toEqual({ unit: '市卫健委', offset: 40 });
    expect(listParams({ planId: id })).toEqual({ planId: id });
  });
});
