import { randomUUID } from 'node:crypto';
import type { DirectLineStore } from './directLineStore.js';
import type { DirectLineTokens } from './directLineTokens.js';

export interface MintedConversation {
  readonly conversationId: string;
  readonly userId: string;
  readonly token: string;
  readonly expiresIn: number;
}

/**
 * Opens a conversation for a user and issues the token bound to both; the user id is the shop's
 * (a signed-in customer) or a fresh random one (an anonymous visitor).
 */
export async function mintConversation(
  store: DirectLineStore,
  tokens: DirectLineTokens,
  user: { id?: string | undefined; name?: string | undefined } = {},
  locale?: string,
): Promise<MintedConversation> {
  const conversationId = randomUUID().replace(/-/gu, '');
  const userId = user.id ?? `dl_${randomUUID().replace(/-/gu, '').slice(0, 16)}`;
  await store.createConversation({ id: conversationId, userId, ...(locale ? { locale } : {}) });
  const issued = tokens.issue({ conversationId, userId, ...(user.name ? { userName: user.name } : {}) });
  return { conversationId, userId, ...issued };
}
