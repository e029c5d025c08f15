import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const SecretsFileSchema = z.object({
  adminToken: z.string().min(16).optional(),
  agentToken: z.string().min(16).optional(),
  directLineSecret: z.string().min(16).optional(),
  tokenSigningKey: z.string().min(32).optional(),
});
export type SecretName = keyof z.infer<typeof SecretsFileSchema>;

export interface Secrets {
  readonly adminToken: string;
  readonly agentToken: string;
  /** What a shop's backend presents to mint Direct Line tokens. */
  readonly directLineSecret: string;
  /** Signs Direct Line tokens; never leaves the server. */
  readonly tokenSigningKey: string;
  /** Names of the secrets created by this call (to show once, in full). */
  readonly generated: SecretName[];
}

const PREFIX: Record<SecretName, string> = { adminToken: 'adm_', agentToken: 'agt_', directLineSecret: 'dls_', tokenSigningKey: 'tsk_' };
const NAMES = Object.keys(PREFIX) as SecretName[];

/** The environment variable that overrides each secret. */
export const SECRET_ENV: Record<SecretName, string> = {
  adminToken: 'ADMIN_TOKEN',
  agentToken: 'AGENT_TOKEN',
  directLineSecret: 'DIRECT_LINE_SECRET',
  tokenSigningKey: 'TOKEN_SIGNING_KEY',
};

/** Shows just enough of a secret to tell which one it is. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

/**
 * The API tokens and Direct Line keys: from the configuration when set there, else from `DATA_DIR/secrets.json`,
 * else generated now and saved there (mode 0600, written atomically) so they survive restarts.
 */
export function loadSecrets(dataDir: string, configured: Partial<Record<SecretName, string>>): Secrets {
  const file = join(dataDir, 'secrets.json');
  const stored = existsSync(file) ? SecretsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
  const next = { ...stored };
  const generated: SecretName[] = [];
  for (const name of NAMES) {
    if (configured[name] || next[name]) continue;
    next[name] = PREFIX[name] + randomBytes(name === 'tokenSigningKey' ? 32 : 24).toString('base64url');
    generated.push(name);
  }
  if (generated.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
    chmodSync(file, 0o600);
  }
  const value = (name: SecretName): string => configured[name] || next[name]!;
  return {
    adminToken: value('adminToken'),
    agentToken: value('agentToken'),
    directLineSecret: value('directLineSecret'),
    tokenSigningKey: value('tokenSigningKey'),
    generated,
  };
}
