import type { Request } from 'restify';
import { ACTOR_HEADER } from '../audit/auditLog.js';

/** The `:id` path parameter. */
export const idParam = (req: Request): string => String((req.params as Record<string, unknown>).id);

/**
 * Who an admin request is made for, as the audit log records it: the admin console sends the
 * name the admin signed in with, percent-encoded since headers are Latin-1 (the token itself is
 * shared); without one it is 'admin'.
 */
export function actorOf(req: Request): string {
  const given = req.headers[ACTOR_HEADER];
  const raw = Array.isArray(given) ? given[0] : given;
  let decoded = raw;
  try {
    decoded = raw === undefined ? undefined : decodeURIComponent(raw);
  } catch {
    // Not percent-encoded after all: keep it as sent.
  }
  const name = decoded?.replace(/\p{Cc}/gu, '').trim().slice(0, 100);
  return name || 'admin';
}

/** The query string as an object, for zod to validate (bodies are not parsed globally). */
export const queryOf = (req: Request): Record<string, unknown> => Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
