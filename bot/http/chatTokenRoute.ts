import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import type { DirectLineStore } from '../directline/directLineStore.js';
import type { DirectLineTokens } from '../directline/directLineTokens.js';
import { mintConversation } from '../directline/mintConversation.js';
import { HttpError } from './httpError.js';
import { BODY_LIMITS, readJson, validate } from './jsonBody.js';
import type { RateLimiter } from './rateLimiter.js';
import { route } from './route.js';

export interface ChatTokenRouteOptions {
  readonly store: DirectLineStore;
  readonly tokens: DirectLineTokens;
  readonly limiter: RateLimiter;
  readonly log: Logger;
}

const BodySchema = z.object({ locale: z.string().max(20).optional() }).loose();

/**
 * `POST /api/chat/token`: a Direct Line token for an anonymous visitor of the built-in chat
 * page, with a fresh random user id. Limited per IP address. Shops that sign their customers in
 * mint tokens from their backend instead (`/v3/directline/tokens/generate`) and can turn this off.
 */
export function registerChatTokenRoute(server: Server, options: ChatTokenRouteOptions): void {
  server.post(
    '/api/chat/token',
    route(options.log, async (req, res) => {
      const ip = req.socket.remoteAddress ?? 'unknown';
      if (!options.limiter.take(ip)) {
        res.setHeader('Retry-After', '60');
        throw new HttpError(429, 'rate_limited', 'Too many chat sessions from this address; try again in a minute.');
      }
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0;
      const body = validate(BodySchema, hasBody ? await readJson(req, BODY_LIMITS.api) : {});
      const minted = await mintConversation(options.store, options.tokens, {}, body.locale);
      res.send(200, { token: minted.token, conversationId: minted.conversationId, userId: minted.userId, expiresIn: minted.expiresIn });
    }),
  );
}
