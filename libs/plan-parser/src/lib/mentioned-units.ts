import { DEPARTMENT_STEMS } from './default-directory';

/**
 * Administrative actors named inside sentences, for plans without responsibility
 * clauses: "医保部门要…", "医保、卫健部门要…", "各级政府", "各县（赣榆区）", "各地",
 * "赣榆区要…", "各县区（板块）政府（管委会）". Hospitals, teams and institutions are not
 * actors. Verbatim, in order of first mention.
 */
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const STEM = `(?:${DEPARTMENT_STEMS.map(esc).join('|')})`;
const PAREN = '(?:[（(][^（）()\\n]{1,12}[）)])';
const DEPT_LIST = new RegExp(`(?:各级)?(${STEM}(?:[、和及]${STEM}){0,6})(?:等)?(?:行政|主管)?部门`, 'g');
const EACH_LEVEL = new RegExp(`各级(?:[\\u4e00-\\u9fa5]{0,8}?(?:经办机构|行政部门|主管部门|部门)|人民政府|政府|党委(?:和政府|、政府)?)`, 'g');
const EACH_PLACE = new RegExp(
  `各(?:有关|相关)?(?:地区|地|[省市县区旗州盟镇乡]{1,3}|乡镇|街道|开发区|园区|板块)${PAREN}?` +
    // 各有关省（市）人民政府 / 各有关省（市）教育主管部门 / 各有关省（市）和部委 / 各地区各部门
    `(?:(?:人民政府|政府|党委|管委会|${STEM}(?:行政|主管)?部门)${PAREN}?|[和及、]?(?:各|有关)?(?:部委|部门))?`,
  'g',
);
/** A place's government: 南京市人民政府, 由西藏自治区人民政府…, 承担任务的省（市）人民政府. */
const PLACE_GOV = new RegExp(
  `(?:(?<![\\u4e00-\\u9fa5])|(?<=[由经请和及与对向为的据照]))((?:[^\\s\\d，。；：、（）()的和与及由对向为在将把从据照]{1,6}?)?(?:省|市|县|区|旗|州|盟)${PAREN}?)(人民政府|政府|党委|管委会)`,
  'g',
);
const SUBJECT_PLACE = /(?:^|[，,。；;：:\n])((?:[\u4e00-\u9fa5]{1,4}?)(?:区|县|旗))(?=要|应|须|需|全面|科学|成立|建立|启动|制定|制订|负责|牵头|完成|实现|推进|加快|开展|落实|组织)/g;
const NOT_ACTOR = /(?:医院|卫生院|机构|中心|团队|学校|企业|小组)$/;

interface Hit {
  pos: number;
  names: string[];
}

function expandDeptList(list: string, tail: string): string[] {
  return list.split(/[、和及]/).map((s) => s + tail);
}

export function findMentionedUnits(text: string): string[] {
  const hits: Hit[] = [];
  // Characters already claimed by an earlier (more specific) pattern.
  const taken = new Uint8Array(text.length);
  const add = (pos: number, len: number, names: string[]): void => {
    for (let i = pos; i < pos + len; i++) if (taken[i]) return;
    taken.fill(1, pos, pos + len);
    hits.push({ pos, names });
  };

  for (const re of [EACH_LEVEL, EACH_PLACE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[0];
      if (NOT_ACTOR.test(name) && !/经办机构$/.test(name)) continue;
      add(m.index, name.length, [name]);
    }
  }
  DEPT_LIST.lastIndex = 0;
  for (let m = DEPT_LIST.exec(text); m; m = DEPT_LIST.exec(text)) {
    const tail = m[0].slice(m[0].lastIndexOf(m[1]) + m[1].length).replace(/^等/, '');
    add(m.index, m[0].length, expandDeptList(m[1], tail));
  }
  PLACE_GOV.lastIndex = 0;
  for (let m = PLACE_GOV.exec(text); m; m = PLACE_GOV.exec(text)) {
    // "根据西藏自治区人民政府的需求": a source named, not an actor.
    if (/(?:根据|按照|依照|依据)$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
    add(m.index, m[0].length, [m[0]]);
  }
  SUBJECT_PLACE.lastIndex = 0;
  for (let m = SUBJECT_PLACE.exec(text); m; m = SUBJECT_PLACE.exec(text)) {
    const name = m[1];
    const pos = m.index + m[0].length - name.length;
    if (/^(?:城市|市区|社区|园区|景区|辖区|小区|山区|牧区|片区|郊区|各)/.test(name) && name !== '城区') continue;
    add(pos, name.length, [name]);
  }
  hits.sort((a, b) => a.pos - b.pos);
  const out = new Set<string>();
  for (const h of hits) for (const n of h.names) out.add(n);
  return Array.from(out);
}
