// The console's build: React + Ant Design + ECharts, one chunk per page (React.lazy
// routes), hashed file names under assets/ (served with a year-long cache), output in
// dist/web, which the API serves at /. The pure libraries (@duban/domain and what it
// imports) come from source, so the console shows the same labels and rules as the server.
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(__dirname, '../..');
const tsconfig = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
/** Only pure libraries may reach the browser (the lint's module boundaries say which). */
const BROWSER_LIBS = ['@duban/domain', '@duban/calendar'];

export default defineConfig({
  root: __dirname,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: BROWSER_LIBS.map((name) => ({ find: new RegExp(`^${name}$`), replacement: resolve(root, tsconfig.compilerOptions.paths[name]![0]!) })),
  },
  build: {
    outDir: resolve(root, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Cached across releases that change only the console's own code.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 3 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
