/**
 * `npm run chat`: talk to a running bot from the terminal over its Direct Line endpoint, the
 * same path the web chat page uses. For admins checking answers.
 *
 *   npm run chat                      # the bot at http://localhost:3978
 *   npm run chat -- --url http://host:3978 --lang en-US
 *
 * Buttons the bot offers are listed with numbers; type the number to press one.
 */
import { createInterface } from 'node:readline/promises';
import { stdin, stdout } from 'node:process';
import WebSocket from 'ws';

interface Action {
  title: string;
  type: string;
  value?: unknown;
  text?: string;
}
interface ChatActivity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  suggestedActions?: { actions: Action[] };
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const base = (arg('url') ?? process.env.BOT_URL ?? 'http://localhost:3978').replace(/\/$/u, '');
const locale = arg('lang') ?? 'zh-CN';

async function call<T>(path: string, token: string | undefined, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const session = await call<{ token: string; userId: string }>('/api/chat/token', undefined, { locale }).catch((err: unknown) => {
  console.error(`Cannot reach the bot at ${base}: ${(err as Error).message}`);
  process.exit(1);
});
const conversation = await call<{ conversationId: string; streamUrl: string }>('/v3/directline/conversations', session.token, { locale });
let offered: Action[] = [];

const ws = new WebSocket(conversation.streamUrl);
ws.on('message', (data: Buffer) => {
  if (data.length === 0) return;
  const group = JSON.parse(data.toString('utf8')) as { activities: ChatActivity[] };
  for (const a of group.activities) {
    if (a.type !== 'message' || a.from.id === session.userId) continue;
    console.log(`\n🤖 ${a.text ?? ''}`);
    offered = a.suggestedActions?.actions ?? [];
    offered.forEach((action, i) => console.log(`   [${i + 1}] ${action.title}`));
  }
  rl.prompt();
});
ws.on('close', () => {
  console.log('\n(connection closed)');
  process.exit(0);
});

const rl = createInterface({ input: stdin, output: stdout, prompt: '> ' });
console.log(`Chatting with ${base} (conversation ${conversation.conversationId}); Ctrl+C to quit.`);
for await (const line of rl) {
  const text = line.trim();
  if (!text) {
    rl.prompt();
    continue;
  }
  const picked = /^\d+$/u.test(text) ? offered[Number(text) - 1] : undefined;
  const activity = picked
    ? { type: 'message', text: picked.text ?? (typeof picked.value === 'string' ? picked.value : picked.title), ...(picked.type === 'messageBack' ? { value: picked.value } : {}), locale }
    : { type: 'message', text, locale };
  await call(`/v3/directline/conversations/${conversation.conversationId}/activities`, session.token, activity);
}
ws.close();
