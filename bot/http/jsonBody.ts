import type { Request } from 'restify';
import type { z } from 'zod';
import { HttpError } from './httpError.js';

/** Upper bounds on request bodies. */
export const BODY_LIMITS = { activity: 1024 * 1024, api: 1024 * 1024, import: 50 * 1024 * 1024 } as const;

/**
 * Reads a request body up to `maxBytes`: a declared Content-Length over the limit is refused
 * before reading a byte, and a body that grows past it is cut off (413 either way).
 */
export async function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = (): HttpError =>
    new HttpError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`, { maxBytes });
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const body = await readBody(req, maxBytes);
  if (body.length === 0) throw new HttpError(400, 'invalid_json', 'The request body is empty; JSON was expected.');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/** zod issues as `{ field, message }`, the field as a dotted path ("alternates.2"). */
export function issueDetails(error: z.ZodError): Array<{ field: string; message: string }> {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
}

/** Parses a JSON body against a schema; a 400 names the first offending field. */
export async function readValidJson<T extends z.ZodType>(req: Request, schema: T, maxBytes: number = BODY_LIMITS.api): Promise<z.infer<T>> {
  return validate(schema, await readJson(req, maxBytes));
}

export function validate<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const details = issueDetails(parsed.error);
  const first = details[0]!;
  throw new HttpError(400, 'validation_failed', `${first.field}: ${first.message}`, details);
}
