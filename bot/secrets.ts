import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const SecretsFileSchema = z.object({ adminToken: z.string().min(16).optional(), agentToken: z.string().min(16).optional() });
export type SecretName = keyof z.infer<typeof SecretsFileSchema>;

export interface Secrets {
  readonly adminToken: string;
  readonly agentToken: string;
  /** Names of the secrets created by this call (to show once, in full). */
  readonly generated: SecretName[];
}

const PREFIX: Record<SecretName, string> = { adminToken: 'adm_', agentToken: 'agt_' };

/** Shows just enough of a secret to tell which one it is. */
export function maskSecret(secret: string): string {
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

/**
 * The API tokens: from the configuration when set there, else from `DATA_DIR/secrets.json`,
 * else generated now and saved there (mode 0600, written atomically) so they survive restarts.
 */
export function loadSecrets(dataDir: string, configured: Partial<Record<SecretName, string>>): Secrets {
  const file = join(dataDir, 'secrets.json');
  const stored = existsSync(file) ? SecretsFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : {};
  const next = { ...stored };
  const generated: SecretName[] = [];
  for (const name of ['adminToken', 'agentToken'] as const) {
    if (configured[name] || next[name]) continue;
    next[name] = PREFIX[name] + randomBytes(24).toString('base64url');
    generated.push(name);
  }
  if (generated.length > 0) {
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
    chmodSync(file, 0o600);
  }
  return {
    adminToken: configured.adminToken || next.adminToken!,
    agentToken: configured.agentToken || next.agentToken!,
    generated,
  };
}
