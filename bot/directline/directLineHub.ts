import type { Activity } from 'botbuilder';

type Listener = (activity: Activity) => void;

/** Tells open streams of a conversation about each new activity (within this process). */
export class DirectLineHub {
  private readonly listeners = new Map<string, Set<Listener>>();

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
    for (const listener of this.listeners.get(activity.conversation.id) ?? []) listener(activity);
  }
}
