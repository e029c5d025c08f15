import { resolve } from 'node:path';
import { z } from 'zod';
import { TIERS, type Tier } from '../scripts/triageTypes.js';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const secret = z.string().min(16, 'must be at least 16 characters').optional();
const blankAsUnset = (v: unknown): unknown => (v === '' ? undefined : v);

/** Every setting the bot reads from the environment; `.env.example` documents each one. */
const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    HOST: z.string().default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/u, 'must start with sqlite: or postgres://')
      .optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ADMIN_TOKEN: z.preprocess(blankAsUnset, secret),
    AGENT_TOKEN: z.preprocess(blankAsUnset, secret),
    MicrosoftAppId: z.preprocess(blankAsUnset, z.string().optional()),
    MicrosoftAppPassword: z.preprocess(blankAsUnset, z.string().optional()),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.preprocess(blankAsUnset, z.string().optional()),
    ALLOW_UNAUTHENTICATED_CHANNEL: flag,
    REPLY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    DIRECT_LINE_SECRET: secret,
    TOKEN_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    DIRECT_LINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(1800),
    CHAT_TOKEN_ENDPOINT: z.enum(['true', 'false', '1', '0', 'yes', 'no']).default('true').transform((v) => v === 'true' || v === '1' || v === 'yes'),
    CHAT_TOKEN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
    AGENT_HOURS: z.string().regex(/^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/u, 'must look like 09:00-24:00').default('09:00-24:00'),
    AGENT_TIMEZONE: z
      .string()
      .default('Asia/Shanghai')
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'must be an IANA time zone such as Asia/Shanghai'),
    VIP_MIN_TIER: z.enum(TIERS).default('gold'),
    VIP_MIN_LIFETIME_VALUE: z.coerce.number().min(0).default(10_000),
    TRUSTED_IDENTITY_CHANNELS: z.string().default('msteams').transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean)),
    HANDOFF_EVENT_CHANNELS: z.string().default('omnichannel').transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean)),
    NPS_SURVEY: flag,
    TEAMS_AGENT_CHANNEL_ID: z.string().regex(/^19:\S+$/u, 'must be a Teams channel id such as 19:…@thread.tacv2').optional(),
    TEAMS_SERVICE_URL: z.url({ protocol: /^https?$/u, error: 'must be an http(s) URL' }).default('https://smba.trafficmanager.net/teams/'),
    TEAMS_TENANT_ID: z.string().optional(),
  });

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string;
  readonly logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  readonly adminToken?: string;
  readonly agentToken?: string;
  /** Bot Framework registration; absent means local (Emulator) mode. */
  readonly microsoftApp?: { readonly id: string; readonly password?: string; readonly type: string; readonly tenantId?: string };
  readonly allowUnauthenticatedChannel: boolean;
  readonly replyTimeoutMs: number;
  readonly directLineSecret?: string;
  readonly tokenSigningKey?: string;
  readonly directLineTokenTtlSeconds: number;
  /** Whether the built-in chat page may mint anonymous visitor tokens (`POST /api/chat/token`). */
  readonly chatTokenEndpoint: boolean;
  readonly chatTokenRatePerMinute: number;
  readonly agentHours: string;
  readonly agentTimeZone: string;
  readonly vipPolicy: { readonly minTier: Tier; readonly minLifetimeValue: number };
  /** Channels whose user ids are authenticated, so the customer directory may be trusted for them. */
  readonly trustedIdentityChannels: readonly string[];
  /** Channels that also get Bot Framework's `handoff.initiate` event. */
  readonly handoffEventChannels: readonly string[];
  /** After the 1-5 rating of a closed handoff, also ask the 0-10 "would you recommend us". */
  readonly npsSurvey: boolean;
  /** The agents' Teams channel handoff cards go to; else the team the bot is installed in. */
  readonly teamsAgentChannel?: { readonly channelId: string; readonly serviceUrl: string; readonly tenantId?: string };
}

export type ConfigResult = { readonly ok: true; readonly config: Config } | { readonly ok: false; readonly errors: string[] };

/** Reads and validates the configuration; errors name the variable and what is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ConfigResult {
  // A variable set to the empty string (`PORT=` in a .env file) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(given);
  const errors = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
  if (given.MicrosoftAppPassword && !given.MicrosoftAppId) errors.push('MicrosoftAppId: is required when MicrosoftAppPassword is set');
  if (!parsed.success || errors.length > 0) return { ok: false, errors };
  const e = parsed.data;
  const dataDir = resolve(cwd, e.DATA_DIR);
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir,
      databaseUrl: e.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'bot.db')}`,
      logLevel: e.LOG_LEVEL,
      ...(e.ADMIN_TOKEN ? { adminToken: e.ADMIN_TOKEN } : {}),
      ...(e.AGENT_TOKEN ? { agentToken: e.AGENT_TOKEN } : {}),
      ...(e.MicrosoftAppId
        ? {
            microsoftApp: {
              id: e.MicrosoftAppId,
              type: e.MicrosoftAppType,
              ...(e.MicrosoftAppPassword ? { password: e.MicrosoftAppPassword } : {}),
              ...(e.MicrosoftAppTenantId ? { tenantId: e.MicrosoftAppTenantId } : {}),
            },
          }
        : {}),
      allowUnauthenticatedChannel: e.ALLOW_UNAUTHENTICATED_CHANNEL,
      replyTimeoutMs: e.REPLY_TIMEOUT_MS,
      ...(e.DIRECT_LINE_SECRET ? { directLineSecret: e.DIRECT_LINE_SECRET } : {}),
      ...(e.TOKEN_SIGNING_KEY ? { tokenSigningKey: e.TOKEN_SIGNING_KEY } : {}),
      directLineTokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
      chatTokenEndpoint: e.CHAT_TOKEN_ENDPOINT,
      chatTokenRatePerMinute: e.CHAT_TOKEN_RATE_PER_MINUTE,
      agentHours: e.AGENT_HOURS,
      agentTimeZone: e.AGENT_TIMEZONE,
      vipPolicy: { minTier: e.VIP_MIN_TIER, minLifetimeValue: e.VIP_MIN_LIFETIME_VALUE },
      handoffEventChannels: e.HANDOFF_EVENT_CHANNELS,
      trustedIdentityChannels: e.TRUSTED_IDENTITY_CHANNELS,
      npsSurvey: e.NPS_SURVEY,
      ...(e.TEAMS_AGENT_CHANNEL_ID
        ? { teamsAgentChannel: { channelId: e.TEAMS_AGENT_CHANNEL_ID, serviceUrl: e.TEAMS_SERVICE_URL, ...(e.TEAMS_TENANT_ID ? { tenantId: e.TEAMS_TENANT_ID } : {}) } }
        : {}),
    },
  };
}
