/**
 * Channels retry a delivery when they get no timely answer; the same activity must not be
 * handled (and answered) twice. Owned by the messages endpoint.
 */
export interface ActivityDedup {
  /** True the first time this activity id is seen in this conversation, false after. */
  firstDelivery(conversationId: string, activityId: string): Promise<boolean>;
}
