import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity } from 'botbuilder';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DirectLineHub } from './directLineHub.js';
import { seqOf, type DirectLineStore } from './directLineStore.js';
import type { DirectLineTokens } from './directLineTokens.js';
import { DIRECT_LINE_PREFIX } from './directLineRoutes.js';

export interface DirectLineStreamOptions {
  readonly store: DirectLineStore;
  readonly hub: DirectLineHub;
  readonly tokens: DirectLineTokens;
  readonly log: Logger;
}

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PREFIX}/conversations/([^/]+)/stream$`, 'u');
const PING_MS = 30_000;
const BACKLOG_PAGE = 500;

/** The sequence number in an activity id (`<conversationId>|0000012` -> 12). */

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The Direct Line WebSocket stream (`streamUrl`): on connect, the activities after the
 * requested watermark, then each new one as `{ activities, watermark }`. Client messages are
 * keep-alive pings and are ignored.
 */
export function attachDirectLineStream(server: HttpServer, options: DirectLineStreamOptions): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'Not Found');
    const conversationId = decodeURIComponent(match[1]!);
    const checked = options.tokens.check(url.searchParams.get('t') ?? '');
    if (!checked.ok) return refuse(socket, 401, 'Unauthorized');
    if (checked.claims.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    const watermark = Number(url.searchParams.get('watermark') ?? -1);
    wss.handleUpgrade(req, socket, head, (ws) => {
      stream(ws, conversationId, Number.isFinite(watermark) ? watermark : -1, options).catch((err: unknown) => {
        options.log.error({ err, conversationId }, 'direct line stream failed');
        ws.close(1011);
      });
    });
  });
  return wss;
}

async function stream(ws: WebSocket, conversationId: string, watermark: number, options: DirectLineStreamOptions): Promise<void> {
  let sentUpTo = watermark;
  let backlogDone = false;
  const pending: Activity[] = [];
  const send = (activity: Activity): void => {
    const seq = seqOf(activity);
    if (seq <= sentUpTo || ws.readyState !== ws.OPEN) return;
    sentUpTo = seq;
    ws.send(JSON.stringify({ activities: [activity], watermark: String(seq) }));
  };
  // Subscribe before reading the backlog: an activity appended in between is held, not lost.
  const unsubscribe = options.hub.subscribe(conversationId, (a) => (backlogDone ? send(a) : pending.push(a)));
  const ping = setInterval(() => ws.ping(), PING_MS);
  ws.on('close', () => {
    unsubscribe();
    clearInterval(ping);
  });
  // The backlog in pages, so a long conversation is sent whole.
  for (;;) {
    const page = await options.store.activitiesAfter(conversationId, sentUpTo, BACKLOG_PAGE);
    if (page.activities.length === 0 || ws.readyState !== ws.OPEN) break;
    ws.send(JSON.stringify(page));
    sentUpTo = Number(page.watermark);
    if (page.activities.length < BACKLOG_PAGE) break;
  }
  backlogDone = true;
  for (const a of pending.splice(0)) send(a);
}
