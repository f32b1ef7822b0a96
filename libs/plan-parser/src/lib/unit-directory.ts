import { DEFAULT_DIRECTORY } from './default-directory';
import { UnitDirectory, UnitEntry } from './types';
import { splitPlace } from './unit-names';

/**
 * Name → canonical unit lookups. Place prefixes are normalized first: the city's
 * own name and 本市/全市 become the level prefix 市 (南京市卫健委 → 市卫健委), so one
 * generic directory serves every city; city files add local names.
 */
interface Index {
  byKey: Map<string, UnitEntry>;
}

const cache = new WeakMap<UnitDirectory, Index>();

function key(s: string): string {
  return s.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function buildIndex(dir: UnitDirectory): Index {
  const byKey = new Map<string, UnitEntry>();
  const byId = new Map<string, UnitEntry>();
  for (const u of dir.units) {
    byId.set(u.id, u);
    for (const n of [u.name, ...u.aliases]) if (!byKey.has(key(n))) byKey.set(key(n), u);
  }
  for (const [alias, target] of Object.entries(dir.aliases)) {
    const u = byId.get(target) ?? byKey.get(key(target));
    if (u) byKey.set(key(alias), u);
  }
  return { byKey };
}

function indexOf(dir: UnitDirectory): Index {
  let idx = cache.get(dir);
  if (!idx) {
    idx = buildIndex(dir);
    cache.set(dir, idx);
  }
  return idx;
}

/** Merge directories: later ones win on conflicts; units are matched by id. */
export function mergeDirectories(...dirs: UnitDirectory[]): UnitDirectory {
  const units = new Map<string, UnitEntry>();
  const aliases: Record<string, string> = {};
  const districts: string[] = [];
  let city: string | null = null;
  for (const d of dirs) {
    city = d.city ?? city;
    for (const u of d.units) {
      const prev = units.get(u.id);
      units.set(u.id, prev ? { ...u, aliases: Array.from(new Set([...prev.aliases, ...u.aliases, prev.name])) } : u);
    }
    Object.assign(aliases, d.aliases);
    for (const x of d.districts) if (!districts.includes(x)) districts.push(x);
  }
  return { city, aliases, units: Array.from(units.values()), districts };
}

const GOVERNMENT = /(?:人民政府|政府|管委会|管理委员会|行政公署)(?:（[^（）]{1,10}）)?$/;
const PARTY = /党委$/;

/** The canonical unit for `name`, or null when the directory does not know it. */
export function resolveUnit(directory: UnitDirectory | undefined, name: string): UnitEntry | null {
  const dir = directory ?? DEFAULT_DIRECTORY;
  const idx = indexOf(dir);
  const k = key(name);
  const direct = idx.byKey.get(k);
  if (direct) return direct;
  const { place, body } = splitPlace(k);
  const cityPlace = dir.city ? key(dir.city) : null;
  if (place && (place === cityPlace || place === '本市' || place === '全市' || (cityPlace && cityPlace.startsWith(place) && place.endsWith('市')))) {
    const viaLevel = idx.byKey.get('市' + body);
    if (viaLevel) return viaLevel;
  }
  // Same department at another level: 县生态环境局 → 县 + 市生态环境局's body.
  if (place && /^[省市县区旗州盟]$/.test(place)) {
    const generic = idx.byKey.get('市' + body);
    if (generic && generic.name.startsWith('市')) {
      return { id: `${generic.id}@${place}`, name: place + generic.name.slice(1), aliases: [], kind: generic.kind };
    }
  }
  if (!place) {
    const viaBody = idx.byKey.get(body);
    if (viaBody) return viaBody;
  }
  // Governments and party committees are recognised by form, not listed one by one.
  if (place && (GOVERNMENT.test(body) || PARTY.test(body) || body === '')) {
    const collective = place.startsWith('各') || /[省市县区旗]{2,}|（/.test(place);
    return {
      id: `${PARTY.test(body) ? 'party' : 'gov'}:${k}`,
      name,
      aliases: [],
      kind: collective ? 'collective' : PARTY.test(body) ? 'party' : body === '' ? 'place' : 'government',
    };
  }
  if (dir.districts.some((d) => k.startsWith(key(d)) && GOVERNMENT.test(k))) {
    return { id: `gov:${k}`, name, aliases: [], kind: 'government' };
  }
  return null;
}

/** Directory for a document: the generic one merged with the caller's (if any). */
export function effectiveDirectory(directory?: UnitDirectory): UnitDirectory {
  return directory ? mergeDirectories(DEFAULT_DIRECTORY, directory) : DEFAULT_DIRECTORY;
}
