/** A complaint ticket, as the seeds' complaint process records it. */
export interface Ticket {
  readonly id: string;
  readonly conversationId: string;
  readonly customerId: string;
  readonly content: string;
  readonly contact?: string;
  readonly orderId?: string;
  readonly status: 'open' | 'resolved';
  readonly followUps: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly resolvedAt?: number;
}

export interface TicketStore {
  create(ticket: Pick<Ticket, 'conversationId' | 'customerId' | 'content' | 'contact' | 'orderId'>): Promise<Ticket>;
  get(id: string): Promise<Ticket | undefined>;
  /** Counts one more follow-up with the customer on an open ticket; undefined when unknown. */
  followUp(id: string): Promise<Ticket | undefined>;
  /** Marks a ticket resolved (once); undefined when unknown. */
  resolve(id: string): Promise<Ticket | undefined>;
  /** Tickets by status, oldest first. */
  list(status: Ticket['status'] | undefined, limit: number): Promise<Ticket[]>;
}
