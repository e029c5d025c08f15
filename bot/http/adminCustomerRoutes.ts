import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import { TIERS } from '../../scripts/triageTypes.js';
import { CustomerRecordSchema, type CustomerDirectory, type CustomerRecord } from '../handoff/customerDirectory.js';
import { parseDelimited } from '../faq/csv.js';
import type { CustomerListing } from './customerListing.js';
import { HttpError, importRejected } from './httpError.js';
import { BODY_LIMITS, readBody, validate } from './jsonBody.js';
import { actorOf, queryOf } from './requestParts.js';
import type { AuditLog } from '../audit/auditLog.js';
import { bearerRoute } from './route.js';

const ListQuerySchema = z.object({
  q: z.string().max(200).optional(),
  tier: z.enum(TIERS, { error: `must be one of ${TIERS.join(', ')}` }).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** Rows of a customer import: a JSON array, or CSV with a header `id,name,tier,lifetimeValue`. */
function parseCustomers(body: string, contentType: string): Array<{ row: number; value: unknown }> {
  if (contentType.includes('csv') || !/^\s*\[/u.test(body)) {
    const [header, ...rows] = parseDelimited(body);
    const names = (header ?? []).map((h) => h.trim());
    return rows.map((fields, i) => ({ row: i + 2, value: Object.fromEntries(names.map((n, j) => [n, fields[j]?.trim()])) }));
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
  if (!Array.isArray(data)) throw new HttpError(400, 'import_invalid', 'The body must be a JSON array of customers.');
  return (data as unknown[]).map((value, i) => ({ row: i + 1, value }));
}

/**
 * The shop's customer directory, the only source of a customer's tier:
 * `POST /api/admin/customers/import` (all or nothing; a bad row names its number and field) and
 * `GET /api/admin/customers?q=&tier=&offset=&limit=`.
 */
export function registerAdminCustomerRoutes(
  server: Server,
  o: { directory: CustomerDirectory & CustomerListing; audit?: AuditLog; adminToken: string; log: Logger },
): void {
  const admin = bearerRoute(o.log, o.adminToken, 'admin');

  server.get('/api/admin/customers', admin(async (req, res) => {
    res.send(200, await o.directory.list(validate(ListQuerySchema, queryOf(req))));
  }));

  server.post('/api/admin/customers/import', admin(async (req, res) => {
    const body = (await readBody(req, BODY_LIMITS.import)).toString('utf8');
    const records: CustomerRecord[] = [];
    const issues: Array<{ row: number; field: string; message: string }> = [];
    for (const { row, value } of parseCustomers(body, String(req.headers['content-type'] ?? ''))) {
      const parsed = CustomerRecordSchema.safeParse(value);
      if (parsed.success) records.push(parsed.data);
      else for (const i of parsed.error.issues) issues.push({ row, field: i.path.join('.') || '(row)', message: i.message });
    }
    if (issues.length > 0) throw importRejected(issues);
    const result = await o.directory.import(records);
    await o.audit?.record({ actor: actorOf(req), entity: 'customer', entityId: 'import', action: 'import', after: result });
    res.send(200, result);
  }));
}
