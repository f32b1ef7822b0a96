// Lint: typescript-eslint's recommended rules, no floating promises, and Nx
// module boundaries in two dimensions (type:* and scope:*). Workflow code may
// import only workflow-safe code: no Nest, TypeORM, BullMQ, ioredis, pg or Node built-ins.
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const serverFrameworks = ['@nestjs/*', 'nestjs-pino', 'typeorm', 'pg', 'bullmq', 'ioredis', '@temporalio/worker', '@temporalio/client', '@temporalio/activity', 'express'];
// Pure libraries do no I/O: no servers' frameworks, no Node built-ins (a lib's io/ folder is the one exception, below).
const pureBanned = [...serverFrameworks, ...nodeBuiltins];
// Workflow code runs in Temporal's deterministic sandbox: also nothing that decodes files.
const workflowBanned = [...pureBanned, 'mammoth', 'iconv-lite'];

function boundaries(pureBannedImports) {
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:pure', onlyDependOnLibsWithTags: ['type:pure'], bannedExternalImports: pureBannedImports },
        { sourceTag: 'type:workflow', onlyDependOnLibsWithTags: ['type:pure', 'type:workflow'], bannedExternalImports: workflowBanned },
        { sourceTag: 'scope:workflow-safe', onlyDependOnLibsWithTags: ['scope:workflow-safe', 'scope:shared'], bannedExternalImports: workflowBanned },
        { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:workflow'] },
        { sourceTag: 'type:activity', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:workflow'] },
        { sourceTag: 'type:service', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:workflow'] },
        // The web console runs in a browser: only pure libraries, nothing of the server.
        { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['type:pure'], bannedExternalImports: pureBannedImports },
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:workflow', 'type:activity', 'type:service'] },
        { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:pure', 'type:infra', 'type:workflow', 'type:activity', 'type:service', 'type:app'] },
      ],
    },
  ];
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'tmp/**', '.tools/**', '.data/**', '.nx/**', 'coverage/**', '**/*.cjs', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@nx/enforce-module-boundaries': boundaries(pureBanned),
    },
  },
  {
    // Configuration is read by one loader (libs/config): nowhere else reads the process environment.
    // Exempt: tools and tests (they set up environments), and the CLI's terminal conventions (NO_COLOR,
    // FORCE_COLOR, USER), which are not Duban settings and must not load libs/config on every command.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['libs/config/src/**', 'tools/**', 'tests/**', '**/*.spec.ts', 'apps/cli/src/output/table.ts', 'apps/cli/src/cli-actor.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings through libs/config (loadConfig / DUBAN_CONFIG, or processEnvironment() for a library loader), not process.env.',
        },
      ],
    },
  },
  {
    // The web console's React code: the rules of hooks.
    files: ['apps/web/**/*.tsx', 'apps/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The console's build configuration runs in Node (Vite), not in the browser.
    files: ['apps/web/vite.config.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(serverFrameworks) },
  },
  {
    // A pure library's io/ folder is where it may touch the file system (loaders of its data files).
    files: ['libs/*/src/io/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(serverFrameworks) },
  },
  {
    // Unit tests may read fixtures from disk.
    files: ['**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(serverFrameworks) },
  },
  {
    // The integration harness and the tools (benchmarks, recorders) start the apps themselves
    // in-process, after setting the environment (Nx forbids importing apps elsewhere).
    files: ['tests/support/**/*.ts', 'tools/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
