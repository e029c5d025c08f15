import { EventEmitter } from 'node:events';
import type { HandoffStatus } from './handoffQueue.js';
import type { TranscriptRole } from './transcriptStore.js';

/** What agents' live views hear about. */
export type HandoffEvent =
  | { readonly type: 'queue' }
  | { readonly type: 'status'; readonly conversationId: string; readonly status: HandoffStatus; readonly agentId?: string }
  | { readonly type: 'message'; readonly conversationId: string; readonly role: TranscriptRole; readonly text: string; readonly agentId?: string; readonly at: number };

/** In-process publish/subscribe of handoff events; the count of listeners tells whether agents are online. */
export class HandoffEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(event: HandoffEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: HandoffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** How many live views are connected (agents online). */
  get listeners(): number {
    return this.emitter.listenerCount('event');
  }
}
