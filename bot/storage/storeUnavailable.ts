/** Socket-level failures reaching the database server. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATEs meaning "the server is not there for you right now". */
const SERVER_GONE = /^(08|57P0[1-3]|53300)/u;
/** What node-postgres says when a connection dies or cannot be had in time. */
const DRIVER_MESSAGES = /connection terminated|timeout exceeded when trying to connect|client has encountered a connection error|connection refused|cannot use a pool after calling end/iu;

/**
 * Whether an error means the database cannot be reached (down, restarting, overloaded), as
 * opposed to a bug or bad data: such requests fail with 503 and are worth retrying. The cause
 * chain is followed, since botbuilder wraps errors raised inside dialogs.
 */
export function isStoreUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; error?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_GONE.test(e.code))) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
  return isStoreUnavailable(e.error, depth + 1) || isStoreUnavailable(e.cause, depth + 1);
}
