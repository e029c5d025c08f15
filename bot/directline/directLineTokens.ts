import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const ClaimsSchema = z.object({
  /** The conversation the token opens, and only that one. */
  conversationId: z.string().min(1),
  /** The user the token speaks for; activities posted with it carry this id whatever their body says. */
  userId: z.string().min(1),
  userName: z.string().optional(),
  /** Expiry, epoch seconds. */
  exp: z.number().int(),
});
export type DirectLineClaims = z.infer<typeof ClaimsSchema>;

export type TokenCheck = { readonly ok: true; readonly claims: DirectLineClaims } | { readonly ok: false; readonly reason: 'invalid' | 'expired' };

const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

/**
 * Direct Line tokens: HMAC-SHA256-signed claims binding one conversation to one user until they
 * expire. Stateless, so any instance sharing the signing key can check them.
 */
export class DirectLineTokens {
  constructor(
    private readonly signingKey: string,
    readonly ttlSeconds: number,
    private readonly now: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    if (signingKey.length < 32) throw new Error('DirectLineTokens: the signing key must be at least 32 characters');
  }

  issue(claims: Omit<DirectLineClaims, 'exp'>): { token: string; expiresIn: number } {
    const body = b64(JSON.stringify({ ...claims, exp: this.now() + this.ttlSeconds }));
    return { token: `dl1.${body}.${this.sign(body)}`, expiresIn: this.ttlSeconds };
  }

  check(token: string): TokenCheck {
    const [version, body, signature] = token.split('.');
    if (version !== 'dl1' || !body || !signature) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, reason: 'invalid' };
    if (claims.data.exp <= this.now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: claims.data };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.signingKey).update(body).digest('base64url');
  }
}
