import { randomBytes } from 'node:crypto';
import type { AuditAction, AuditEntity, AuditEntry, AuditLog, AuditQuery, NewAuditEntry } from '../audit/auditLog.js';
import type { SqlDatabase, SqlExecutor } from './sqlDatabase.js';

interface AuditRow {
  id: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  before_value: string | null;
  after_value: string | null;
  at: number;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  actor: r.actor,
  entity: r.entity as AuditEntity,
  entityId: r.entity_id,
  action: r.action as AuditAction,
  ...(r.before_value === null ? {} : { before: JSON.parse(r.before_value) as unknown }),
  ...(r.after_value === null ? {} : { after: JSON.parse(r.after_value) as unknown }),
  at: Number(r.at),
});

let sequence = 0;
/** Ids that sort like the entries were written (time, then order within this process). */
function nextId(at: number): string {
  sequence = (sequence + 1) % 1_000_000;
  return `${at.toString().padStart(15, '0')}-${sequence.toString().padStart(6, '0')}-${randomBytes(3).toString('hex')}`;
}

/** The audit log in the `audit_log` table, newest first by id. */
export class SqlAuditLog implements AuditLog {
  constructor(private readonly db: SqlDatabase) {}

  async record(entry: NewAuditEntry): Promise<AuditEntry> {
    const at = Date.now();
    const id = nextId(at);
    await this.insert(this.db, id, at, entry);
    return { ...entry, id, at };
  }

  recordMany(entries: readonly NewAuditEntry[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      const at = Date.now();
      for (const e of entries) await this.insert(tx, nextId(at), at, e);
      return entries.length;
    });
  }

  async get(id: string): Promise<AuditEntry | undefined> {
    const row = await this.db.get<AuditRow>(`SELECT * FROM audit_log WHERE id = ?`, [id]);
    return row && toEntry(row);
  }

  async list(q: AuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
    const where: string[] = [];
    const params: string[] = [];
    if (q.entity) {
      where.push('entity = ?');
      params.push(q.entity);
    }
    if (q.entityId) {
      where.push('entity_id = ?');
      params.push(q.entityId);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = Number((await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${clause}`, params))?.n ?? 0);
    const rows = await this.db.all<AuditRow>(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, q.limit, q.offset]);
    return { items: rows.map(toEntry), total };
  }

  private async insert(db: SqlExecutor, id: string, at: number, e: NewAuditEntry): Promise<void> {
    await db.run(`INSERT INTO audit_log (id, actor, entity, entity_id, action, before_value, after_value, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, [
      id,
      e.actor,
      e.entity,
      e.entityId,
      e.action,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      at,
    ]);
  }
}
