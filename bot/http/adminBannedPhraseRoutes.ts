import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import { BannedPhraseSchema } from '../../scripts/bannedPhrases.js';
import type { GuardService } from '../assist/guardService.js';
import { HttpError } from './httpError.js';
import { BODY_LIMITS, readValidJson, validate } from './jsonBody.js';
import { bearerRoute } from './route.js';
import { actorOf, idParam, queryOf } from './requestParts.js';
import type { AuditLog } from '../audit/auditLog.js';

const DraftSchema = BannedPhraseSchema.extend({ id: BannedPhraseSchema.shape.id.optional() });
const ImportQuerySchema = z.object({ mode: z.enum(['merge', 'replace']).default('merge') });

/** Admins curate the banned-phrase list: CRUD plus JSON import/export; edits apply at once. */
export function registerAdminBannedPhraseRoutes(server: Server, o: { guard: GuardService; audit?: AuditLog; adminToken: string; log: Logger }): void {
  const admin = bearerRoute(o.log, o.adminToken, 'admin');

  server.get('/api/admin/banned-phrases', admin(async (_req, res) => {
    res.send(200, { items: await o.guard.list() });
  }));

  server.get('/api/admin/banned-phrases/export', admin(async (_req, res) => {
    res.setHeader('Content-Disposition', 'attachment; filename="banned-phrases.json"');
    res.send(200, await o.guard.list());
  }));

  server.post('/api/admin/banned-phrases', admin(async (req, res) => {
    const draft = await readValidJson(req, DraftSchema);
    const phrase = { ...draft, id: draft.id ?? `bp-${randomUUID().slice(0, 12)}` };
    if ((await o.guard.list()).some((p) => p.id === phrase.id)) throw new HttpError(409, 'conflict', `A banned phrase with id "${phrase.id}" exists; use PUT to change it.`);
    await o.guard.put(phrase);
    await o.audit?.record({ actor: actorOf(req), entity: 'bannedPhrase', entityId: phrase.id, action: 'create', after: phrase });
    res.send(201, phrase);
  }));

  server.put('/api/admin/banned-phrases/:id', admin(async (req, res) => {
    const id = idParam(req);
    const draft = await readValidJson(req, DraftSchema);
    const before = (await o.guard.list()).find((p) => p.id === id);
    const { created } = await o.guard.put({ ...draft, id });
    await o.audit?.record({ actor: actorOf(req), entity: 'bannedPhrase', entityId: id, action: created ? 'create' : 'update', ...(before ? { before } : {}), after: { ...draft, id } });
    res.send(created ? 201 : 200, { ...draft, id });
  }));

  server.del('/api/admin/banned-phrases/:id', admin(async (req, res) => {
    const id = idParam(req);
    const before = (await o.guard.list()).find((p) => p.id === id);
    if (!(await o.guard.delete(id))) throw new HttpError(404, 'not_found', `No banned phrase with id "${id}".`);
    await o.audit?.record({ actor: actorOf(req), entity: 'bannedPhrase', entityId: id, action: 'delete', ...(before ? { before } : {}) });
    res.send(204);
  }));

  server.post('/api/admin/banned-phrases/import', admin(async (req, res) => {
    const { mode } = validate(ImportQuerySchema, queryOf(req));
    const phrases = await readValidJson(req, z.array(BannedPhraseSchema).min(1, 'must contain at least one phrase'), BODY_LIMITS.import);
    const result = await o.guard.import(phrases, mode);
    await o.audit?.record({ actor: actorOf(req), entity: 'bannedPhrase', entityId: 'import', action: 'import', after: { mode, ...result } });
    res.send(200, result);
  }));
}
