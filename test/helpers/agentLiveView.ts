import { expect } from 'chai';
import { until } from './until.js';

/** An agent's live view (`GET /api/agent/events`, SSE) as a test holds it: every event received, in order. */
export class AgentLiveView {
  readonly events: Array<{ event: string; data: Record<string, unknown> }> = [];
  private readonly controller = new AbortController();

  constructor(private readonly agentToken: string) {}

  /** Connects and resolves once the server's `hello` has arrived. */
  async open(base: string): Promise<void> {
    const res = await fetch(`${base}/api/agent/events?access_token=${this.agentToken}`, { signal: this.controller.signal });
    expect(res.status).to.equal(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/mu.exec(block)?.[1];
          const data = /^data: (.+)$/mu.exec(block)?.[1];
          if (event && data) this.events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
        }
      }
    })();
    await until(() => this.events.some((e) => e.event === 'hello'), 5000, 'the live view\'s hello arrives');
  }

  close(): void {
    this.controller.abort();
  }
}
