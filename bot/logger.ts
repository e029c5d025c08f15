import { pino, stdSerializers, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactPersonalData } from './personalData.js';

/** Object paths whose values are secrets, whatever their content. */
export const REDACT_PATHS = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'token',
  '*.token',
  'password',
  '*.password',
  'secret',
  '*.secret',
];

/** Redacts every string in a log object; past `MAX_DEPTH` a value is dropped, not logged raw. */
const MAX_DEPTH = 10;

function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactPersonalData(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1));
  if (value instanceof Error) return redactDeep(stdSerializers.err(value), depth + 1);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v, depth + 1)]));
}

/**
 * The one root logger: JSON lines (so CR/LF in customer text is escaped, never a new line),
 * secrets redacted by path and phone numbers and e-mail addresses by pattern. Modules take
 * `logger.child({ module })`. Child bindings are not redacted (pino serialises them once, at
 * `child()`): bind ids and module names only, never customer text.
 */
export function createLogger(level: LoggerOptions['level'], destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    base: { service: 'shop-service-bot' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Errors are serialised here (not by pino's `err` serializer) so their messages and stacks
    // go through the same redaction as every other string.
    serializers: { err: (err: unknown) => redactDeep(err) },
    formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? redactPersonalData(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
