import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { HttpError } from './httpError.js';
import { route } from './route.js';

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
// The package exports no package.json; its CommonJS entry is lib/index.js, the bundle dist/webchat.js.
const WEBCHAT_BUNDLE = join(dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
// teams-js's CommonJS entry is its UMD build (dist/umd), usable without a bundler.
const TEAMS_JS = join(dirname(createRequire(import.meta.url).resolve('@microsoft/teams-js')), 'MicrosoftTeams.min.js');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function sendFile(res: Response, file: string, cacheSeconds: number): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new HttpError(404, 'not_found', 'No such file.');
  res.writeHead(200, {
    'Content-Type': TYPES[file.slice(file.lastIndexOf('.'))] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': `public, max-age=${cacheSeconds}`,
    'X-Content-Type-Options': 'nosniff',
  });
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
}

/**
 * The web pages and their assets: the customer chat page at `/`, the agent console at `/agent`,
 * the admin console at `/admin`, our own files under `/static/`,
 * and Microsoft's Web Chat bundle from node_modules under `/vendor/` (no CDN).
 */
export function registerStaticRoutes(server: Server, log: Logger): void {
  server.get('/', route(log, (_req, res) => sendFile(res, join(WEB_DIR, 'chat.html'), 0)));
  server.get('/agent', route(log, (_req, res) => sendFile(res, join(WEB_DIR, 'agent.html'), 0)));
  server.get('/admin', route(log, (_req, res) => sendFile(res, join(WEB_DIR, 'admin.html'), 0)));
  server.get('/static/:file', route(log, (req: Request, res) => {
    const file = String((req.params as Record<string, unknown>).file);
    if (!/^[\w-]+\.(js|css|html|png|svg)$/u.test(file)) throw new HttpError(404, 'not_found', 'No such file.');
    return sendFile(res, join(WEB_DIR, file), 300);
  }));
  server.get('/vendor/webchat.js', route(log, (_req, res) => sendFile(res, WEBCHAT_BUNDLE, 86_400)));
  server.get('/vendor/teams.js', route(log, (_req, res) => sendFile(res, TEAMS_JS, 86_400)));
}
