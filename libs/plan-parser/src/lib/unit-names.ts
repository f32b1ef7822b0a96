/**
 * Unit-name handling: splitting lists at bracket depth 0, place prefixes
 * (市 / 南京市 / 旗县区 / 县（市、区） / 江北新区) and prefix inheritance
 * ("市卫生健康委、发展改革委" → 市发展改革委; "旗县区党委、政府" → 旗县区政府;
 * "各区、县（市）政府" → 各区政府).
 */

const OPEN = '（(【[《“〔［';
const CLOSE = '）)】]》”〕］';

/** Split on any of `seps` outside brackets. Linear; unbalanced brackets are tolerated. */
export function splitTopLevel(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = depth > 0 ? depth - 1 : 0;
    else if (depth === 0 && seps.includes(ch)) {
      out.push(s.slice(from, i));
      from = i + 1;
    }
  }
  out.push(s.slice(from));
  // Unbalanced brackets (a typo in the source): split as if there were none.
  if (depth > 0) {
    out.length = 0;
    let f = 0;
    for (let i = 0; i < s.length; i++) {
      if (seps.includes(s[i])) {
        out.push(s.slice(f, i));
        f = i + 1;
      }
    }
    out.push(s.slice(f));
  }
  const trimmed: string[] = [];
  for (const x of out) {
    const t = x.trim();
    if (t.length > 0) trimmed.push(t);
  }
  return trimmed;
}

const LEVEL = '省市县区旗州盟';
/** Words where a level character is not a place (城市管理局, 市场监管局, 区域…). */
const NOT_PLACE_BIGRAMS = new Set([
  '城市', '都市', '超市', '市场', '区域', '县域', '市域', '社区', '园区', '景区', '辖区', '小区', '山区',
  '牧区', '片区', '郊区', '街区', '校区', '灾区', '城乡', '州际', '区块', '县级', '市级', '区级', '省级', '旗级', '市县',
  '市直', '省直', '区直', '县直',
]);
const PROPER_LEVEL = /^([\u4e00-\u9fa5]{1,6}?)(特别行政区|自治区|自治州|自治县|自治旗|新区|开发区|高新区|经开区|省|市|州|盟|县|区|旗)/;

export interface PlaceSplit {
  place: string;
  body: string;
}

function levelRun(name: string, from: number): number {
  // Runs like 旗县区, 县市区, 县（市、区）, 各区.
  let i = from;
  while (i < name.length) {
    const c = name[i];
    if (LEVEL.includes(c)) {
      i++;
      continue;
    }
    if ((c === '（' || c === '(' || c === '〔') && i > from) {
      const close = name.slice(i, i + 8).search(/[）)〕]/);
      if (close > 1 && /^[（(〔][省市县区旗州盟、，,]{1,6}[）)〕]$/.test(name.slice(i, i + close + 1))) {
        i += close + 1;
        continue;
      }
    }
    break;
  }
  // Back off where the last level char starts a non-place word (市场, 区域…).
  while (i > from && i < name.length && NOT_PLACE_BIGRAMS.has(name[i - 1] + name[i])) i--;
  return i;
}

/** 团市委 / 团县委: the Youth League committee of that level, a unit name with no place prefix. */
const YOUTH_LEAGUE = /^团[省市县区]委/;

/** Split a unit name into its place prefix and body. */
export function splitPlace(name: string): PlaceSplit {
  if (YOUTH_LEAGUE.test(name)) return { place: '', body: name };
  let i = 0;
  if (name.startsWith('各级')) i = 2;
  else if (name.startsWith('各')) i = 1;
  const start = i;
  let end = levelRun(name, i);
  if (end === start) {
    // Proper names: 南京市, 江北新区, 内蒙古自治区, 赣榆区 (repeatable: 南京市江北新区).
    let pos = start;
    for (let k = 0; k < 3; k++) {
      const m = PROPER_LEVEL.exec(name.slice(pos));
      if (!m) break;
      const stem = m[1];
      const lvl = m[2];
      const boundary = stem[stem.length - 1] + lvl[0];
      if (NOT_PLACE_BIGRAMS.has(boundary) || /[的和与及、，]/.test(stem)) break;
      const next = pos + m[0].length;
      if (next < name.length && NOT_PLACE_BIGRAMS.has(lvl[lvl.length - 1] + name[next])) break;
      pos = next;
      pos = levelRun(name, pos) || pos;
    }
    end = pos;
  }
  if (end === start && start === 0) return { place: '', body: name };
  return { place: name.slice(0, end), body: name.slice(end) };
}

const DIRECTLY_UNDER = /^[省市县区旗]直/;

/** Resolve a list of fragments into full names (see module comment). */
export function inheritPrefixes(fragments: string[]): string[] {
  const splits = fragments.map(splitPlace);
  const out = fragments.slice();
  // A place with no body takes the body of the next unit that has one.
  for (let i = 0; i < splits.length; i++) {
    if (splits[i].place && !splits[i].body) {
      for (let j = i + 1; j < splits.length; j++) {
        if (splits[j].body) {
          out[i] = splits[i].place + splits[j].body;
          break;
        }
      }
    }
  }
  // A body with no place takes the place of the unit before it.
  let lastPlace = '';
  for (let i = 0; i < splits.length; i++) {
    const s = splits[i];
    // 市直各部门 / 省直有关单位: "directly under the city" is already a full name.
    if (DIRECTLY_UNDER.test(fragments[i])) continue;
    if (s.place) {
      // "各级" alone is not a place to inherit; 市委编办's place is 市.
      lastPlace = s.place.replace(/^各级$/, '');
      continue;
    }
    if (lastPlace && isBareDepartment(s.body)) out[i] = lastPlace + s.body;
  }
  // An internal division after a division of a named body takes that body
  // ("市交通委科技信息处、港务监管处" → 市交通委港务监管处).
  let organ = '';
  for (let i = 0; i < out.length; i++) {
    if (!splits[i].place && organ && DIVISION.test(out[i])) {
      out[i] = organ + out[i];
      continue;
    }
    organ = ORGAN_DIVISION.exec(out[i])?.[1] ?? '';
  }
  return out;
}

/** A bare internal division: 港务监管处, 综合规划处, 办公室 (no body of its own). */
const DIVISION = /^[^委局厅办部院]{2,10}(?:处|科)$|^办公室$/;
/** A division named with its body: 市交通委科技信息处 → 市交通委. */
const ORGAN_DIVISION = /^(.+(?:委员会|委|局|厅|办|部))[^委局厅办部]{2,10}(?:处|科)$/;

/**
 * Generic department stems: a fragment made of one of them and a department suffix
 * (发展改革委, 编办, 审批服务局) is an abbreviation that takes the place of the unit before
 * it; a name such as 合肥海关, 人行合肥中心支行 or 团市委 already is a full name.
 */
const DEPARTMENT_STEM =
  /^(?:委|党委|政府|发展和?改革|发改|卫生健康|卫健|卫生|财政|人力资源和?社会保障|人社|医疗保障|医保|机构编制|编制|编|民政|教育|教体|公安|司法|自然资源|规划|国土|生态环境|环保|住房和?城乡建设|住房城乡建设|住建|建设|城乡建设|交通运输|交通|水利|水务|农业农村|农牧业?|农业|商务|文化|文旅|文化广电|广电|旅游|体育|应急管理|应急|审计|市场监督管理|市场监管|统计|数据|大数据|政务服务|政务数据|工业和?信息化|工信|经信|经济和信息化|科技|科学技术|退役军人|林业|林草|乡村振兴|疾病预防控制|疾控|中医药|药品监督管理|药监|城市管理|城管|综合执法|综合行政执法|税务|医改|审批服务|行政审批|金融|地方金融|国资|外办|外事|台办|侨办|信访|档案|人防|国动|气象|地震|粮食|能源|供销|邮政|通信管理|网信|宣传|组织|统战|政法|编委)/;
const DEPARTMENT_SUFFIX = /(?:委员会|委|局|办|厅|部|署|中心|办公室|部门)$/;

export function isBareDepartment(body: string): boolean {
  if (/^(?:人民)?政府$|^党委$|^管委会$/.test(body)) return true;
  return body.length >= 2 && body.length <= 14 && DEPARTMENT_STEM.test(body) && DEPARTMENT_SUFFIX.test(body);
}

const UNIT_SUFFIX =
  /(?:委员会|管委会|委|局|办|厅|部|署|院|政府|党委|中心|办公室|公司|集团|银行|支行|海关|协会|学会|联合会|监会|妇联|团委|总工会|工会|残联|科协|工商联|贸促会|法院|检察院|军分区|支队|大队|队|所|站|社|馆|部门|单位|机构|企业|街道|镇|乡|地|区|县|市|旗|办事处|分局|监管局|指挥部|领导小组|工作组|专班)$/;

export function looksLikeUnit(s: string): boolean {
  const t = s.replace(/[（(〔][^（）()〔〕]{0,20}[）)〕]$/, '');
  return t.length >= 2 && t.length <= 40 && UNIT_SUFFIX.test(t) && !/[。，；：！？\d%]/.test(t);
}
