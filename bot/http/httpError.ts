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

/** One problem of an import: the row (0 for the file as a whole), the field and what is wrong. */
export interface ImportIssue {
  readonly row: number;
  readonly field: string;
  readonly message: string;
}

/** The 400 of an all-or-nothing import: names the first bad row and field, lists the first 100 problems. */
export function importRejected(issues: readonly ImportIssue[]): HttpError {
  const first = issues[0];
  if (!first) throw new Error('importRejected: no issues to report');
  const where = first.row > 0 ? `Row ${first.row}, ${first.field}` : 'The file';
  return new HttpError(400, 'import_invalid', `${where}: ${first.message}. Nothing was imported.`, { issues: issues.slice(0, 100), total: issues.length });
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
