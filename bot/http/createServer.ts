import restify from 'restify';
import type { Logger } from 'pino';
import { errorBody } from './httpError.js';

const CODES: Record<number, string> = { 404: 'not_found', 405: 'method_not_allowed', 415: 'unsupported_media_type' };

/**
 * A restify server whose own errors (unknown route, wrong method) use the API's JSON error
 * shape. Bodies are not parsed globally: each route reads its own, with its own size limit.
 */
export function createServer(log: Logger): restify.Server {
  const server = restify.createServer({ name: 'shop-service-bot', handleUncaughtExceptions: false, ignoreTrailingSlash: true });
  server.on('restifyError', (_req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const code = CODES[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
    const message = status >= 500 ? 'Something went wrong on our side; it has been logged.' : err.message;
    if (status >= 500) log.error({ err }, 'server error');
    err.toJSON = () => errorBody(code, message);
    callback();
  });
  return server;
}
