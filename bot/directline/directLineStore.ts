import type { Activity } from 'botbuilder';

export interface DirectLineConversation {
  readonly id: string;
  readonly userId: string;
  readonly locale?: string;
  /** Whether the bot has been told of the conversation (its welcome sent). */
  readonly started: boolean;
}

/** Activities after a watermark, and the watermark to ask from next time. */
export interface ActivityPage {
  readonly activities: Activity[];
  readonly watermark: string;
}

/**
 * The Direct Line channel's own record of each conversation: every activity in order, each with
 * a watermark, so clients can poll or resume after a reconnect and a restart loses nothing.
 * Owned by the Direct Line endpoint.
 */
/** The sequence number in a stored activity's id (`<conversationId>|<seq>`); -1 for none. */
export const seqOf = (activity: Partial<Activity>): number => Number(activity.id?.split('|').at(-1) ?? -1);

export interface DirectLineStore {
  createConversation(conversation: Omit<DirectLineConversation, 'started'>): Promise<void>;
  conversation(id: string): Promise<DirectLineConversation | undefined>;
  /** Marks the conversation started; false if it already was (so the welcome goes out once). */
  markStarted(id: string): Promise<boolean>;
  /** Stores an activity, giving it its id (`<conversationId>|<seq>`), and returns it. */
  append(conversationId: string, activity: Partial<Activity>): Promise<Activity>;
  activitiesAfter(conversationId: string, watermark: number, limit: number): Promise<ActivityPage>;
}
