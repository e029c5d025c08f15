/** What an admin can change, as the audit log names it. */
export type AuditEntity = 'faq' | 'script' | 'bannedPhrase' | 'customer';
export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'restore';

/** One change: who, what, when, and the record before and after (absent for create/delete). */
export interface AuditEntry {
  readonly id: string;
  readonly actor: string;
  readonly entity: AuditEntity;
  /** The changed record's id; for a bulk import, a summary id such as `import`. */
  readonly entityId: string;
  readonly action: AuditAction;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly at: number;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditQuery {
  readonly entity?: AuditEntity;
  readonly entityId?: string;
  readonly offset: number;
  readonly limit: number;
}

/** The admins' change history; written in the same breath as the change, never edited. */
export interface AuditLog {
  record(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Many entries at once, all or none (a bulk import's changes). */
  recordMany(entries: readonly NewAuditEntry[]): Promise<number>;
  get(id: string): Promise<AuditEntry | undefined>;
  /** Newest first. */
  list(query: AuditQuery): Promise<{ items: AuditEntry[]; total: number }>;
}

/** The header the admin console sends with the admin's name (the token is shared; the name says who). */
export const ACTOR_HEADER = 'x-admin-name';
