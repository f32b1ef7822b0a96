import type { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { processEnvironment } from '@duban/config';

/** Paths the server answers itself: the SPA fallback never shadows them. */
const SERVER_PREFIXES = ['/api', '/health', '/metrics'];
/** Hashed file names (Vite's assets/): the content never changes under one name. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/** The repository (or image) root: the nearest folder above this file holding package.json. */
function appRoot(from: string): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) return process.cwd();
    folder = parent;
  }
  return folder;
}

/** Where the built console is: DUBAN_WEB_DIR, or dist/web of this checkout (Vite's output). */
export function webConsoleDirectory(env: Readonly<Record<string, string | undefined>> = processEnvironment()): string {
  return env.DUBAN_WEB_DIR ? resolve(env.DUBAN_WEB_DIR) : join(appRoot(__dirname), 'dist', 'web');
}

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>督办</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.7">
<h1>网页控制台尚未构建</h1><p>请运行 <code>npm start</code>（或 <code>npm run build</code>）构建后刷新本页。接口仍可使用：<a href="/api/docs">/api/docs</a>。</p>
<p lang="en">The web console has not been built yet: run <code>npm start</code> or <code>npm run build</code>, then reload.</p></body></html>`;

/**
 * Serves the web console at /: hashed assets with a year-long cache, and every
 * other GET that is not the server's own (/api…, /health, /metrics) answers
 * index.html (no-cache, so a new release is picked up at once) for the console's
 * client-side routes. A missing asset is a plain 404, never index.html (a stale
 * chunk must fail loudly, not parse HTML as JavaScript).
 */
export function serveWebConsole(app: NestExpressApplication, directory: string = webConsoleDirectory()): void {
  const index = join(directory, 'index.html');
  const assets = serveStatic(join(directory, 'assets'), {
    index: false,
    fallthrough: true,
    setHeaders: (response) => response.setHeader('Cache-Control', ASSET_CACHE),
  });

  app.use('/assets', (request: Request, response: Response, next: NextFunction) => {
    assets(request, response, () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      response.status(404).type('text/plain; charset=utf-8').send('not found');
    });
  });

  app.use((request: Request, response: Response, next: NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isServerPath(request.path)) return next();
    // A file name (favicon.ico, robots.txt…) that does not exist is a 404, not the console.
    if (extname(request.path) !== '') return next();
    response.setHeader('Cache-Control', 'no-cache');
    if (!existsSync(index)) {
      response.status(503).type('html').send(NOT_BUILT);
      return;
    }
    response.sendFile(index, (error?: Error) => {
      if (error && !response.headersSent) next(error);
    });
  });
}
