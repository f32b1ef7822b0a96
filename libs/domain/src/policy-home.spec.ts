import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { ROLES } from './assignment/actor';
import { ASSIGNMENT_STATUSES } from './assignment/assignment-status';
import { ESCALATION_LEVELS } from './escalation/escalation-levels';

/**
 * One home for policy: outside libs/domain no source file writes a list of roles, assignment statuses or
 * ladder levels (an array literal of two or more of them, a SQL `IN (…)` of them, or a @Roles(...) decorator).
 * Such lists are decided in libs/domain and imported. Migrations (history), tests and tools are exempt.
 */
const ROOT = join(__dirname, '../../..');
const SCANNED = ['apps', 'libs', 'workflows', 'activities'];
const EXEMPT = [/^libs\/domain\//, /\/migrations\//, /\.spec\.tsx?$/, /\/node_modules\//, /^apps\/web\/dist\//];
const VOCABULARIES: Record<string, ReadonlySet<string>> = {
  roles: new Set(ROLES),
  statuses: new Set(ASSIGNMENT_STATUSES),
  'ladder levels': new Set(ESCALATION_LEVELS),
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function vocabularyOf(values: readonly string[]): string | null {
  if (values.length < 2) return null;
  for (const [name, vocabulary] of Object.entries(VOCABULARIES)) if (values.every((value) => vocabulary.has(value))) return name;
  return null;
}

function findings(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) {
      const values = node.elements.filter(ts.isStringLiteralLike).map((element) => element.text);
      const vocabulary = values.length === node.elements.length ? vocabularyOf(values) : null;
      if (vocabulary) found.push(`${where(node)} lists ${vocabulary}: ${values.join(', ')}`);
    }
    if (ts.isStringLiteralLike(node)) {
      for (const match of node.text.matchAll(/\bIN\s*\(([^)]*)\)/gi)) {
        const values = [...match[1]!.matchAll(/'([a-z_]+)'/g)].map((quoted) => quoted[1]!);
        const vocabulary = vocabularyOf(values);
        if (vocabulary) found.push(`${where(node)} lists ${vocabulary} in SQL: ${values.join(', ')}`);
      }
    }
    if (ts.isDecorator(node) && ts.isCallExpression(node.expression) && node.expression.expression.getText(source) === 'Roles') {
      found.push(`${where(node)} lists roles in @Roles(...)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('one home for policy', () => {
  it('no role list, status set or ladder level list outside libs/domain', () => {
    const files = SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))).filter((file) => !EXEMPT.some((pattern) => pattern.test(relative(ROOT, file))));
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((file) => findings(file))).toEqual([]);
  });

  it('recognises what it forbids', () => {
    const probe = [
      "@Roles('coordinator', 'admin') class A {}",
      "const OPEN = ['pending_acceptance', 'in_progress'];",
      "const LEVELS = ['urge', 'supervise', 'bulletin', 'talk'] as const;",
      `query.andWhere("a.status IN ('closed', 'withdrawn')");`,
      "const fine = ['urge', 'other'];",
    ].join('\n');
    expect(findings(join(ROOT, 'apps/api/src/probe.ts'), probe)).toEqual([
      'apps/api/src/probe.ts:1 lists roles in @Roles(...)',
      'apps/api/src/probe.ts:2 lists statuses: pending_acceptance, in_progress',
      'apps/api/src/probe.ts:3 lists ladder levels: urge, supervise, bulletin, talk',
      'apps/api/src/probe.ts:4 lists statuses in SQL: closed, withdrawn',
    ]);
    expect(vocabularyOf(['coordinator', 'admin'])).toBe('roles');
    expect(vocabularyOf(['pending_acceptance', 'in_progress'])).toBe('statuses');
    expect(vocabularyOf(['urge', 'talk'])).toBe('ladder levels');
    expect(vocabularyOf(['urge'])).toBeNull();
  });
});
