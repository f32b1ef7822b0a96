import JSZip from 'jszip';
import { PlanParseError } from '../lib/errors';
import { ListCounters, NumberingDefinitions, NumberingLevel } from './list-numbering';

/**
 * .docx → the text the parser reads: one line per paragraph, each list-numbered
 * paragraph preceded by its number as Word renders it (w:numPr on the paragraph or its
 * style), tables as one tab-led line per cell with a blank line between rows (the
 * "flattened" table shape the table reader knows). Deleted text and field codes are
 * left out.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The few DOM members used here (xmldom's nodes), typed locally so the DOM library types stay out. */
interface El {
  nodeType: number;
  localName: string;
  firstChild: El | null;
  nextSibling: El | null;
  textContent: string | null;
  documentElement?: El;
  getAttribute(name: string): string | null;
  getAttributeNS(ns: string, name: string): string | null;
}

interface XmlParser {
  parseFromString(xml: string, type: string): El;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DOMParser } = require('@xmldom/xmldom') as { DOMParser: new (options: object) => XmlParser };

function children(el: El, name?: string): El[] {
  const out: El[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (!name || (n as El).localName === name)) out.push(n as El);
  }
  return out;
}

function child(el: El | undefined | null, name: string): El | undefined {
  return el ? children(el, name)[0] : undefined;
}

function attr(el: El | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(W, name) || el.getAttribute(`w:${name}`);
  return v === null || v === '' ? undefined : v;
}

function parseXml(xml: string): El {
  const errors: string[] = [];
  const ignore = (): void => undefined;
  const doc = new DOMParser({ errorHandler: { warning: ignore, error: ignore, fatalError: (msg: string) => errors.push(msg) } }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc.documentElement) throw new Error(errors[0] ?? 'invalid XML');
  return doc.documentElement;
}

function readLevel(lvl: El): NumberingLevel {
  const restart = attr(child(lvl, 'lvlRestart'), 'val');
  const suff = attr(child(lvl, 'suff'), 'val');
  return {
    numFmt: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    lvlText: attr(child(lvl, 'lvlText'), 'val') ?? '',
    start: Number(attr(child(lvl, 'start'), 'val') ?? 1),
    restart: restart === undefined ? undefined : Number(restart),
    isLgl: child(lvl, 'isLgl') !== undefined && attr(child(lvl, 'isLgl'), 'val') !== '0',
    suff: suff === 'space' || suff === 'nothing' ? suff : 'tab',
  };
}

export function readNumbering(xml: string | null): NumberingDefinitions {
  const defs: NumberingDefinitions = { abstract: new Map(), nums: new Map() };
  if (!xml) return defs;
  const root = parseXml(xml);
  for (const a of children(root, 'abstractNum')) {
    const levels: NumberingLevel[] = [];
    for (const lvl of children(a, 'lvl')) levels[Number(attr(lvl, 'ilvl') ?? 0)] = readLevel(lvl);
    defs.abstract.set(attr(a, 'abstractNumId') ?? '', levels);
  }
  for (const n of children(root, 'num')) {
    const startOverride = new Map<number, number>();
    const levelOverride = new Map<number, NumberingLevel>();
    for (const o of children(n, 'lvlOverride')) {
      const ilvl = Number(attr(o, 'ilvl') ?? 0);
      const so = attr(child(o, 'startOverride'), 'val');
      if (so !== undefined) startOverride.set(ilvl, Number(so));
      const lvl = child(o, 'lvl');
      if (lvl) levelOverride.set(ilvl, readLevel(lvl));
    }
    defs.nums.set(attr(n, 'numId') ?? '', { abstractId: attr(child(n, 'abstractNumId'), 'val') ?? '', startOverride, levelOverride });
  }
  return defs;
}

/** styleId → the numbering its paragraphs inherit (following basedOn). */
function readStyleNumbering(xml: string | null): Map<string, { numId?: string; ilvl?: number }> {
  const out = new Map<string, { numId?: string; ilvl?: number }>();
  if (!xml) return out;
  const root = parseXml(xml);
  const raw = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const s of children(root, 'style')) {
    const numPr = child(child(s, 'pPr'), 'numPr');
    const ilvl = attr(child(numPr, 'ilvl'), 'val');
    raw.set(attr(s, 'styleId') ?? '', { numId: attr(child(numPr, 'numId'), 'val'), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: attr(child(s, 'basedOn'), 'val') });
  }
  for (const id of raw.keys()) {
    let cur = raw.get(id);
    const seen = new Set<string>();
    let numId: string | undefined;
    let ilvl: number | undefined;
    while (cur && !seen.has(id)) {
      numId = numId ?? cur.numId;
      ilvl = ilvl ?? cur.ilvl;
      if (!cur.basedOn || seen.has(cur.basedOn)) break;
      seen.add(cur.basedOn);
      cur = raw.get(cur.basedOn);
    }
    if (numId !== undefined) out.set(id, { numId, ilvl });
  }
  return out;
}

/** Visible text of a paragraph (runs, hyperlinks, fields' results, content controls). */
function paragraphText(p: El): string {
  let out = '';
  const walk = (el: El): void => {
    for (const c of children(el)) {
      switch (c.localName) {
        case 't':
          out += c.textContent ?? '';
          break;
        case 'tab':
          out += '\t';
          break;
        case 'br':
        case 'cr':
          out += '\n';
          break;
        case 'noBreakHyphen':
          out += '-';
          break;
        case 'delText':
        case 'instrText':
        case 'pPr':
        case 'rPr':
        case 'del':
        case 'moveFrom':
          break;
        default:
          walk(c);
      }
    }
  };
  walk(p);
  return out;
}

export async function docxToText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const docFile = zip.file('word/document.xml');
  if (!docFile) throw new PlanParseError('unreadable', '.docx has no word/document.xml');
  const [docXml, numXml, styleXml] = await Promise.all([
    docFile.async('string'),
    zip.file('word/numbering.xml')?.async('string') ?? Promise.resolve(null),
    zip.file('word/styles.xml')?.async('string') ?? Promise.resolve(null),
  ]);
  const counters = new ListCounters(readNumbering(numXml));
  const styles = readStyleNumbering(styleXml);
  const body = child(parseXml(docXml), 'body');
  if (!body) return '';
  const out: string[] = [];
  const paragraph = (p: El): string => {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    const style = styles.get(attr(child(pPr, 'pStyle'), 'val') ?? '');
    const numId = attr(child(numPr, 'numId'), 'val') ?? style?.numId;
    const ilvlAttr = attr(child(numPr, 'ilvl'), 'val');
    const ilvl = ilvlAttr !== undefined ? Number(ilvlAttr) : (style?.ilvl ?? 0);
    const text = paragraphText(p);
    const label = numId !== undefined && text.trim() !== '' ? counters.render(numId, ilvl) : null;
    return (label ?? '') + text;
  };
  const block = (el: El): void => {
    for (const c of children(el)) {
      if (c.localName === 'p') out.push(paragraph(c));
      else if (c.localName === 'tbl') {
        for (const tr of children(c, 'tr')) {
          for (const tc of children(tr, 'tc')) {
            const cell = children(tc, 'p').map(paragraph).join('');
            out.push(`\t${cell.replace(/\n/g, '')}`);
          }
          out.push('');
        }
      } else if (c.localName === 'sdt') block(child(c, 'sdtContent') ?? c);
      else if (c.localName === 'customXml' || c.localName === 'ins' || c.localName === 'smartTag') block(c);
    }
  };
  block(body);
  return out.join('\n');
}
