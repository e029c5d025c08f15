import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import { FaqEntrySchema } from '../../knowledge/faqEntry.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { FaqService } from '../faq/faqService.js';
import { HttpError } from './httpError.js';
import { readValidJson, validate } from './jsonBody.js';
import { actorOf, idParam, queryOf } from './requestParts.js';
import { bearerRoute } from './route.js';

export interface AdminAuditRoutesOptions {
  readonly audit: AuditLog;
  readonly faqs: FaqService;
  readonly adminToken: string;
  readonly log: Logger;
}

const ListSchema = z.object({
  entity: z.enum(['faq', 'script', 'bannedPhrase', 'customer']).optional(),
  entityId: z.string().max(200).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const RestoreSchema = z.object({ auditId: z.string().min(1).max(100) });

/**
 * The audit log (`GET /api/admin/audit`: who changed which FAQ, script, phrase or customer list,
 * when, before and after) and restoring a FAQ entry to the version before a logged change.
 */
export function registerAdminAuditRoutes(server: Server, o: AdminAuditRoutesOptions): void {
  const admin = bearerRoute(o.log, o.adminToken, 'admin');

  server.get('/api/admin/audit', admin(async (req, res) => {
    const query = validate(ListSchema, queryOf(req));
    const { items, total } = await o.audit.list(query);
    res.send(200, { items: items.map((e) => ({ ...e, at: new Date(e.at).toISOString() })), total });
  }));

  server.post('/api/admin/faqs/:id/restore', admin(async (req, res) => {
    const id = idParam(req);
    const { auditId } = await readValidJson(req, RestoreSchema);
    const change = await o.audit.get(auditId);
    if (!change || change.entity !== 'faq' || change.entityId !== id) throw new HttpError(404, 'not_found', `No change "${auditId}" to FAQ entry "${id}" in the audit log.`);
    if (change.before === undefined) throw new HttpError(400, 'validation_failed', 'auditId: that change created the entry; there is no earlier version to restore', [{ field: 'auditId', message: 'no earlier version' }]);
    // The old version must still be a valid entry under today's rules.
    const parsed = FaqEntrySchema.safeParse(change.before);
    if (!parsed.success) throw new HttpError(409, 'not_restorable', 'That version is not a valid entry any more; edit the entry instead.', parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
    const actor = actorOf(req);
    const restored = (await o.faqs.update(parsed.data, actor, 'restore')) === 'missing' ? await o.faqs.create(parsed.data, actor, 'restore') : await o.faqs.get(id);
    o.log.info({ faqId: id, auditId }, 'faq restored');
    res.send(200, restored);
  }));
}
