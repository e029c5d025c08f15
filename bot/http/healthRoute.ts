import type { Request, Response } from 'restify';
import type { SqlDatabase } from '../storage/sqlDatabase.js';
import { HttpError } from './httpError.js';

/** `GET /healthz`: 200 while the store answers, 503 when it does not. */
export function healthHandler(db: SqlDatabase, faqCount: () => number): (req: Request, res: Response) => Promise<void> {
  return async (_req, res) => {
    try {
      await db.ping();
    } catch {
      throw new HttpError(503, 'store_unavailable', 'The database is not reachable.');
    }
    res.send(200, { status: 'ok', store: db.dialect, faqs: faqCount() });
  };
}
