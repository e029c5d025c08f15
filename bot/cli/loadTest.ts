/**
 * `npm run loadtest`: FAQ and handoff traffic against one bot instance, then against two
 * instances on the same PostgreSQL database (requests spread round-robin, as a load balancer
 * would), printing turns per second and latency percentiles side by side.
 *
 * Needs PostgreSQL: `LOADTEST_DATABASE_URL` (default the local service,
 * postgres://postgres@127.0.0.1:5432/test); each run works in a schema of its own, dropped after.
 * Options: `--turns N` (FAQ turns per run, default 2000), `--handoffs N` (default 300),
 * `--concurrency N` (simultaneous customers, default 32).
 *
 * A turn is one customer message posted to /api/messages, timed until the bot has answered it
 * (the channel's reply arrives before the POST completes). All processes share this machine's
 * cores, so the two-instance figure shows what a second process adds here, not on two hosts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { z } from 'zod';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASE_URL = process.env.LOADTEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return z.coerce.number().int().min(1).parse(i >= 0 ? process.argv[i + 1] : fallback);
};
const TURNS = arg('--turns', 2000);
const HANDOFFS = arg('--handoffs', 300);
const CONCURRENCY = arg('--concurrency', 32);
const QUESTIONS = ['退款多久到账', '怎么查物流', '发票怎么开', '可以改地址吗', 'how do I track my package', 'how long does a refund take', '支持花呗分期吗', '七天无理由退货怎么退'];

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Takes the bot's replies, as a fast channel would. */
async function startChannel(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: randomBytes(4).toString('hex') }));
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function startInstance(databaseUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', 'bot/index.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn', DATA_DIR: `/tmp/loadtest-${port}`, AGENT_HOURS: '00:00-24:00' },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`instance on port ${port} exited with ${child.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`instance on port ${port} not healthy within 60 s`);
}

interface Run {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

/** Posts `count` turns, `CONCURRENCY` at a time, round-robin over the instances. */
async function drive(bases: readonly string[], channelUrl: string, count: number, text: (i: number) => string, conversation: (i: number) => string): Promise<Run> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const body = JSON.stringify({
        type: 'message', id: `lt-${i}-${randomBytes(3).toString('hex')}`, channelId: 'emulator', serviceUrl: channelUrl,
        conversation: { id: conversation(i) }, from: { id: `u-${conversation(i)}` }, recipient: { id: 'bot' }, text: text(i),
      });
      const t = performance.now();
      const res = await fetch(`${bases[i % bases.length]!}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).catch(() => undefined);
      await res?.arrayBuffer();
      latencies.push(performance.now() - t);
      if (res?.status !== 200) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((x, y) => x - y);
  const at = (p: number): number => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? 0;
  return { perSecond: count / seconds, p50: at(50), p99: at(99), errors };
}

async function measure(instances: number, channelUrl: string): Promise<{ faq: Run; handoff: Run }> {
  const schema = `loadtest_${randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(BASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const children: ChildProcess[] = [];
  try {
    const ports = Array.from({ length: instances }, (_, i) => 4100 + instances * 10 + i);
    // One at a time: the first migrates and seeds the schema.
    for (const port of ports) children.push(await startInstance(url.toString(), port));
    const bases = ports.map((p) => `http://127.0.0.1:${p}`);
    await drive(bases, channelUrl, CONCURRENCY * 4, (i) => QUESTIONS[i % QUESTIONS.length]!, (i) => `warm-${i}`);
    const faq = await drive(bases, channelUrl, TURNS, (i) => QUESTIONS[i % QUESTIONS.length]!, (i) => `faq-${i % 500}`);
    const handoff = await drive(bases, channelUrl, HANDOFFS, () => '转人工', (i) => `handoff-${i}`);
    return { faq, handoff };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await admin((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)).catch(() => undefined);
  }
}

const fmt = (n: number, digits = 1): string => n.toFixed(digits).padStart(8);
const channel = await startChannel();
try {
  await admin((c) => c.query('SELECT 1')).catch((err: unknown) => {
    throw new Error(`loadtest needs PostgreSQL at ${BASE_URL} (set LOADTEST_DATABASE_URL): ${(err as Error).message}`);
  });
  process.stdout.write(`load test: ${TURNS} FAQ turns, ${HANDOFFS} handoff turns, ${CONCURRENCY} concurrent customers\n`);
  const one = await measure(1, channel.url);
  const two = await measure(2, channel.url);
  process.stdout.write('\ntraffic    instances   turns/s    p50 ms    p99 ms   errors\n');
  for (const [name, key] of [['FAQ', 'faq'], ['handoff', 'handoff']] as const) {
    for (const [n, r] of [[1, one[key]], [2, two[key]]] as const) {
      process.stdout.write(`${name.padEnd(10)} ${String(n).padStart(9)} ${fmt(r.perSecond)}  ${fmt(r.p50)}  ${fmt(r.p99)} ${String(r.errors).padStart(8)}\n`);
    }
    process.stdout.write(`${name.padEnd(10)} two vs one: ${(two[key].perSecond / one[key].perSecond).toFixed(2)}x turns/s, p99 ${(two[key].p99 / one[key].p99).toFixed(2)}x\n`);
  }
} finally {
  channel.server.close();
}
