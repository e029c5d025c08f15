export type TranscriptRole = 'customer' | 'bot' | 'agent';

export interface TranscriptMessage {
  readonly conversationId: string;
  readonly role: TranscriptRole;
  readonly text: string;
  readonly agentId?: string;
  readonly createdAt: number;
}

/** Every customer, bot and agent message of every conversation, in order. */
export interface TranscriptStore {
  append(message: Omit<TranscriptMessage, 'createdAt'>): Promise<TranscriptMessage>;
  list(conversationId: string, limit: number): Promise<TranscriptMessage[]>;
}
