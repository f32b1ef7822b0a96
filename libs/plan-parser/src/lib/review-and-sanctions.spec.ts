import { findReviewMechanisms, findSanctions, findStrongReviewMechanisms } from './review-and-sanctions';

describe('review and sanctions', () => {
  it('finds the review cycle and the laggard measures', () => {
    const t = '完善“半年通报、年度考评”机制。对工作不力，进展滞后的地区视情况予以通报、领导约谈、取消年终评优资格等处理，确保目标实现。';
    expect(findReviewMechanisms(t)).toContain('半年通报、年度考评');
    expect(findSanctions(t)).toEqual(['通报', '领导约谈', '取消年终评优资格']);
  });

  it('returns nothing without laggard wording', () => {
    expect(findSanctions('主动将考核结果通报同级有关部门。')).toEqual([]);
  });
});

describe('review mechanisms named inside tasks', () => {
  it('takes assessment of the work, not an evaluation the task itself builds', () => {
    expect(findStrongReviewMechanisms('建立常态化公园体检评估制度，优化城市体检评估指标。')).toEqual([]);
    expect(findStrongReviewMechanisms('健全任务督促检查和发展成效评估机制。')).toEqual(['健全任务督促检查和发展成效评估机制']);
    expect(findStrongReviewMechanisms('建立目标考核制度。')).toEqual(['建立目标考核制度']);
  });
});
