/**
 * Review mechanism phrases (半年通报、年度考评 / 定期调度督导 / 目标考核机制…) and
 * sanctions for laggards (通报, 约谈, 取消年终评优资格…), verbatim.
 */
const CYCLE = '(?:半年|季度|年度|月度|年终|年中|中期|定期|每年|每季度|每半年|每月|按季|按月|按年)';
const ACT = '(?:通报|考评|考核|督导|督查|督办|调度|评估|检查|会商|点评|通报|报告|评价)';
const REVIEW = new RegExp(
  `(?:${CYCLE}[\\u4e00-\\u9fa5]{0,6}?|[月季年])${ACT}(?:[、和与](?:${CYCLE}[\\u4e00-\\u9fa5]{0,6}?|[月季年])${ACT})*(?:机制|制度)?|` +
    `(?:目标考核|督导考核|考核督导|督查考核|考核评估|绩效考核|跟踪指导与监测评价|监测评价|跟踪评估|第三方评估|中期评估|终期评估|开展评估|调度督导|专项督查|督查督办|考评)(?:机制|制度)?|` +
    `[\\u4e00-\\u9fa5“”]{0,24}?(?:会商机制|评估机制|考核机制|督导机制|通报机制|督查机制|评价机制)`,
  'g',
);

const LAGGARD = /不力|滞后|缓慢|未完成|不到位|落实不好|失职|渎职|敷衍|弄虚作假|不实|排名靠后|排名落后|未按期|未按时|未达到|不合格|进度慢|拖延/;
const MEASURE_LIST = /(?:予以|给予|进行|采取|实行|实施|作出)\s?([^。；]{2,80}?)(?:等(?:处理|措施|问责|处分|方式|处罚)|[。；]|$)/;
const MEASURE_WORDS = /通报批评|通报|约谈|诫勉|问责|追究[\u4e00-\u9fa5]{0,6}责任|挂牌督办|一票否决|扣减[\u4e00-\u9fa5]{0,10}|取消[\u4e00-\u9fa5]{0,12}资格|降低[\u4e00-\u9fa5]{0,8}等次|暂停[\u4e00-\u9fa5]{0,8}|收回[\u4e00-\u9fa5]{0,8}/g;

const MEASURE_TEST = new RegExp(MEASURE_WORDS.source);

function sentences(text: string): string[] {
  return text.split(/[。\n]/).filter((s) => s.length > 0 && s.length < 2000);
}

export function findReviewMechanisms(text: string): string[] {
  const out: string[] = [];
  REVIEW.lastIndex = 0;
  for (let m = REVIEW.exec(text); m; m = REVIEW.exec(text)) {
    const phrase = m[0].replace(/^[“”]+/, '');
    if (phrase && !out.includes(phrase)) out.push(phrase);
    if (out.length >= 20) break;
  }
  return out;
}

/**
 * Review mechanisms named inside tasks: only assessment / supervision ones (not 会商 / 协调),
 * and an 评估 only of the work itself (成效评估 / 实施评估), not of a task's subject matter
 * (公园体检评估制度 is what the task builds, not how the plan is reviewed).
 */
const STRONG_REVIEW =
  /[\u4e00-\u9fa5、“”]{0,16}(?:考核|考评|督查|督导|通报|(?:工作|任务|成效|绩效|实施|落实|进展)(?:情况)?评估)(?:机制|制度|体系)/g;

export function findStrongReviewMechanisms(text: string): string[] {
  const out: string[] = [];
  STRONG_REVIEW.lastIndex = 0;
  for (let m = STRONG_REVIEW.exec(text); m && out.length < 20; m = STRONG_REVIEW.exec(text)) if (!out.includes(m[0])) out.push(m[0]);
  return out;
}

export function findSanctions(text: string): string[] {
  const out = new Set<string>();
  for (const s of sentences(text)) {
    const trigger = LAGGARD.exec(s);
    if (!trigger) continue;
    // Measures follow the laggard condition ("对…不力的，予以通报、约谈").
    const tail = s.slice(trigger.index);
    const m = MEASURE_LIST.exec(tail);
    let found: string[] = [];
    if (m && MEASURE_TEST.test(m[1])) {
      found = m[1]
        .split(/[、，,和或及]/)
        .map((x) => x.replace(/^(?:视情况|视情节|严肃|依法依规|依规依纪|并)+/, '').replace(/等$/, '').trim())
        .filter((x) => x.length > 0 && x.length <= 20);
    }
    if (found.length === 0) found = tail.match(MEASURE_WORDS) ?? [];
    for (const f of found) out.add(f);
    if (out.size >= 50) break;
  }
  return Array.from(out);
}
