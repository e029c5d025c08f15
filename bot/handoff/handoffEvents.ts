import { EventEmitter } from 'node:events';
import type { HandoffStatus } from './handoffQueue.js';
import type { TranscriptRole } from './transcriptStore.js';

/** What agents' live views hear about. */
export type HandoffEvent =
  | { readonly type: 'queue' }
  | { readonly type: 'queued'; readonly conversationId: string; readonly handoffId: string }
  | { readonly type: 'status'; readonly conversationId: string; readonly status: HandoffStatus; readonly agentId?: string }
  | { readonly type: 'message'; readonly conversationId: string; readonly role: TranscriptRole; readonly text: string; readonly agentId?: string; readonly at: number };

/**
 * In-process publish/subscribe of handoff events. Agents' live views `subscribe`, and their
 * count tells whether agents are online; other parts of the service (the Teams channel poster)
 * `watch` without counting as an agent.
 */
export class HandoffEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private views = 0;

  publish(event: HandoffEvent): void {
    this.emitter.emit('event', event);
  }

  /** An agent's live view; counts towards `listeners` until unsubscribed. */
  subscribe(listener: (event: HandoffEvent) => void): () => void {
    this.views += 1;
    const stop = this.watch(listener);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.views -= 1;
      stop();
    };
  }

  /** Hears every event without counting as an agent online. */
  watch(listener: (event: HandoffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** How many live views are connected (agents online). */
  get listeners(): number {
    return this.views;
  }
}
