import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import { FaqEntrySchema, LOCALES } from '../../knowledge/faqEntry.js';
import type { UnansweredInbox } from '../faq/unansweredInbox.js';
import { HttpError } from './httpError.js';
import { readValidJson, validate } from './jsonBody.js';
import { actorOf, queryOf } from './requestParts.js';
import { bearerRoute } from './route.js';

const ListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

const group = {
  locale: z.enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` }),
  normalized: z.string().min(1, 'must not be empty').max(2000),
};
const faqId = FaqEntrySchema.shape.id;
const ResolveBodySchema = z.discriminatedUnion(
  'action',
  [
    z.object({ ...group, action: z.literal('addAlternate'), faqId, text: z.string().trim().min(1, 'must not be empty').max(500).optional() }),
    z.object({ ...group, action: z.literal('linkFaq'), faqId }),
    z.object({ ...group, action: z.literal('dismiss') }),
  ],
  { error: 'must be one of addAlternate, linkFaq, dismiss' },
);

/**
 * The unanswered-questions inbox: `GET /api/admin/unanswered` (open groups with the entries the
 * matcher suggests) and `POST /api/admin/unanswered/resolve` (add the question as an alternate,
 * link it to an entry, or dismiss it; either way the group leaves the inbox).
 */
export function registerAdminUnansweredRoutes(server: Server, o: { inbox: UnansweredInbox; adminToken: string; log: Logger }): void {
  const admin = bearerRoute(o.log, o.adminToken, 'admin');

  server.get('/api/admin/unanswered', admin(async (req, res) => {
    const { limit } = validate(ListQuerySchema, queryOf(req));
    res.send(200, { items: await o.inbox.list(limit) });
  }));

  server.post('/api/admin/unanswered/resolve', admin(async (req, res) => {
    const { locale, normalized, ...resolution } = await readValidJson(req, ResolveBodySchema);
    const outcome = await o.inbox.resolve({ locale, normalized }, resolution, actorOf(req));
    if (!outcome.ok) {
      switch (outcome.problem) {
        case 'noSuchGroup':
          throw new HttpError(404, 'not_found', `No open unanswered questions "${normalized}" (${locale}); they may have been handled already.`);
        case 'noSuchFaq':
          throw new HttpError(404, 'not_found', `No FAQ entry with id "${'faqId' in resolution ? resolution.faqId : ''}".`);
        case 'localeMismatch':
          throw new HttpError(400, 'validation_failed', `faqId: the entry is not in ${locale}, the question's language`, [
            { field: 'faqId', message: `is not a ${locale} entry` },
          ]);
        case 'invalidEntry': {
          const first = outcome.issues[0];
          throw new HttpError(400, 'validation_failed', first ? `${first.field}: ${first.message}` : 'The entry would not be valid.', outcome.issues);
        }
      }
    }
    o.log.info({ action: resolution.action, locale, resolved: outcome.resolved, faqId: outcome.faq?.id }, 'unanswered questions resolved');
    res.send(200, { resolved: outcome.resolved, ...(outcome.faq ? { faq: outcome.faq } : {}) });
  }));
}
