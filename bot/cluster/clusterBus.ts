import type { HandoffEvent } from '../handoff/handoffEvents.js';

/** What instances tell each other. */
export type ClusterMessage =
  | { readonly topic: 'handoff'; readonly event: HandoffEvent }
  /** How many agents' live views this instance has open (sent on change and as a heartbeat). */
  | { readonly topic: 'presence'; readonly views: number }
  | { readonly topic: 'faq'; readonly op: 'upsert' | 'delete'; readonly id: string }
  | { readonly topic: 'faq'; readonly op: 'reload' }
  | { readonly topic: 'guard' }
  | { readonly topic: 'scripts' }
  /** The bot was installed in a team: the agents' Teams channel changed. */
  | { readonly topic: 'teams' }
  /** A Direct Line activity was stored on another instance; streams here should send it. */
  | { readonly topic: 'directline'; readonly conversationId: string; readonly seq: number };

/**
 * Messages between the instances of one deployment. Each instance hears the others' messages,
 * never its own (it has already acted on them). After the bus was cut off and reconnected,
 * `onResync` handlers run, since messages sent meanwhile are lost.
 */
export interface ClusterBus {
  readonly instanceId: string;
  publish(message: ClusterMessage): void;
  /** `from` is the sending instance's id. */
  subscribe(handler: (message: ClusterMessage, from: string) => void): () => void;
  onResync(handler: () => void): () => void;
  close(): Promise<void>;
}

/** One instance alone (the embedded SQLite store): nobody to tell. */
export class LocalBus implements ClusterBus {
  readonly instanceId = 'local';

  publish(): void {}

  subscribe(): () => void {
    return () => undefined;
  }

  onResync(): () => void {
    return () => undefined;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
