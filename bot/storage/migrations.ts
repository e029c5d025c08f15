import type { SqlDatabase, SqlExecutor } from './sqlDatabase.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  /** Statements in the SQL that SQLite and PostgreSQL share. */
  readonly statements: readonly string[];
}

/**
 * The schema, one versioned step at a time. Append new steps; never edit an applied one.
 * Times are epoch milliseconds (BIGINT); JSON values are TEXT.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'faq knowledge base, bot state, feedback, unanswered questions, delivered activities',
    statements: [
      `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
      `CREATE TABLE faqs (
        id TEXT PRIMARY KEY, locale TEXT NOT NULL, question TEXT NOT NULL, alternates TEXT NOT NULL,
        answer TEXT NOT NULL, category TEXT, tags TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE INDEX faqs_locale_category ON faqs (locale, category)`,
      `CREATE TABLE bot_state (key TEXT PRIMARY KEY, doc TEXT NOT NULL, etag TEXT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE TABLE faq_feedback (
        id TEXT PRIMARY KEY, faq_id TEXT NOT NULL, conversation_id TEXT NOT NULL, helpful INTEGER NOT NULL,
        question TEXT NOT NULL, locale TEXT NOT NULL, created_at BIGINT NOT NULL)`,
      `CREATE INDEX faq_feedback_faq ON faq_feedback (faq_id)`,
      `CREATE TABLE unanswered_questions (
        id TEXT PRIMARY KEY, text TEXT NOT NULL, normalized TEXT NOT NULL, locale TEXT NOT NULL,
        conversation_id TEXT NOT NULL, reason TEXT NOT NULL, created_at BIGINT NOT NULL)`,
      `CREATE INDEX unanswered_normalized ON unanswered_questions (normalized)`,
      `CREATE TABLE processed_activities (
        conversation_id TEXT NOT NULL, activity_id TEXT NOT NULL, created_at BIGINT NOT NULL,
        PRIMARY KEY (conversation_id, activity_id))`,
      `CREATE INDEX processed_activities_created ON processed_activities (created_at)`,
    ],
  },
  {
    version: 2,
    name: 'direct line conversations and activities',
    statements: [
      `CREATE TABLE dl_conversations (
        id TEXT PRIMARY KEY, user_id TEXT NOT NULL, locale TEXT, started INTEGER NOT NULL,
        next_seq BIGINT NOT NULL, created_at BIGINT NOT NULL)`,
      `CREATE TABLE dl_activities (
        conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, activity TEXT NOT NULL, created_at BIGINT NOT NULL,
        PRIMARY KEY (conversation_id, seq))`,
    ],
  },
  {
    version: 3,
    name: 'customer directory, handoff queue, complaint tickets, transcripts',
    statements: [
      `CREATE TABLE customers (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, tier TEXT NOT NULL, lifetime_value DOUBLE PRECISION NOT NULL,
        updated_at BIGINT NOT NULL)`,
      `CREATE TABLE handoffs (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, customer_id TEXT NOT NULL, customer_name TEXT NOT NULL,
        tier TEXT NOT NULL, reasons TEXT NOT NULL, priority TEXT NOT NULL, priority_rank INTEGER NOT NULL,
        status TEXT NOT NULL, agent_id TEXT, agent_name TEXT, locale TEXT NOT NULL, reference TEXT NOT NULL,
        ticket_id TEXT, rating INTEGER, created_at BIGINT NOT NULL, accepted_at BIGINT, closed_at BIGINT)`,
      `CREATE INDEX handoffs_queue ON handoffs (status, priority_rank, created_at)`,
      `CREATE INDEX handoffs_conversation ON handoffs (conversation_id, created_at)`,
      `CREATE TABLE tickets (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, customer_id TEXT NOT NULL, content TEXT NOT NULL,
        contact TEXT, order_id TEXT, status TEXT NOT NULL, follow_ups INTEGER NOT NULL,
        created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE INDEX tickets_conversation ON tickets (conversation_id)`,
      `CREATE TABLE transcript_messages (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, seq BIGINT NOT NULL, role TEXT NOT NULL,
        text TEXT NOT NULL, agent_id TEXT, created_at BIGINT NOT NULL)`,
      `CREATE INDEX transcript_conversation ON transcript_messages (conversation_id, seq)`,
    ],
  },
  {
    version: 4,
    name: 'one open handoff per conversation',
    statements: [`CREATE UNIQUE INDEX handoffs_one_open ON handoffs (conversation_id) WHERE status IN ('waiting', 'active')`],
  },
  {
    version: 5,
    name: 'banned phrases and guard overrides',
    statements: [
      `CREATE TABLE banned_phrases (
        id TEXT PRIMARY KEY, locale TEXT NOT NULL, category TEXT NOT NULL, phrase TEXT NOT NULL,
        suggestion TEXT NOT NULL, allow TEXT, updated_at BIGINT NOT NULL)`,
      `CREATE TABLE guard_overrides (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, agent_id TEXT NOT NULL, text TEXT NOT NULL,
        violations TEXT NOT NULL, created_at BIGINT NOT NULL)`,
    ],
  },
  {
    version: 6,
    name: 'the agents\' Teams channel and the thread each handoff was posted to',
    statements: [
      // One row per key ('agents'): where handoff cards go, captured on installation or configured.
      `CREATE TABLE teams_channels (key TEXT PRIMARY KEY, channel TEXT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE TABLE teams_handoff_threads (
        handoff_id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, thread_id TEXT NOT NULL,
        card_activity_id TEXT NOT NULL, channel TEXT NOT NULL, created_at BIGINT NOT NULL)`,
      `CREATE INDEX teams_threads_thread ON teams_handoff_threads (thread_id)`,
      `CREATE INDEX teams_threads_conversation ON teams_handoff_threads (conversation_id, created_at)`,
    ],
  },
  {
    version: 7,
    name: 'unanswered questions an admin has handled',
    statements: [
      // NULL while the question waits in the inbox; the FAQ entry that now covers it, if any.
      `ALTER TABLE unanswered_questions ADD COLUMN resolved_at BIGINT`,
      `ALTER TABLE unanswered_questions ADD COLUMN resolved_faq_id TEXT`,
      `CREATE INDEX unanswered_open ON unanswered_questions (locale, normalized, resolved_at)`,
    ],
  },
  {
    version: 8,
    name: 'service metrics: guard warnings, NPS answers, ticket resolution, time indexes',
    statements: [
      `CREATE TABLE guard_warnings (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, agent_id TEXT NOT NULL, categories TEXT NOT NULL,
        created_at BIGINT NOT NULL)`,
      `CREATE INDEX guard_warnings_created ON guard_warnings (created_at)`,
      `CREATE INDEX guard_overrides_created ON guard_overrides (created_at)`,
      `ALTER TABLE handoffs ADD COLUMN nps INTEGER`,
      `ALTER TABLE tickets ADD COLUMN resolved_at BIGINT`,
      `CREATE INDEX tickets_created ON tickets (created_at)`,
      `CREATE INDEX handoffs_created ON handoffs (created_at)`,
      `CREATE INDEX transcript_created ON transcript_messages (created_at)`,
    ],
  },
  {
    version: 9,
    name: 'reply scripts (话术) admins curate',
    statements: [
      // position: library order, which the suggestion engine prefers within a scenario; an edit keeps it.
      `CREATE TABLE reply_scripts (
        id TEXT PRIMARY KEY, locale TEXT NOT NULL, stage TEXT NOT NULL, scenario TEXT NOT NULL, text TEXT NOT NULL,
        keywords TEXT, position INTEGER NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)`,
      `CREATE INDEX reply_scripts_position ON reply_scripts (position)`,
    ],
  },
  {
    version: 10,
    name: 'audit log of admins\' changes',
    statements: [
      `CREATE TABLE audit_log (
        id TEXT PRIMARY KEY, actor TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, action TEXT NOT NULL,
        before_value TEXT, after_value TEXT, at BIGINT NOT NULL)`,
      `CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at)`,
      `CREATE INDEX audit_log_at ON audit_log (at)`,
    ],
  },
];

/**
 * Brings the schema up to date; safe to run on every start and from several processes at once
 * (PostgreSQL serialises them on an advisory lock; SQLite on its write lock).
 */
export async function migrate(db: SqlDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)`);
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.get(`SELECT pg_advisory_xact_lock(7262011)`);
    const applied = new Set((await tx.all<{ version: number }>(`SELECT version FROM schema_migrations`)).map((r) => r.version));
    const done: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await apply(tx, m);
      done.push(m.version);
    }
    return done;
  });
}

async function apply(tx: SqlExecutor, migration: Migration): Promise<void> {
  for (const statement of migration.statements) await tx.run(statement);
  await tx.run(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, [migration.version, migration.name, Date.now()]);
}
