/**
 * TypeScript port of /work/shared/tools/score_parse.py's `score` function: the same
 * metrics (tasks, titles, lead, units, mentioned, deadlines, recurring, breakdowns,
 * meta) computed the same way, so the in-process test asserts what the scorer does.
 * Tasks are keyed by (number, occurrence): a plan whose numbering restarts in each
 * section has several tasks numbered 1, and the k-th of them is compared with the k-th.
 */
type Json = Record<string, unknown>;
type Task = Json;

const norm = (s: unknown): string => String(s ?? '').replace(/\s+/g, '');
const normMetric = (s: unknown): string => String(s ?? '').replace(/[\s（）()]/g, '');

function f1<T>(gold: Set<T>, got: Set<T>): number | null {
  if (gold.size === 0 && got.size === 0) return null;
  let tp = 0;
  for (const x of gold) if (got.has(x)) tp++;
  const p = got.size ? tp / got.size : 0;
  const r = gold.size ? tp / gold.size : 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

const arr = <T = unknown>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);

function unitsOf(t: Task): string[] {
  const u = t.unitsResolved ?? t.units ?? [];
  return arr<string>(u).map(norm);
}

/** Tasks keyed "number#occurrence", in document order. */
function keyed(doc: Json): Map<string, Task> {
  const m = new Map<string, Task>();
  const seen = new Map<number, number>();
  for (const t of arr<Task>(doc.tasks)) {
    const n = Number(t.number);
    if (!Number.isInteger(n)) continue;
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    m.set(`${n}#${k}`, t);
  }
  return m;
}

const setEq = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

export function scorePlan(gold: Json, got: Json): Record<string, number> {
  const gt = keyed(gold);
  const ot = keyed(got);
  const s: Record<string, number | null> = {};
  s.tasks = f1(new Set(gt.keys()), new Set(ot.keys()));
  if (gt.size) {
    let titles = 0;
    let lead = 0;
    for (const [n, t] of gt) {
      const o = ot.get(n);
      if (!o) continue;
      if (norm(o.title) === norm(t.title)) titles++;
      if (setEq(new Set(arr(o.lead).map(norm)), new Set(arr(t.lead).map(norm)))) lead++;
    }
    s.titles = titles / gt.size;
    s.lead = lead / gt.size;
  }
  const pairs = (m: Map<string, Task>, f: (t: Task) => string[]): Set<string> => {
    const out = new Set<string>();
    for (const [n, t] of m) for (const x of f(t)) out.add(`${n}\u0000${x}`);
    return out;
  };
  s.units = f1(pairs(gt, unitsOf), pairs(ot, unitsOf));
  if ([...gt.values()].some((t) => arr(t.mentionedUnits).length > 0)) {
    const mu = (t: Task) => arr(t.mentionedUnits).map(norm);
    s.mentioned = f1(pairs(gt, mu), pairs(ot, mu));
  }
  const due = (t: Task) => arr<Json>(t.deadlines).map((d) => String(d.due));
  s.deadlines = f1(pairs(gt, due), pairs(ot, due));
  const every = (t: Task) => arr<Json>(t.recurring).map((d) => String(d.every));
  s.recurring = f1(pairs(gt, every), pairs(ot, every));
  const cells = (doc: Json): Set<string> => {
    const out = new Set<string>();
    for (const c of arr<Json>(doc.breakdowns)) {
      const year = Number(c.year);
      const value = Number(c.value);
      if (!Number.isFinite(year) || !Number.isFinite(value)) continue;
      out.add([norm(c.region), normMetric(c.metric), Math.trunc(year), value].join('\u0000'));
    }
    return out;
  };
  s.breakdowns = f1(cells(gold), cells(got));
  const period = (p: unknown) => JSON.stringify(p || null);
  const meta = [
    norm(got.title) === norm(gold.title),
    period(got.period) === period(gold.period),
    setEq(new Set(arr(got.defaultImplementers).map(norm)), new Set(arr(gold.defaultImplementers).map(norm))),
    arr(got.reviewMechanism).length > 0 === arr(gold.reviewMechanism).length > 0,
    setEq(new Set(arr(got.sanctions).map(norm)), new Set(arr(gold.sanctions).map(norm))),
  ];
  s.meta = meta.filter(Boolean).length / meta.length;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(s)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export function meanScore(s: Record<string, number>): number {
  const v = Object.values(s);
  return v.reduce((a, b) => a + b, 0) / v.length;
}
