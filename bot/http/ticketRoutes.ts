import type { Logger } from 'pino';
import type { Server } from 'restify';
import { z } from 'zod';
import type { Ticket, TicketStore } from '../handoff/ticketStore.js';
import { FOLLOW_UPS_BEFORE_SUPERVISOR, TICKET_RESPONSE_MS } from '../metrics/serviceMetrics.js';
import { HttpError } from './httpError.js';
import { validate } from './jsonBody.js';
import { idParam, queryOf } from './requestParts.js';
import { bearerRoute } from './route.js';

export interface TicketRoutesOptions {
  readonly tickets: TicketStore;
  readonly agentToken: string;
  readonly log: Logger;
}

const ListSchema = z.object({ status: z.enum(['open', 'resolved']).optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

/**
 * Complaint tickets for agents and supervisors: the open ones with their deadlines, a follow-up
 * counted each time an agent gets back to the customer, and resolution. A ticket followed up
 * three times and still open needs a supervisor, as the complaint process says.
 */
export function registerTicketRoutes(server: Server, o: TicketRoutesOptions): void {
  const agent = bearerRoute(o.log, o.agentToken, 'agent');
  const shown = (t: Ticket): Record<string, unknown> => ({
    ...t,
    createdAt: new Date(t.createdAt).toISOString(),
    updatedAt: new Date(t.updatedAt).toISOString(),
    ...(t.resolvedAt !== undefined ? { resolvedAt: new Date(t.resolvedAt).toISOString() } : {}),
    firstResponseDue: new Date(t.createdAt + TICKET_RESPONSE_MS).toISOString(),
    needsSupervisor: t.status === 'open' && t.followUps >= FOLLOW_UPS_BEFORE_SUPERVISOR,
  });
  const found = async (id: string, work: (id: string) => Promise<Ticket | undefined>): Promise<Ticket> => {
    const ticket = await work(id);
    if (!ticket) throw new HttpError(404, 'not_found', `No ticket with id "${id}".`);
    return ticket;
  };

  server.get('/api/agent/tickets', agent(async (req, res) => {
    const query = validate(ListSchema, queryOf(req));
    res.send(200, { items: (await o.tickets.list(query.status, query.limit)).map(shown) });
  }));

  server.post('/api/agent/tickets/:id/follow-ups', agent(async (req, res) => {
    const ticket = await found(idParam(req), (id) => o.tickets.get(id));
    if (ticket.status !== 'open') throw new HttpError(409, 'resolved', 'This ticket is already resolved.');
    res.send(200, shown(await found(ticket.id, (id) => o.tickets.followUp(id))));
  }));

  server.post('/api/agent/tickets/:id/resolve', agent(async (req, res) => {
    res.send(200, shown(await found(idParam(req), (id) => o.tickets.resolve(id))));
  }));
}
