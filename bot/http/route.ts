import type { Logger } from 'pino';
import type { Next, Request, RequestHandler, Response } from 'restify';
import { requireBearer } from './bearerAuth.js';
import { isStoreUnavailable } from '../storage/storeUnavailable.js';
import { HttpError, sendError } from './httpError.js';

/**
 * Adapts an async handler to restify: a thrown `HttpError` becomes its JSON error, anything else
 * a logged 500 that reveals nothing internal.
 */
export function route(log: Logger, handler: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    handler(req, res)
      .catch((err: unknown) => {
        if (err instanceof HttpError) return sendError(res, err);
        if (isStoreUnavailable(err)) {
          // Nothing was half-written (writes are transactions); the client may retry.
          log.error({ err, method: req.method, path: (req.url ?? '').split('?')[0] }, 'database unavailable: answering 503');
          res.setHeader('Retry-After', '5');
          return sendError(res, new HttpError(503, 'store_unavailable', 'The service cannot reach its database right now; please retry shortly.'));
        }
        // The path only: a query string may carry a token (EventSource cannot send headers).
        log.error({ err, method: req.method, path: (req.url ?? '').split('?')[0] }, 'request failed');
        sendError(res, new HttpError(500, 'internal_error', 'Something went wrong on our side; it has been logged.'));
      })
      .finally(() => next());
  };
}

/** `route`, behind a bearer token: a missing or wrong token is a 401 before the handler runs. */
export function bearerRoute(
  log: Logger,
  token: string,
  realm: string,
): (handler: (req: Request, res: Response) => Promise<void>) => RequestHandler {
  return (handler) =>
    route(log, async (req, res) => {
      requireBearer(req, token, realm);
      await handler(req, res);
    });
}
