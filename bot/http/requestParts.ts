import type { Request } from 'restify';

/** The `:id` path parameter. */
export const idParam = (req: Request): string => String((req.params as Record<string, unknown>).id);

/** The query string as an object, for zod to validate (bodies are not parsed globally). */
export const queryOf = (req: Request): Record<string, unknown> => Object.fromEntries(new URL(req.url ?? '/', 'http://x').searchParams);
