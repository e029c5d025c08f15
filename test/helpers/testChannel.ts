import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** An activity as the bot sent it to the channel. */
export interface SentActivity {
  type: string;
  text?: string;
  conversation: { id: string };
  replyToId?: string;
  suggestedActions?: { actions: Array<{ title: string; value?: unknown; text?: string }> };
  [key: string]: unknown;
}

/**
 * A stand-in Bot Framework channel: a real HTTP server that accepts the bot's replies on the
 * Connector API paths (`/v3/conversations/:id/activities[/:replyTo]`) and keeps them for
 * assertions. It can also stall, to test delivery timeouts.
 */
export class TestChannel {
  readonly received: SentActivity[] = [];
  stall = false;
  private server?: Server;
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.stall) return; // never answer
        if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/u.test(req.url ?? '')) {
          this.received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentActivity);
          for (const w of this.waiters.splice(0)) w();
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: randomUUID() }));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Messages sent to one conversation, waiting until at least `count` have arrived. */
  async messages(conversationId: string, count: number, timeoutMs = 10_000): Promise<SentActivity[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const got = this.received.filter((a) => a.conversation.id === conversationId && a.type === 'message');
      if (got.length >= count) return got;
      if (Date.now() > deadline) throw new Error(`TestChannel.messages: ${got.length} of ${count} messages for ${conversationId}`);
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

let seq = 0;
/** A message activity as a channel (Emulator-style) posts it to `/api/messages`. */
export function userMessage(serviceUrl: string, conversationId: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message',
    id: `act-${Date.now()}-${seq}`,
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: conversationId },
    from: { id: 'customer-1', name: 'Customer' },
    recipient: { id: 'bot', name: 'Bot' },
    text,
    timestamp: new Date().toISOString(),
    ...extra,
  };
}
