import { isIP } from 'node:net';
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { HttpError } from './httpError.js';
import { issueDetails } from './jsonBody.js';

/** The parts of an incoming activity the bot relies on; everything else passes through. */
const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().min(1).max(256).optional(),
  channelId: z.string().min(1).max(256),
  serviceUrl: z.url({ protocol: /^https?$/u }),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
  from: z.looseObject({ id: z.string().max(1024) }).optional(),
  text: z.string().max(10_000).optional(),
});

/** Checks the shape of an activity; a 400 lists the missing or bad fields, nothing internal. */
export function parseActivity(body: unknown): Activity {
  const parsed = IncomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    throw new HttpError(400, 'invalid_activity', 'The request body is not a valid Bot Framework activity.', issueDetails(parsed.error));
  }
  return parsed.data as unknown as Activity;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/u, '');
  return a === '::1' || (isIP(a) === 4 && a.startsWith('127.'));
}

export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/gu, '');
  return host === 'localhost' || isLoopbackAddress(host);
}

/**
 * Without a Bot Framework app id nothing authenticates the caller, and the bot POSTs its replies
 * to whatever `serviceUrl` the caller names. Unless the operator opts in, only a caller on this
 * machine naming this machine may use the endpoint (the Emulator and tests do exactly that).
 */
export function assertLocalCaller(remoteAddress: string | undefined, activity: Activity): void {
  if (isLoopbackAddress(remoteAddress) && isLoopbackUrl(activity.serviceUrl)) return;
  throw new HttpError(
    403,
    'unauthenticated_channel_refused',
    'Without MicrosoftAppId the bot accepts activities only from this machine with a loopback serviceUrl; set ALLOW_UNAUTHENTICATED_CHANNEL=true to allow others.',
  );
}
