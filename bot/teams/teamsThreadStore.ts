/** The agents' Teams channel: enough to post into it without being asked (a proactive message). */
export interface TeamsChannel {
  readonly serviceUrl: string;
  /** The channel's conversation id, `19:…@thread.tacv2`; a team's General channel has the team's id. */
  readonly channelId: string;
  readonly tenantId?: string;
  readonly teamId?: string;
  readonly teamName?: string;
}

/** The thread a handoff card started in the agents' channel. */
export interface HandoffThread {
  readonly handoffId: string;
  /** The customer's conversation. */
  readonly conversationId: string;
  /** The thread's own conversation id in Teams, `<channelId>;messageid=<cardActivityId>`. */
  readonly threadId: string;
  readonly cardActivityId: string;
  readonly channel: TeamsChannel;
}

/** Where handoffs go in Teams and which thread belongs to which handoff; survives restarts. */
export interface TeamsThreadStore {
  /** The channel captured when the bot was installed in a team, if any. */
  channel(): Promise<TeamsChannel | undefined>;
  saveChannel(channel: TeamsChannel): Promise<void>;
  saveThread(thread: HandoffThread): Promise<void>;
  forHandoff(handoffId: string): Promise<HandoffThread | undefined>;
  forThread(threadId: string): Promise<HandoffThread | undefined>;
}

/** The conversation id of the thread a root message starts in a channel. */
export function threadIdOf(channelId: string, rootActivityId: string): string {
  return `${channelId};messageid=${rootActivityId}`;
}
