import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import { FaqDraftSchema, FaqEntrySchema, LOCALES } from '../../knowledge/faqEntry.js';
import { detectLocale } from '../../knowledge/localeDetector.js';
import type { UnansweredLog } from '../../dialogs/unansweredLog.js';
import { FAQ_FORMATS, formatExport, parseImport } from '../faq/faqFormats.js';
import type { FaqService } from '../faq/faqService.js';
import { explainMatch } from '../faq/matchExplanation.js';
import { UnansweredInbox } from '../faq/unansweredInbox.js';
import { registerAdminUnansweredRoutes } from './adminUnansweredRoutes.js';
import { HttpError, importRejected } from './httpError.js';
import { BODY_LIMITS, readBody, readValidJson, validate } from './jsonBody.js';
import { bearerRoute } from './route.js';
import { actorOf, idParam, queryOf } from './requestParts.js';

export interface AdminFaqRoutesOptions {
  readonly faqs: FaqService;
  readonly unanswered: UnansweredLog;
  readonly adminToken: string;
  readonly log: Logger;
}

const ListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  locale: z.enum(LOCALES).optional(),
  category: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const ImportQuerySchema = z.object({
  format: z.enum(FAQ_FORMATS).default('json'),
  mode: z.enum(['merge', 'replace']).default('merge'),
  dryRun: z.stringbool({ error: 'must be true or false' }).default(false),
});
const ExportQuerySchema = z.object({ format: z.enum(FAQ_FORMATS).default('json') });
const MatchBodySchema = z.object({ text: z.string().trim().min(1).max(2000), locale: z.enum(LOCALES).optional() });

const CONTENT_TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8', 'qna-tsv': 'text/tab-separated-values; charset=utf-8' };
const EXTENSIONS = { json: 'json', csv: 'csv', 'qna-tsv': 'tsv' };

const notFound = (id: string): HttpError => new HttpError(404, 'not_found', `No FAQ entry with id "${id}".`);

/**
 * The admin REST API over the knowledge base, behind the admin bearer token, with the inbox of
 * questions it could not answer (the knowledge base's to-do list).
 */
export function registerAdminFaqRoutes(server: Server, options: AdminFaqRoutesOptions): void {
  const { faqs, log } = options;
  const admin = bearerRoute(log, options.adminToken, 'admin');

  server.get('/api/admin/faqs', admin(async (req, res) => {
    res.send(200, await faqs.list(validate(ListQuerySchema, queryOf(req))));
  }));

  server.get('/api/admin/faqs/export', admin(async (req, res) => {
    const { format } = validate(ExportQuerySchema, queryOf(req));
    const body = formatExport(format, await faqs.all());
    res.setHeader('Content-Type', CONTENT_TYPES[format]);
    res.setHeader('Content-Disposition', `attachment; filename="faqs.${EXTENSIONS[format]}"`);
    res.sendRaw(200, body);
  }));

  server.get('/api/admin/faqs/:id', admin(async (req, res) => {
    const id = idParam(req);
    const entry = await faqs.get(id);
    if (!entry) throw notFound(id);
    res.send(200, entry);
  }));

  server.post('/api/admin/faqs', admin(async (req, res) => {
    const draft = await readValidJson(req, FaqDraftSchema);
    const stored = await faqs.create({ ...draft, id: draft.id ?? `faq-${randomUUID().slice(0, 12)}` }, actorOf(req));
    if (stored === 'exists') throw new HttpError(409, 'conflict', `An FAQ entry with id "${draft.id}" already exists; use PUT to change it.`);
    log.info({ faqId: stored.id }, 'faq created');
    res.send(201, stored);
  }));

  server.put('/api/admin/faqs/:id', admin(async (req, res) => {
    const id = idParam(req);
    const draft = await readValidJson(req, FaqDraftSchema);
    if (draft.id !== undefined && draft.id !== id) {
      throw new HttpError(400, 'validation_failed', `id: "${draft.id}" in the body does not match "${id}" in the path`, [{ field: 'id', message: 'does not match the path' }]);
    }
    const stored = await faqs.update(FaqEntrySchema.parse({ ...draft, id }), actorOf(req));
    if (stored === 'missing') throw notFound(id);
    log.info({ faqId: id }, 'faq updated');
    res.send(200, stored);
  }));

  server.del('/api/admin/faqs/:id', admin(async (req, res) => {
    const id = idParam(req);
    if (!(await faqs.delete(id, actorOf(req)))) throw notFound(id);
    log.info({ faqId: id }, 'faq deleted');
    res.send(204);
  }));

  server.post('/api/admin/faqs/import', admin(async (req, res) => {
    const { format, mode, dryRun } = validate(ImportQuerySchema, queryOf(req));
    const body = (await readBody(req, BODY_LIMITS.import)).toString('utf8');
    const parsed = parseImport(format, body);
    if (!parsed.ok) throw importRejected(parsed.issues);
    if (dryRun) {
      res.send(200, await faqs.previewImport(parsed.entries, mode));
      return;
    }
    const result = await faqs.import(parsed.entries, mode, actorOf(req));
    log.info({ format, mode, ...result }, 'faqs imported');
    res.send(200, result);
  }));

  server.post('/api/admin/match', admin(async (req, res) => {
    const body = await readValidJson(req, MatchBodySchema);
    const locale = body.locale ?? detectLocale(body.text);
    const result = faqs.match(body.text, locale);
    const best = result.kind === 'answer' ? { id: result.best.entry.id, score: result.best.score } : null;
    const thresholds = faqs.thresholds(locale);
    res.send(200, {
      answered: result.kind === 'answer',
      best,
      // Each candidate also says why it was (not) used, against `thresholds`.
      candidates: explainMatch(result, thresholds),
      decision: result.kind,
      locale,
      thresholds,
      answerText: result.kind === 'answer' ? result.best.entry.answer : null,
    });
  }));

  registerAdminUnansweredRoutes(server, { inbox: new UnansweredInbox(faqs, options.unanswered), adminToken: options.adminToken, log });
}
