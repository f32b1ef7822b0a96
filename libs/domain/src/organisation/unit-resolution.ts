import { looksCollective } from './collective-units';
import { normaliseUnitName, placeStem } from './unit-name';
import { currentUnit, isUnitValidOn } from './unit-validity';
import { jurisdictionFamily, unitDisplayName, type DirectoryUnit, type OrganisationDirectory } from './organisation-directory';

export type ResolutionStatus = 'resolved' | 'suggested' | 'unknown' | 'collective';

export const RESOLUTION_STATUS_LABELS: Readonly<Record<ResolutionStatus, string>> = {
  resolved: '已匹配',
  suggested: '待确认',
  unknown: '未知单位',
  collective: '集合单位',
};

export interface UnitRef {
  readonly unitId: string;
  readonly unitName: string;
}

export interface ExpandedUnit extends UnitRef {
  /** The region the unit answers for (breakdown tables name it). */
  readonly region: string;
}

export interface UnitSuggestion extends UnitRef {
  readonly score: number;
  readonly reason: string;
}

export interface UnitResolution {
  readonly printedName: string;
  readonly status: ResolutionStatus;
  readonly unitId?: string;
  readonly unitName?: string;
  /** How it was resolved or why not (Chinese). */
  readonly reason: string;
  /** Collective: every district/county body it stands for (empty when the jurisdiction has none). */
  readonly expandsTo?: readonly ExpandedUnit[];
  readonly suggestions: readonly UnitSuggestion[];
}

export interface ResolutionContext {
  readonly directory: OrganisationDirectory;
  /** The plan's jurisdiction (a city); null until detected or confirmed. */
  readonly jurisdictionId: string | null;
  /** ISO date the names are read on (the plan's import or publish date): decides renamed bodies. */
  readonly asOf: string;
}

/** Names that mention zones: the collective then also covers the management committees (管委会, 板块). */
const INCLUDES_ZONES = /管委会|板块|园区|功能区/;

/**
 * Every district/county government (and, when the name mentions 管委会/板块, every management committee) of the
 * plan's jurisdiction valid on `asOf`: what 各区人民政府, 各县（市、区）, 各地… stand for.
 */
export function expandCollective(printedName: string, context: ResolutionContext): ExpandedUnit[] {
  if (context.jurisdictionId === null) return [];
  const family = jurisdictionFamily(context.directory, context.jurisdictionId);
  const childIds = new Set(family.slice(1).map((jurisdiction) => jurisdiction.id));
  const withZones = INCLUDES_ZONES.test(printedName);
  // 各县 means the counties (县 and county-level 市); a district named beside it (各县（赣榆区）) joins them.
  const namedDistricts = family.slice(1).filter((jurisdiction) => printedName.includes(jurisdiction.name));
  const named = new Set(namedDistricts.map((jurisdiction) => jurisdiction.id));
  const unnamed = namedDistricts.reduce((text, jurisdiction) => text.split(jurisdiction.name).join(''), printedName);
  const countiesOnly = /县/.test(unnamed) && !/区/.test(unnamed);
  const levelOf = new Map(family.map((jurisdiction) => [jurisdiction.id, jurisdiction.level]));
  return context.directory.units
    .filter((unit) => isUnitValidOn(unit, context.asOf))
    .filter(
      (unit) =>
        (unit.kind === 'district_government' &&
          childIds.has(unit.jurisdictionId) &&
          (!countiesOnly || levelOf.get(unit.jurisdictionId) === 'county' || named.has(unit.jurisdictionId))) ||
        (withZones && unit.kind === 'management_committee' && (unit.jurisdictionId === context.jurisdictionId || childIds.has(unit.jurisdictionId))),
    )
    .map((unit) => ({ unitId: unit.id, unitName: unitDisplayName(unit), region: unit.region ?? unitDisplayName(unit) }));
}

/**
 * The names to look a printed name up under, in order, with the rule that produced each: the name itself,
 * then the city prefix rules (市X ↔ 南京市X ↔ 南京X; a bare X → 市X, as lists print 市卫健委、编办).
 */
export function nameVariants(name: string, cityName: string | null): { name: string; rule: string }[] {
  const variants: { name: string; rule: string }[] = [{ name, rule: 'exact' }];
  if (cityName !== null) {
    const stem = placeStem(cityName);
    if (name.startsWith('市')) variants.push({ name: cityName + name.slice(1), rule: `市X→${cityName}X` });
    if (name.startsWith(cityName)) variants.push({ name: '市' + name.slice(cityName.length), rule: `${cityName}X→市X` });
    else if (stem !== cityName && name.startsWith(stem)) variants.push({ name: '市' + name.slice(stem.length), rule: `${stem}X→市X` });
  }
  if (!/^(市|各|中共)/.test(name) && !(cityName !== null && name.startsWith(placeStem(cityName)))) variants.push({ name: '市' + name, rule: 'X→市X' });
  return variants;
}

function bigrams(text: string): string[] {
  const chars = [...text];
  return chars.length < 2 ? chars : chars.slice(0, -1).map((char, index) => char + chars[index + 1]);
}

/** Dice similarity of character bigrams (0…1): how alike two Chinese names read. */
export function nameSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = [...right];
  let shared = 0;
  for (const gram of left) {
    const index = pool.indexOf(gram);
    if (index >= 0) {
      shared += 1;
      pool.splice(index, 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

interface Indexed {
  readonly unit: DirectoryUnit;
  readonly via: 'name' | 'alias';
}

function indexNames(context: ResolutionContext, jurisdictionIds: ReadonlySet<string>): Map<string, Indexed[]> {
  const index = new Map<string, Indexed[]>();
  const put = (key: string, entry: Indexed): void => {
    const normal = normaliseUnitName(key);
    const list = index.get(normal) ?? [];
    if (!list.some((existing) => existing.unit.id === entry.unit.id)) list.push(entry);
    index.set(normal, list);
  };
  const byId = new Map(context.directory.units.map((unit) => [unit.id, unit]));
  for (const unit of context.directory.units) {
    if (!jurisdictionIds.has(unit.jurisdictionId)) continue;
    put(unit.name, { unit, via: 'name' });
    if (unit.shortName) put(unit.shortName, { unit, via: 'name' });
  }
  for (const alias of context.directory.aliases) {
    const unit = byId.get(alias.unitId);
    if (unit && jurisdictionIds.has(alias.jurisdictionId)) put(alias.alias, { unit, via: 'alias' });
  }
  return index;
}

/**
 * Resolves one printed name against the plan's jurisdiction (the city and its districts): exact name, alias,
 * prefix rules; a renamed body resolves to its successor from the date it was renamed; a collective expands to
 * the jurisdiction's districts. Anything else is `suggested` (ranked candidates, each with a reason — a body of
 * another jurisdiction is never taken without a coordinator's mapping) or `unknown`.
 */
export function resolveUnitName(printedName: string, context: ResolutionContext): UnitResolution {
  const name = normaliseUnitName(printedName);
  if (name === '') return { printedName, status: 'unknown', reason: '单位名称为空', suggestions: [] };
  const family = context.jurisdictionId === null ? [] : jurisdictionFamily(context.directory, context.jurisdictionId);
  const city = family[0] ?? null;
  const scope = new Set(family.map((jurisdiction) => jurisdiction.id));
  const index = indexNames(context, scope);

  for (const variant of nameVariants(name, city?.name ?? null)) {
    const hits = index.get(variant.name) ?? [];
    const hit = hits.find((entry) => entry.via === 'name') ?? hits[0];
    if (!hit) continue;
    const how = variant.rule === 'exact' ? (hit.via === 'name' ? '名称完全一致' : '别名') : `前缀规则 ${variant.rule}`;
    if (hit.unit.kind === 'collective') {
      return { printedName, status: 'collective', unitId: hit.unit.id, unitName: unitDisplayName(hit.unit), reason: `集合单位（${how}）`,
        // Either the printed or the canonical name may mention 管委会/板块.
        expandsTo: expandCollective(`${hit.unit.name}|${name}`, context), suggestions: [] };
    }
    const current = currentUnit(hit.unit, context.directory.units, context.asOf);
    if (current === null) {
      return { printedName, status: 'unknown', reason: `“${unitDisplayName(hit.unit)}”在${context.asOf}已撤销且无承继单位`, suggestions: [] };
    }
    const renamed = current.id !== hit.unit.id ? `；已于${hit.unit.validTo}后由“${unitDisplayName(current)}”承继` : '';
    return { printedName, status: 'resolved', unitId: current.id, unitName: unitDisplayName(current), reason: how + renamed, suggestions: [] };
  }

  if (looksCollective(name)) {
    return { printedName, status: 'collective', reason: '集合单位（按名称识别）', expandsTo: expandCollective(name, context), suggestions: [] };
  }
  return { printedName, ...suggest(name, context, scope, city?.name ?? null) };
}

function suggest(name: string, context: ResolutionContext, scope: ReadonlySet<string>, cityName: string | null): Pick<UnitResolution, 'status' | 'reason' | 'suggestions'> {
  const suggestions = new Map<string, UnitSuggestion>();
  const offer = (unit: DirectoryUnit, score: number, reason: string): void => {
    const existing = suggestions.get(unit.id);
    if (!existing || existing.score < score) suggestions.set(unit.id, { unitId: unit.id, unitName: unitDisplayName(unit), score: Math.round(score * 100) / 100, reason });
  };
  // The same name in another jurisdiction (江苏省人民政府 on a 南通 plan): offered, never taken.
  const allJurisdictions = new Set(context.directory.jurisdictions.map((jurisdiction) => jurisdiction.id));
  const elsewhere = indexNames(context, allJurisdictions);
  const names = new Map(context.directory.jurisdictions.map((jurisdiction) => [jurisdiction.id, jurisdiction.name]));
  for (const entry of elsewhere.get(name) ?? []) {
    if (!scope.has(entry.unit.jurisdictionId)) offer(entry.unit, 0.9, `同名单位属于${names.get(entry.unit.jurisdictionId) ?? '其他辖区'}，不在本计划辖区`);
  }
  const variants = nameVariants(name, cityName).map((variant) => variant.name);
  for (const [key, entries] of indexNames(context, scope)) {
    const score = Math.max(...variants.map((variant) => nameSimilarity(variant, key)));
    if (score < 0.5) continue;
    for (const entry of entries) {
      if (!isUnitValidOn(entry.unit, context.asOf)) continue;
      offer(entry.unit, score, `名称相近：“${key}”`);
    }
  }
  const ranked = [...suggestions.values()].sort((a, b) => b.score - a.score || a.unitName.localeCompare(b.unitName, 'zh')).slice(0, 5);
  if (ranked.length === 0) return { status: 'unknown', reason: context.jurisdictionId === null ? '计划辖区未确认，无法匹配' : '单位目录中没有该单位', suggestions: [] };
  return { status: 'suggested', reason: `未能确定，最接近：${ranked[0]!.unitName}`, suggestions: ranked };
}
