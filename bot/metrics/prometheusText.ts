import type { ServiceCounters } from './metricsSource.js';

/** What the process adds to the stored counters. */
export interface ProcessGauges {
  readonly faqEntries: number;
  readonly uptimeSeconds: number;
  readonly residentMemoryBytes: number;
}

type Sample = readonly [labels: Record<string, string | number>, value: number];

function family(name: string, type: 'counter' | 'gauge', help: string, samples: readonly Sample[]): string {
  const lines = samples.map(([labels, value]) => {
    const pairs = Object.entries(labels).map(([k, v]) => `${k}="${String(v)}"`);
    return `${name}${pairs.length > 0 ? `{${pairs.join(',')}}` : ''} ${value}`;
  });
  return [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...lines].join('\n');
}

/** The service counters in the Prometheus text exposition format (version 0.0.4). */
export function prometheusText(c: ServiceCounters, p: ProcessGauges): string {
  return [
    family('shopbot_conversations_total', 'counter', 'Conversations in which a customer wrote.', [[{}, c.conversations]]),
    family('shopbot_messages_total', 'counter', 'Messages recorded, by who wrote them.', Object.entries(c.messages).map(([role, n]) => [{ role }, n] as const)),
    family('shopbot_handoffs_total', 'counter', 'Conversations handed to people, by triage reason (one handoff may have several).', Object.entries(c.handoffsByReason).map(([reason, n]) => [{ reason }, n] as const)),
    family('shopbot_handoffs', 'gauge', 'Handoffs by current status.', Object.entries(c.handoffsByStatus).map(([status, n]) => [{ status }, n] as const)),
    family('shopbot_tickets', 'gauge', 'Complaint tickets by status.', Object.entries(c.ticketsByStatus).map(([status, n]) => [{ status }, n] as const)),
    family('shopbot_guard_warnings_total', 'counter', 'Agent replies held back by the banned-phrase guard.', [[{}, c.guardWarnings]]),
    family('shopbot_guard_overrides_total', 'counter', 'Agent replies sent despite a banned-phrase warning.', [[{}, c.guardOverrides]]),
    family('shopbot_csat_ratings_total', 'counter', 'Customer ratings of closed handoffs, by rating (1-5).', c.ratings.map((n, i) => [{ rating: i + 1 }, n] as const)),
    family('shopbot_unanswered_questions', 'gauge', 'Questions the bot could not answer, waiting in the admin inbox.', [[{}, c.unansweredOpen]]),
    family('shopbot_faq_entries', 'gauge', 'FAQ entries in the knowledge base.', [[{}, p.faqEntries]]),
    family('process_uptime_seconds', 'gauge', 'Seconds since the process started.', [[{}, Math.round(p.uptimeSeconds)]]),
    family('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.', [[{}, p.residentMemoryBytes]]),
  ].join('\n\n') + '\n';
}
