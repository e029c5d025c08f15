/** A hit of one pattern in a text: `end` is exclusive. */
export interface PatternHit<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

interface Node<T> {
  readonly next: Map<string, number>;
  fail: number;
  /** Patterns ending here, with their lengths (in UTF-16 code units). */
  readonly out: Array<{ length: number; value: T }>;
}

/**
 * Aho-Corasick automaton: finds every occurrence of every pattern in one pass over the text,
 * whatever the number of patterns.
 */
export class AhoCorasick<T> {
  private readonly nodes: Array<Node<T>> = [{ next: new Map(), fail: 0, out: [] }];

  constructor(patterns: Iterable<readonly [string, T]>) {
    for (const [pattern, value] of patterns) this.add(pattern, value);
    this.link();
  }

  /** Every occurrence, in order of end position (then longest first). */
  findAll(text: string): Array<PatternHit<T>> {
    const hits: Array<PatternHit<T>> = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.step(state, text.charAt(i));
      for (const { length, value } of this.node(state).out) hits.push({ start: i + 1 - length, end: i + 1, value });
    }
    return hits;
  }

  private add(pattern: string, value: T): void {
    if (pattern.length === 0) throw new Error('AhoCorasick.add: empty pattern');
    let state = 0;
    for (const ch of pattern.split('')) {
      let next = this.node(state).next.get(ch);
      if (next === undefined) {
        next = this.nodes.push({ next: new Map(), fail: 0, out: [] }) - 1;
        this.node(state).next.set(ch, next);
      }
      state = next;
    }
    this.node(state).out.push({ length: pattern.length, value });
  }

  private link(): void {
    const queue = [...this.node(0).next.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [ch, child] of this.node(state).next) {
        queue.push(child);
        const fail = this.step(this.node(state).fail, ch, child);
        this.node(child).fail = fail;
        this.node(child).out.push(...this.node(fail).out.filter((o) => !this.node(child).out.includes(o)));
      }
      this.node(state).out.sort((a, b) => b.length - a.length);
    }
  }

  /** The goto/fail transition; `self` guards a root child from failing to itself. */
  private step(state: number, ch: string, self?: number): number {
    for (let s = state; ; s = this.node(s).fail) {
      const next = this.node(s).next.get(ch);
      if (next !== undefined && next !== self) return next;
      if (s === 0) return 0;
    }
  }

  private node(state: number): Node<T> {
    const node = this.nodes[state];
    if (!node) throw new Error(`AhoCorasick.node: no state ${state}`);
    return node;
  }
}
