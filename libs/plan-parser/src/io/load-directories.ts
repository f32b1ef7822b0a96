import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UnitDirectory, UnitEntry, UnitKind } from '../lib/types';

/**
 * Reads every <city>.json in `folder` (seeds/directories) into UnitDirectory objects.
 * The only file I/O of the library; the core receives directories as arguments.
 * A malformed file is skipped with its error reported through `onError`.
 */
const KINDS: UnitKind[] = ['department', 'government', 'party', 'committee', 'collective', 'place', 'other'];

function asDirectory(data: unknown, file: string): UnitDirectory {
  if (!data || typeof data !== 'object') throw new Error(`${file}: not an object`);
  const d = data as Record<string, unknown>;
  const units: UnitEntry[] = Array.isArray(d.units)
    ? (d.units as Array<Record<string, unknown>>).map((u, i) => {
        if (typeof u.name !== 'string') throw new Error(`${file}: units[${i}].name missing`);
        const kind = KINDS.includes(u.kind as UnitKind) ? (u.kind as UnitKind) : 'other';
        return {
          id: typeof u.id === 'string' ? u.id : u.name,
          name: u.name,
          aliases: Array.isArray(u.aliases) ? u.aliases.filter((a): a is string => typeof a === 'string') : [],
          kind,
        };
      })
    : [];
  const aliases: Record<string, string> = {};
  if (d.aliases && typeof d.aliases === 'object') {
    for (const [k, v] of Object.entries(d.aliases as Record<string, unknown>)) if (typeof v === 'string') aliases[k] = v;
  }
  const districts = Array.isArray(d.districts) ? d.districts.filter((x): x is string => typeof x === 'string') : [];
  return { city: typeof d.city === 'string' ? d.city : null, aliases, units, districts };
}

export function loadUnitDirectories(folder: string, onError?: (message: string) => void): UnitDirectory[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    onError?.(`${folder}: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
  const out: UnitDirectory[] = [];
  for (const n of names) {
    try {
      out.push(asDirectory(JSON.parse(readFileSync(join(folder, n), 'utf8')), n));
    } catch (e) {
      onError?.(e instanceof Error ? e.message : String(e));
    }
  }
  return out;
}
