import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { ReplyScriptDraftSchema, ReplyScriptSchema, type ReplyScript } from '../../scripts/replyScripts.js';
import { parseScriptImport } from '../assist/scriptImport.js';
import type { ScriptLibrary } from '../assist/scriptLibrary.js';
import type { AuditAction, AuditLog, NewAuditEntry } from '../audit/auditLog.js';
import { HttpError, importRejected } from './httpError.js';
import { BODY_LIMITS, readJson, readValidJson, validate } from './jsonBody.js';
import { actorOf, idParam, queryOf } from './requestParts.js';
import { bearerRoute } from './route.js';

export interface AdminScriptRoutesOptions {
  readonly library: ScriptLibrary;
  readonly adminToken: string;
  readonly log: Logger;
  /** Where every change is recorded, with the admin's name from the `x-admin-name` header. */
  readonly audit?: AuditLog;
}

const ListQuerySchema = z.object({
  locale: ReplyScriptSchema.shape.locale.optional(),
  stage: ReplyScriptSchema.shape.stage.optional(),
  scenario: ReplyScriptSchema.shape.scenario.optional(),
  q: z.string().max(200, 'must be at most 200 characters').optional(),
});
const ImportQuerySchema = z.object({ mode: z.enum(['merge', 'replace'], { error: 'must be merge or replace' }).default('merge') });

const notFound = (id: string): HttpError => new HttpError(404, 'not_found', `No reply script with id "${id}".`);

const sameContent = (a: ReplyScript, b: ReplyScript): boolean =>
  JSON.stringify([a.locale, a.stage, a.scenario, a.text, a.keywords ?? null]) === JSON.stringify([b.locale, b.stage, b.scenario, b.text, b.keywords ?? null]);

/**
 * An import's audit trail, as for FAQ imports: a summary entry (`import`), then one entry per
 * script it created, changed or removed, with the old version, so each script's history is whole.
 */
function importEntries(
  actor: string,
  summary: { mode: 'merge' | 'replace'; imported: number; created: number; updated: number; deleted: number },
  before: readonly ReplyScript[],
  scripts: readonly ReplyScript[],
): NewAuditEntry[] {
  const entry = (entityId: string, action: AuditAction, change: { before?: unknown; after?: unknown }): NewAuditEntry => ({ actor, entity: 'script', entityId, action, ...change });
  const old = new Map(before.map((s) => [s.id, s]));
  const entries = [entry('import', 'import', { after: summary })];
  for (const s of scripts) {
    const was = old.get(s.id);
    if (!was) entries.push(entry(s.id, 'create', { after: s }));
    else if (!sameContent(was, s)) entries.push(entry(s.id, 'update', { before: was, after: s }));
  }
  const kept = new Set(scripts.map((s) => s.id));
  if (summary.mode === 'replace') for (const s of before) if (!kept.has(s.id)) entries.push(entry(s.id, 'delete', { before: s }));
  return entries;
}

/**
 * Admins curate the reply-script library (话术库): list and filter, CRUD, JSON import (all or
 * nothing) and export. Edits apply to the next suggestion; each is recorded in `audit` when given.
 */
export function registerAdminScriptRoutes(server: Server, o: AdminScriptRoutesOptions): void {
  const { library, log } = o;
  const admin = bearerRoute(log, o.adminToken, 'admin');
  const record = async (req: Request, entityId: string, action: AuditAction, change: { before?: unknown; after?: unknown }): Promise<void> => {
    await o.audit?.record({ actor: actorOf(req), entity: 'script', entityId, action, ...change });
  };

  server.get('/api/admin/scripts', admin(async (req, res) => {
    res.send(200, { items: await library.list(validate(ListQuerySchema, queryOf(req))) });
  }));

  server.get('/api/admin/scripts/export', admin(async (_req, res) => {
    res.setHeader('Content-Disposition', 'attachment; filename="reply-scripts.json"');
    res.send(200, await library.list());
  }));

  server.get('/api/admin/scripts/:id', admin(async (req, res) => {
    const id = idParam(req);
    const script = await library.get(id);
    if (!script) throw notFound(id);
    res.send(200, script);
  }));

  server.post('/api/admin/scripts', admin(async (req, res) => {
    const draft = await readValidJson(req, ReplyScriptDraftSchema);
    const script = { ...draft, id: draft.id ?? `script-${randomUUID().slice(0, 12)}` };
    if (!(await library.create(script))) throw new HttpError(409, 'conflict', `A reply script with id "${script.id}" exists; use PUT to change it.`);
    await record(req, script.id, 'create', { after: script });
    log.info({ scriptId: script.id }, 'script created');
    res.send(201, script);
  }));

  server.put('/api/admin/scripts/:id', admin(async (req, res) => {
    const id = idParam(req);
    const draft = await readValidJson(req, ReplyScriptDraftSchema);
    if (draft.id !== undefined && draft.id !== id) {
      throw new HttpError(400, 'validation_failed', `id: "${draft.id}" in the body does not match "${id}" in the path`, [{ field: 'id', message: 'does not match the path' }]);
    }
    const script = validate(ReplyScriptSchema, { ...draft, id });
    const before = await library.update(script);
    if (!before) throw notFound(id);
    await record(req, id, 'update', { before, after: script });
    log.info({ scriptId: id }, 'script updated');
    res.send(200, script);
  }));

  server.del('/api/admin/scripts/:id', admin(async (req, res) => {
    const id = idParam(req);
    const before = await library.delete(id);
    if (!before) throw notFound(id);
    await record(req, id, 'delete', { before });
    log.info({ scriptId: id }, 'script deleted');
    res.send(204);
  }));

  server.post('/api/admin/scripts/import', admin(async (req, res) => {
    const { mode } = validate(ImportQuerySchema, queryOf(req));
    const parsed = parseScriptImport(await readJson(req, BODY_LIMITS.import));
    if (!parsed.ok) throw importRejected(parsed.issues);
    const { before, ...counts } = await library.import(parsed.scripts, mode);
    await o.audit?.recordMany(importEntries(actorOf(req), { mode, ...counts }, before, parsed.scripts));
    log.info({ mode, ...counts }, 'scripts imported');
    res.send(200, counts);
  }));
}
