import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Connector API. */
export interface ConnectorCall {
  readonly kind: 'post' | 'update' | 'create';
  /** The conversation the call is about (decoded). */
  readonly conversationId: string;
  /** The id the stand-in gave the posted activity, or the id of the updated one. */
  readonly activityId: string;
  readonly body: Record<string, unknown>;
}

/**
 * A stand-in for Teams' side of the Bot Connector API (the part of Teams' cloud a test cannot
 * reach): a real HTTP server that takes the bot's posts, card updates and new one-to-one
 * conversations, gives them ids as Teams does, and keeps them for assertions.
 */
export class TeamsStandIn {
  readonly calls: ConnectorCall[] = [];
  private server?: Server;
  private nextId = 1000;
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
        const reply = this.record(req.method ?? '', new URL(req.url ?? '/', 'http://x').pathname, body);
        res.writeHead(reply ? 200 : 404, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply ?? { error: { code: 'NotFound' } }));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  private record(method: string, path: string, body: Record<string, unknown>): Record<string, unknown> | undefined {
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return undefined;
    const id = String(this.nextId++);
    let call: ConnectorCall | undefined;
    let reply: Record<string, unknown> | undefined;
    if (method === 'POST' && parts.length === 2) {
      call = { kind: 'create', conversationId: `a:direct-${id}`, activityId: id, body };
      reply = { id: call.conversationId };
    } else if (method === 'POST' && parts[3] === 'activities' && parts[2]) {
      call = { kind: 'post', conversationId: parts[2], activityId: id, body };
      reply = { id };
    } else if (method === 'PUT' && parts[3] === 'activities' && parts[2] && parts[4]) {
      call = { kind: 'update', conversationId: parts[2], activityId: parts[4], body };
      reply = { id: parts[4] };
    }
    if (call) {
      this.calls.push(call);
      for (const w of this.waiters.splice(0)) w();
    }
    return reply;
  }

  /** Waits until `count` calls match, and returns them. */
  async waitFor(match: (call: ConnectorCall) => boolean, count = 1, timeoutMs = 10_000): Promise<ConnectorCall[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.calls.filter(match);
      if (got.length >= count) return got;
      if (Date.now() > deadline) throw new Error(`TeamsStandIn.waitFor: ${got.length} of ${count} calls; saw ${this.calls.map((c) => `${c.kind} ${c.conversationId}`).join(', ')}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The plain text of a posted activity ('' for a card-only one). */
export function textOf(call: ConnectorCall): string {
  return typeof call.body.text === 'string' ? call.body.text : '';
}

/** The Adaptive Card of a posted or updated activity, as JSON text (for `contain` checks). */
export function cardText(call: ConnectorCall): string {
  const attachments = (call.body.attachments ?? []) as Array<{ content?: unknown }>;
  return JSON.stringify(attachments.map((a) => a.content));
}

/** The `Action.Execute` actions of a card, wherever they sit in it. */
export function cardActions(card: unknown): Array<{ title: string; verb: string; data: Record<string, unknown> }> {
  const found: Array<{ title: string; verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.Execute') found.push({ title: String(o.title), verb: String(o.verb), data: o.data as Record<string, unknown> });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
