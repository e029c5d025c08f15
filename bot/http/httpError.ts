import type { Response } from 'restify';

/** An error with its HTTP status and a stable machine-readable code, sent as JSON. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** The one error body shape of every API: `{ error: { code, message, details? } }`. */
export function errorBody(code: string, message: string, details?: unknown): { error: Record<string, unknown> } {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function sendError(res: Response, err: HttpError): void {
  if (res.headersSent) return;
  if (err.status === 413) res.setHeader('Connection', 'close');
  res.send(err.status, errorBody(err.code, err.message, err.details));
}
