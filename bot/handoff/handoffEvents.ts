import { EventEmitter } from 'node:events';
import { LocalBus, type ClusterBus } from '../cluster/clusterBus.js';
import type { HandoffStatus } from './handoffQueue.js';
import type { TranscriptRole } from './transcriptStore.js';

/** What agents' live views hear about. */
export type HandoffEvent =
  | { readonly type: 'queue' }
  | { readonly type: 'queued'; readonly conversationId: string; readonly handoffId: string }
  | { readonly type: 'status'; readonly conversationId: string; readonly status: HandoffStatus; readonly agentId?: string }
  | { readonly type: 'message'; readonly conversationId: string; readonly role: TranscriptRole; readonly text: string; readonly agentId?: string; readonly at: number };

/** How often an instance repeats its count of open views, and when another's count goes stale. */
const HEARTBEAT_MS = 15_000;
const STALE_MS = 45_000;

/**
 * Publish/subscribe of handoff events across every instance of the deployment (through the
 * cluster bus; within the process when alone). Agents' live views `subscribe`, and their count
 * over all instances tells whether agents are online; other parts of the service (the Teams
 * channel poster) `watch` without counting as an agent.
 */
export class HandoffEvents {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private views = 0;
  private readonly remoteViews = new Map<string, { views: number; at: number }>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly bus: ClusterBus = new LocalBus(),
    private readonly now: () => number = () => Date.now(),
  ) {
    bus.subscribe((message, from) => {
      if (message.topic === 'handoff') this.emitter.emit('event', message.event);
      else if (message.topic === 'presence') this.remoteViews.set(from, { views: message.views, at: this.now() });
    });
    this.heartbeat = setInterval(() => this.announce(), HEARTBEAT_MS).unref();
  }

  publish(event: HandoffEvent): void {
    this.emitter.emit('event', event);
    this.emitter.emit('local', event);
    this.bus.publish({ topic: 'handoff', event });
  }

  /** An agent's live view; counts towards `listeners` until unsubscribed. */
  subscribe(listener: (event: HandoffEvent) => void): () => void {
    this.views += 1;
    this.announce();
    const stop = this.watch(listener);
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.views -= 1;
      this.announce();
      stop();
    };
  }

  /** Hears every event without counting as an agent online. */
  watch(listener: (event: HandoffEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /**
   * Hears only what happened on this instance: for work that must be done once per event in the
   * whole deployment (posting to Teams), by the instance where it happened.
   */
  watchLocal(listener: (event: HandoffEvent) => void): () => void {
    this.emitter.on('local', listener);
    return () => this.emitter.off('local', listener);
  }

  /** How many live views are connected (agents online), on every instance. */
  get listeners(): number {
    let total = this.views;
    for (const [instance, seen] of this.remoteViews) {
      if (this.now() - seen.at > STALE_MS) this.remoteViews.delete(instance);
      else total += seen.views;
    }
    return total;
  }

  close(): void {
    clearInterval(this.heartbeat);
  }

  private announce(): void {
    this.bus.publish({ topic: 'presence', views: this.views });
  }
}
