import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { HttpError } from '../http/httpError.js';
import { BODY_LIMITS, readJson, validate } from '../http/jsonBody.js';
import { route } from '../http/route.js';
import type { DirectLineBotAdapter } from './directLineBotAdapter.js';
import type { DirectLineHub } from './directLineHub.js';
import type { DirectLineStore } from './directLineStore.js';
import type { DirectLineClaims, DirectLineTokens } from './directLineTokens.js';
import { mintConversation } from './mintConversation.js';
import { idParam, queryOf } from '../http/requestParts.js';

export interface DirectLineRoutesOptions {
  readonly store: DirectLineStore;
  readonly hub: DirectLineHub;
  readonly tokens: DirectLineTokens;
  readonly adapter: DirectLineBotAdapter;
  readonly logic: (context: TurnContext) => Promise<void>;
  /** What a shop's backend presents (`Authorization: Bearer <secret>`) to mint tokens. */
  readonly secret: string;
  readonly log: Logger;
}

export const DIRECT_LINE_PREFIX = '/v3/directline';
/** The `serviceUrl` of activities from our own Direct Line: replies stay in-process. */
export const DIRECT_LINE_SERVICE_URL = 'directline:self';

/** Who is calling: the shop's backend with the secret, or a client holding a token. */
type Caller = { readonly kind: 'secret' } | { readonly kind: 'token'; readonly claims: DirectLineClaims; readonly token: string };

const UserSchema = z.object({ id: z.string().trim().min(1).max(256).optional(), name: z.string().trim().max(256).optional() }).optional();
const StartSchema = z.object({ user: UserSchema, locale: z.string().max(20).optional() }).loose().default({});
/** `watermark=` (empty) is what directlinejs sends before it has one: from the start. */
const WatermarkSchema = z.object({ watermark: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(-1).optional()) });
/** What a client may post; identity, ids, timestamps and addressing are the server's. */
const PostedActivitySchema = z.object({
  type: z.string().min(1).max(64),
  text: z.string().max(10_000).optional(),
  textFormat: z.string().max(20).optional(),
  locale: z.string().max(20).optional(),
  name: z.string().max(256).optional(),
  value: z.unknown().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.unknown()).max(10).optional(),
  entities: z.array(z.unknown()).max(20).optional(),
});

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** The origin clients reach us at (behind a proxy, its forwarded protocol). */
export function publicOrigin(req: { headers: Record<string, string | string[] | undefined> }): string {
  const proto = String(req.headers['x-forwarded-proto'] ?? 'http').split(',')[0]!.trim();
  return `${proto === 'https' ? 'https' : 'http'}://${String(req.headers.host ?? 'localhost')}`;
}

/**
 * The part of the Direct Line 3.0 protocol that Web Chat and botframework-directlinejs use, so
 * Microsoft's own client talks to this bot without Azure: tokens, conversations, posting and
 * polling activities, and the WebSocket stream (see `attachDirectLineStream`).
 */
export function registerDirectLineRoutes(server: Server, options: DirectLineRoutesOptions): void {
  const { store, tokens, log } = options;
  const dl = (handler: (req: Request, res: Response) => Promise<void>) => route(log, handler);

  const caller = (req: Request): Caller => {
    const match = /^Bearer\s+(.+)$/iu.exec(req.headers.authorization ?? '');
    if (!match) throw new HttpError(401, 'unauthorized', 'A Direct Line secret or token is required (Authorization: Bearer ...).');
    const presented = match[1]!.trim();
    if (timingSafeEqual(digest(presented), digest(options.secret))) return { kind: 'secret' };
    const checked = tokens.check(presented);
    // An expired token is 403, as Azure's Direct Line answers: directlinejs reads only 403 as
    // "expired" and then asks the page for a fresh token.
    if (!checked.ok && checked.reason === 'expired') throw new HttpError(403, 'token_expired', 'The token has expired.');
    if (!checked.ok) throw new HttpError(401, 'unauthorized', 'The token is not valid.');
    return { kind: 'token', claims: checked.claims, token: presented };
  };

  /** The caller may use this conversation: the secret may use any, a token only its own. */
  const authorize = async (req: Request, conversationId: string): Promise<{ caller: Caller; userId: string; userName?: string }> => {
    const who = caller(req);
    if (who.kind === 'token' && who.claims.conversationId !== conversationId) {
      throw new HttpError(403, 'forbidden', 'This token belongs to another conversation.');
    }
    const conversation = await store.conversation(conversationId);
    if (!conversation) throw new HttpError(404, 'not_found', `No conversation "${conversationId}".`);
    return who.kind === 'token'
      ? { caller: who, userId: who.claims.userId, ...(who.claims.userName ? { userName: who.claims.userName } : {}) }
      : { caller: who, userId: conversation.userId };
  };

  const conversationReply = (req: Request, conversationId: string, token: string, expiresIn: number, watermark?: number) => ({
    conversationId,
    token,
    expires_in: expiresIn,
    streamUrl:
      `${publicOrigin(req).replace(/^http/u, 'ws')}${DIRECT_LINE_PREFIX}/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}` +
      (watermark === undefined ? '' : `&watermark=${watermark}`),
  });

  /** Tells the bot about a new conversation once, so it can greet the customer. */
  const start = async (conversationId: string, userId: string, userName: string | undefined, locale: string | undefined): Promise<void> => {
    if (!(await store.markStarted(conversationId))) return;
    const update = {
      type: 'conversationUpdate',
      id: randomUUID(),
      channelId: 'directline',
      serviceUrl: DIRECT_LINE_SERVICE_URL,
      conversation: { id: conversationId },
      from: { id: userId, ...(userName ? { name: userName } : {}) },
      recipient: options.adapter.botAccount,
      membersAdded: [{ id: userId, ...(userName ? { name: userName } : {}) }],
      timestamp: new Date(),
      ...(locale ? { locale } : {}),
    } as Activity;
    await options.adapter.processActivity(update, options.logic);
  };

  server.post(`${DIRECT_LINE_PREFIX}/tokens/generate`, dl(async (req, res) => {
    if (caller(req).kind !== 'secret') throw new HttpError(403, 'forbidden', 'Generating a token needs the Direct Line secret.');
    const body = validate(StartSchema, await readOptionalJson(req));
    const minted = await mintConversation(store, tokens, body.user, body.locale);
    log.info({ conversationId: minted.conversationId }, 'direct line token generated');
    res.send(200, { conversationId: minted.conversationId, token: minted.token, expires_in: minted.expiresIn });
  }));

  server.post(`${DIRECT_LINE_PREFIX}/tokens/refresh`, dl((req, res) => {
    const who = caller(req);
    if (who.kind !== 'token') throw new HttpError(400, 'bad_request', 'Refresh takes a token, not the secret.');
    const { exp: _exp, ...claims } = who.claims;
    const issued = tokens.issue(claims);
    res.send(200, { conversationId: claims.conversationId, token: issued.token, expires_in: issued.expiresIn });
    return Promise.resolve();
  }));

  server.post(`${DIRECT_LINE_PREFIX}/conversations`, dl(async (req, res) => {
    const who = caller(req);
    const body = validate(StartSchema, await readOptionalJson(req));
    if (who.kind === 'secret') {
      const minted = await mintConversation(store, tokens, body.user, body.locale);
      await start(minted.conversationId, minted.userId, body.user?.name, body.locale);
      res.send(201, conversationReply(req, minted.conversationId, minted.token, minted.expiresIn));
      return;
    }
    const { conversationId, userId, userName } = who.claims;
    await store.createConversation({ id: conversationId, userId, ...(body.locale ? { locale: body.locale } : {}) });
    // The locale asked for when the token was minted, unless the client names one now.
    const locale = body.locale ?? (await store.conversation(conversationId))?.locale;
    await start(conversationId, userId, userName, locale);
    res.send(201, conversationReply(req, conversationId, who.token, Math.max(0, who.claims.exp - Math.floor(Date.now() / 1000))));
  }));

  server.get(`${DIRECT_LINE_PREFIX}/conversations/:id`, dl(async (req, res) => {
    const id = idParam(req);
    const { caller: who, userId } = await authorize(req, id);
    const token = who.kind === 'token' ? who.token : tokens.issue({ conversationId: id, userId }).token;
    const expiresIn = who.kind === 'token' ? Math.max(0, who.claims.exp - Math.floor(Date.now() / 1000)) : tokens.ttlSeconds;
    // A reconnect resumes after what the client already has.
    const { watermark } = validate(WatermarkSchema, queryOf(req));
    res.send(200, conversationReply(req, id, token, expiresIn, watermark));
  }));

  server.get(`${DIRECT_LINE_PREFIX}/conversations/:id/activities`, dl(async (req, res) => {
    const id = idParam(req);
    await authorize(req, id);
    const { watermark } = validate(WatermarkSchema, queryOf(req));
    res.send(200, await store.activitiesAfter(id, watermark ?? -1, 500));
  }));

  server.post(`${DIRECT_LINE_PREFIX}/conversations/:id/activities`, dl(async (req, res) => {
    const id = idParam(req);
    const { userId, userName } = await authorize(req, id);
    const posted = validate(PostedActivitySchema, await readJson(req, BODY_LIMITS.activity));
    const stored = await store.append(id, {
      ...posted,
      // The sender is the token's user, whatever the body claims.
      from: { id: userId, ...(userName ? { name: userName } : {}), role: 'user' },
      recipient: options.adapter.botAccount,
      channelId: 'directline',
      serviceUrl: DIRECT_LINE_SERVICE_URL,
      timestamp: new Date(),
    } as Partial<Activity>);
    options.hub.publish(stored);
    await options.adapter.processActivity(stored, options.logic);
    res.send(200, { id: stored.id });
  }));

  server.post(`${DIRECT_LINE_PREFIX}/conversations/:id/upload`, dl(async (req) => {
    await authorize(req, idParam(req));
    throw new HttpError(501, 'not_implemented', 'File upload is not supported by this bot.');
  }));
}

/** A JSON body that may be absent (Direct Line clients often post none). */
async function readOptionalJson(req: Request): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) === 0 && !req.headers['transfer-encoding']) return {};
  return readJson(req, BODY_LIMITS.api);
}
