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

export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath: workflowsPath(), webpackConfigHook, logger: new DefaultLogger('WARN') });
}
