import { buildDailyDigest, dailyDigestKey, type DigestItem } from './build-daily-digest';

const UNIT = '市发展改革委';
const DATE = '2025-03-14';
const at = (hour: number, minute = 0) => Date.UTC(2025, 2, 14, hour - 8, minute);

function item(key: string, kind: string, title: string, time?: number, section?: string): DigestItem {
  return { idempotencyKey: key, kind, title, ...(time === undefined ? {} : { at: time }), ...(section === undefined ? {} : { section }) };
}

describe('buildDailyDigest', () => {
  it('summarises the day by kind, most severe first, with counts and titles', () => {
    const digest = buildDailyDigest(
      UNIT,
      [
        item('d1', 'reminder.due_soon', '完善城市更新项目储备库', at(9)),
        item('u1', 'assignment.urged', '推进营商环境改革', at(10)),
        item('o1', 'assignment.escalated', '出台产业扶持政策', at(8)),
        item('d2', 'reminder.due_soon', '编制年度投资计划', at(8)),
        item('s1', 'assignment.urged', '落实重大项目开工', at(11), '督办'),
      ],
      DATE,
    );
    expect(digest).toEqual({
      idempotencyKey: 'digest:市发展改革委:2025-03-14',
      kind: 'digest.daily',
      recipient: UNIT,
      title: '督办日报（2025年3月14日）：5 条提醒（逾期1、督办1、催办1、即将到期2）',
      body: [
        '市发展改革委：2025年3月14日共有 5 条督办提醒，汇总如下。',
        '',
        '【逾期】1 条',
        '1. 出台产业扶持政策',
        '',
        '【督办】1 条',
        '1. 落实重大项目开工',
        '',
        '【催办】1 条',
        '1. 推进营商环境改革',
        '',
        '【即将到期】2 条',
        '1. 编制年度投资计划',
        '2. 完善城市更新项目储备库',
        '',
        '请登录督办系统查看详情并及时办理。',
      ].join('\n'),
    });
  });

  it('names a unit addressed by its directory id by its display name; the key stays per id', () => {
    const unitId = '9b2d3c4e-0f1a-5b6c-8d7e-1f2a3b4c5d6e';
    const digest = buildDailyDigest(unitId, [item('a', 'assignment.urged', '催办：任务1')], DATE, { unitName: '市财政局' });
    expect(digest).toMatchObject({ idempotencyKey: `digest:${unitId}:${DATE}`, recipient: unitId, recipientName: '市财政局' });
    expect(digest?.body.startsWith('市财政局：')).toBe(true);
    expect(digest?.body).not.toContain(unitId);
  });

  it('lists the first N titles of a section and counts the rest: …及其他 K 条', () => {
    const items = Array.from({ length: 8 }, (_, index) => item(`u${index}`, 'assignment.urged', `任务${index + 1}`, at(9, index)));
    const digest = buildDailyDigest(UNIT, items, DATE, { maxTitlesPerSection: 3 });
    expect(digest?.body.split('\n').slice(2)).toEqual(['【催办】8 条', '1. 任务1', '2. 任务2', '3. 任务3', '…及其他 5 条', '', '请登录督办系统查看详情并及时办理。']);
  });

  it('defaults to five titles per section', () => {
    const items = Array.from({ length: 6 }, (_, index) => item(`d${index}`, 'reminder.due_soon', `任务${index + 1}`, at(9, index)));
    expect(buildDailyDigest(UNIT, items, DATE)?.body).toContain('5. 任务5\n…及其他 1 条');
  });

  it('with zero titles per section gives counts only', () => {
    const digest = buildDailyDigest(UNIT, [item('a', 'assignment.urged', 'x'), item('b', 'assignment.urged', 'y')], DATE, { maxTitlesPerSection: 0 });
    expect(digest?.body).toContain('【催办】2 条\n共 2 条\n');
    expect(digest?.body).not.toContain('x');
  });

  it('is the same message whatever the order of the items (a retried job sends identical content)', () => {
    const items = [
      item('a', 'assignment.urged', '乙任务', at(9)),
      item('b', 'assignment.urged', '甲任务', at(9)),
      item('c', 'reminder.acceptance', '丙任务'),
      item('d', 'plan.imported', '新计划'),
      item('e', 'assignment.urged', '丁任务', at(8)),
    ];
    const forward = buildDailyDigest(UNIT, items, DATE);
    const backward = buildDailyDigest(UNIT, [...items].reverse(), DATE);
    expect(backward).toEqual(forward);
    // Same time: by title; items without a time after timed ones.
    expect(forward?.body).toContain('【催办】3 条\n1. 丁任务\n2. 乙任务\n3. 甲任务');
  });

  it('counts a notification listed twice (same idempotency key) once', () => {
    const digest = buildDailyDigest(UNIT, [item('u1', 'assignment.urged', '推进改革'), item('u1', 'assignment.urged', '推进改革')], DATE);
    expect(digest?.title).toBe('督办日报（2025年3月14日）：1 条提醒（催办1）');
  });

  it('lists an item in the section it names, ordered by that section', () => {
    const digest = buildDailyDigest(UNIT, [item('a', 'assignment.urged', '甲', at(9)), item('b', 'assignment.urged', '乙', at(9), '督办'), item('c', 'plan.imported', '丙', at(9), '通报')], DATE);
    expect(digest?.title).toBe('督办日报（2025年3月14日）：3 条提醒（通报1、督办1、催办1）');
  });

  it('puts unknown kinds in 其他通知 after the known ones, and immediate kinds in their own sections', () => {
    const digest = buildDailyDigest(UNIT, [item('p', 'plan.imported', '新计划'), item('t', 'assignment.talk_triggered', '约谈通知'), item('r', 'reminder.progress_report', '季度进展')], DATE);
    expect(digest?.title).toBe('督办日报（2025年3月14日）：3 条提醒（约谈1、进展反馈提醒1、其他通知1）');
  });

  it('shortens long titles on a character boundary and flattens whitespace', () => {
    const digest = buildDailyDigest(UNIT, [item('a', 'assignment.urged', `关于\n${'很'.repeat(100)}😀`)], DATE, { maxTitleLength: 10 });
    expect(digest?.body).toContain(`1. 关于 ${'很'.repeat(6)}…\n`);
  });

  it('carries the inbox link when given', () => {
    expect(buildDailyDigest(UNIT, [item('a', 'assignment.urged', 'x')], DATE, { link: 'https://duban.example/inbox' })?.link).toBe('https://duban.example/inbox');
    expect(buildDailyDigest(UNIT, [item('a', 'assignment.urged', 'x')], DATE)).not.toHaveProperty('link');
  });

  it('returns null when there is nothing to send', () => {
    expect(buildDailyDigest(UNIT, [], DATE)).toBeNull();
  });

  it('refuses a bad date, an empty unit or bad options', () => {
    expect(() => buildDailyDigest(UNIT, [], '2025-02-30')).toThrow(RangeError);
    expect(() => buildDailyDigest(' ', [], DATE)).toThrow(RangeError);
    expect(() => buildDailyDigest(UNIT, [], DATE, { maxTitlesPerSection: -1 })).toThrow(RangeError);
    expect(() => buildDailyDigest(UNIT, [], DATE, { maxTitleLength: 0 })).toThrow(RangeError);
  });

  it('keys the digest per unit and day', () => {
    expect(dailyDigestKey(UNIT, DATE)).toBe('digest:市发展改革委:2025-03-14');
    expect(buildDailyDigest('市教育局', [item('a', 'assignment.urged', 'x')], '2025-03-15')?.idempotencyKey).toBe('digest:市教育局:2025-03-15');
  });
});
