import type { Activity } from 'botbuilder';
import { LocalBus, type ClusterBus } from '../cluster/clusterBus.js';
import { seqOf, type DirectLineStore } from './directLineStore.js';

type Listener = (activity: Activity) => void;

/**
 * Tells open streams of a conversation about each new activity. Streams live on the instance the
 * client connected to, so an activity stored on another instance (an agent's reply sent there,
 * say) arrives as a cluster message naming it, and is read back from the shared store.
 */
export class DirectLineHub {
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    private readonly bus: ClusterBus = new LocalBus(),
    private readonly store?: DirectLineStore,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    bus.subscribe((message) => {
      if (message.topic === 'directline' && this.listeners.has(message.conversationId)) {
        this.fetch(message.conversationId, message.seq).catch(onError);
      }
    });
  }

  subscribe(conversationId: string, listener: Listener): () => void {
    const set = this.listeners.get(conversationId) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(conversationId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
  }

  publish(activity: Activity): void {
    this.emit(activity);
    this.bus.publish({ topic: 'directline', conversationId: activity.conversation.id, seq: seqOf(activity) });
  }

  private emit(activity: Activity): void {
    for (const listener of this.listeners.get(activity.conversation.id) ?? []) listener(activity);
  }

  private async fetch(conversationId: string, seq: number): Promise<void> {
    if (!this.store || !Number.isFinite(seq)) return;
    const page = await this.store.activitiesAfter(conversationId, seq - 1, 1);
    const activity = page.activities[0];
    if (activity && seqOf(activity) === seq) this.emit(activity);
  }
}
