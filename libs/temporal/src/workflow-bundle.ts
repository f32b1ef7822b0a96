import { bundleWorkflowCode, DefaultLogger, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TsconfigPathsPlugin } from 'tsconfig-paths-webpack-plugin';

/** Repository root, found from this file in src/ or in dist/. */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'tsconfig.base.json'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('cannot find tsconfig.base.json above ' + __dirname);
    dir = parent;
  }
  return dir;
}

/** The workflows entry point: the TypeScript source, bundled by Temporal's webpack. */
export function workflowsPath(): string {
  return join(repositoryRoot(), 'workflows/src/index.ts');
}

/**
 * Resolves the @duban/* aliases inside the workflow bundle (webpack does not
 * read tsconfig paths by itself). Shared by the worker, the tests and the
 * production bundle so all three bundle the same code the same way.
 */
export const webpackConfigHook: NonNullable<BundleOptions['webpackConfigHook']> = (config) => {
  const resolveConfig = config.resolve ?? {};
  resolveConfig.plugins = [...(resolveConfig.plugins ?? []), new TsconfigPathsPlugin({ configFile: join(repositoryRoot(), 'tsconfig.base.json') })];
  config.resolve = resolveConfig;
  return config;
};

/**
 * Modules evaluated once per worker and shared by every workflow in its (reused) V8 context, instead of once per
 * cached workflow: the pure libraries, stateless but for memos of pure functions (the calendar's day tables, which
 * give the same answer to every workflow). Each cached workflow otherwise held its own copy of the domain and the
 * calendar (about half of its ~460 KiB), so the sticky cache dominated the worker's memory (see bench:idle). The SDK
 * freezes their exports: a module here must never write to what it exports, nor read the clock or randomness while
 * it loads (no workflow exists yet).
 */
export const SHARED_WORKFLOW_MODULES: readonly string[] = ['@duban/calendar', '@duban/domain'];

/** The bundler options every bundle of Duban's workflows uses (worker, tests, replay, production bundle). */
export const workflowBundlerOptions = { webpackConfigHook, preloadModules: [...SHARED_WORKFLOW_MODULES] } satisfies Partial<BundleOptions>;

export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: workflowsPath(), ...workflowBundlerOptions, logger: new DefaultLogger('WARN') });
}
