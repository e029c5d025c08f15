import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import { HttpError } from './httpError.js';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** Throws 401 unless the request carries `Authorization: Bearer <expected>` (compared in constant time). */
export function requireBearer(req: Request, expected: string, realm: string): void {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/iu.exec(header);
  if (!match || !timingSafeEqual(digest(match[1]!.trim()), digest(expected))) {
    throw new HttpError(401, 'unauthorized', `A valid ${realm} bearer token is required.`);
  }
}
