import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { ClusterBus, ClusterMessage } from './clusterBus.js';

/**
 * The NOTIFY channel of one deployment. Channels are per database, not per schema, so the name
 * carries the database and the connection options (a `search_path` set there): deployments
 * sharing a server never hear each other, and instances reaching it by other host names still do.
 */
export function channelFor(connectionString: string): string {
  const url = new URL(connectionString);
  const key = `${url.pathname}|${url.searchParams.get('options') ?? ''}`;
  return `shopbot_${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}
/** NOTIFY payloads must stay under 8000 bytes; longer texts are cut (views re-read the store). */
const MAX_TEXT = 1000;
const RETRY_MS = [250, 500, 1000, 2000, 5000];

function fitted(message: ClusterMessage): ClusterMessage {
  if (message.topic !== 'handoff' || message.event.type !== 'message' || message.event.text.length <= MAX_TEXT) return message;
  return { ...message, event: { ...message.event, text: `${message.event.text.slice(0, MAX_TEXT)}…` } };
}

/**
 * The bus over PostgreSQL's LISTEN/NOTIFY: the database the instances already share, no broker
 * to run. One dedicated connection listens and reconnects with backoff after losing the server
 * (then asks subscribers to resync); publishing goes through a small pool.
 */
export class PostgresBus implements ClusterBus {
  readonly instanceId = randomBytes(6).toString('hex');
  private readonly handlers = new Set<(message: ClusterMessage, from: string) => void>();
  private readonly resyncs = new Set<() => void>();
  private readonly pool: pg.Pool;
  private readonly channel: string;
  private listener?: pg.Client;
  private closed = false;
  private attempt = 0;

  constructor(
    private readonly connectionString: string,
    private readonly log: Logger,
  ) {
    this.pool = new pg.Pool({ connectionString, max: 2, connectionTimeoutMillis: 5000 });
    this.channel = channelFor(connectionString);
    this.pool.on('error', (err) => this.log.warn({ err }, 'cluster bus publisher lost its connection'));
  }

  /** Connects the listening side; resolves once it listens (or rejects on the first failure). */
  async start(): Promise<void> {
    await this.listen();
  }

  publish(message: ClusterMessage): void {
    const payload = JSON.stringify({ from: this.instanceId, message: fitted(message) });
    this.pool.query('SELECT pg_notify($1, $2)', [this.channel, payload]).catch((err: unknown) => this.log.warn({ err, topic: message.topic }, 'cluster message not sent'));
  }

  subscribe(handler: (message: ClusterMessage, from: string) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  onResync(handler: () => void): () => void {
    this.resyncs.add(handler);
    return () => this.resyncs.delete(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5000 });
    client.on('notification', (n) => this.deliver(n.payload));
    client.on('error', (err) => this.log.warn({ err }, 'cluster bus listener lost its connection'));
    // Only the connection that was listening reconnects; a failed attempt retries through its rejection.
    client.on('end', () => {
      if (this.closed || this.listener !== client) return;
      this.listener = undefined;
      this.reconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    this.listener = client;
  }

  private reconnect(): void {
    const delay = RETRY_MS[Math.min(this.attempt, RETRY_MS.length - 1)]!;
    this.attempt += 1;
    setTimeout(() => {
      if (this.closed) return;
      this.listen().then(
        () => {
          this.log.info({ attempts: this.attempt }, 'cluster bus listening again; resyncing');
          this.attempt = 0;
          for (const resync of this.resyncs) resync();
        },
        (err: unknown) => {
          this.log.warn({ err, attempt: this.attempt }, 'cluster bus cannot reconnect yet');
          this.reconnect();
        },
      );
    }, delay).unref();
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    let parsed: { from?: string; message?: ClusterMessage };
    try {
      parsed = JSON.parse(payload) as { from?: string; message?: ClusterMessage };
    } catch {
      return;
    }
    if (!parsed.from || parsed.from === this.instanceId || !parsed.message) return;
    for (const handler of this.handlers) {
      try {
        handler(parsed.message, parsed.from);
      } catch (err) {
        this.log.error({ err, topic: parsed.message.topic }, 'cluster message handler failed');
      }
    }
  }
}

/** A started bus: listening before the instance serves anything, so no change goes unheard. */
export async function startPostgresBus(connectionString: string, log: Logger): Promise<PostgresBus> {
  const bus = new PostgresBus(connectionString, log);
  await bus.start();
  log.info({ instanceId: bus.instanceId }, 'cluster bus listening (PostgreSQL LISTEN/NOTIFY)');
  return bus;
}
