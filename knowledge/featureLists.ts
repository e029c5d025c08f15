/** Where a list lies in `FeatureLists`. */
export interface ListSpan {
  readonly start: number;
  readonly length: number;
}

/**
 * Ascending feature-id lists, each id with a weight, for many texts, packed end to end in two
 * growable typed arrays. A pair of typed arrays per text costs more in headers (some 350 bytes)
 * than in data at 100k entries; packed, a list costs its 8 bytes an id.
 */
export class FeatureLists {
  private ids = new Int32Array(1024);
  private weights = new Float32Array(1024);
  private end = 0;

  /** Appends a list (ids ascending); returns where it lies. */
  add(ids: ArrayLike<number>, weights: ArrayLike<number>): ListSpan {
    if (ids.length !== weights.length) throw new Error('FeatureLists.add: ids and weights differ in length');
    this.reserve(ids.length);
    const start = this.end;
    for (let i = 0; i < ids.length; i++) {
      this.ids[start + i] = ids[i]!;
      this.weights[start + i] = weights[i]!;
    }
    this.end += ids.length;
    return { start, length: ids.length };
  }

  /** The ids of a list, as a view (valid until the next `add` or `compact`). */
  idsOf(span: ListSpan): Int32Array {
    return this.ids.subarray(span.start, span.start + span.length);
  }

  /** The sum over a list of each weight times `factor` of its id (no allocation: runs per scored text). */
  weightedSum(span: ListSpan, factor: (id: number) => number): number {
    let sum = 0;
    for (let i = span.start; i < span.start + span.length; i++) sum += this.weights[i]! * factor(this.ids[i]!);
    return sum;
  }

  /** Whether a list holds an id (binary search). */
  has(span: ListSpan, id: number): boolean {
    return search(this.ids, span.start, span.length, id);
  }

  /** Keeps only the given lists, packed anew in their order; returns where each now lies. */
  compact(keep: readonly ListSpan[]): ListSpan[] {
    const size = keep.reduce((n, s) => n + s.length, 0);
    const ids = new Int32Array(Math.max(1024, size * 2));
    const weights = new Float32Array(ids.length);
    let at = 0;
    const spans = keep.map((span) => {
      ids.set(this.idsOf(span), at);
      weights.set(this.weightsOf(span), at);
      at += span.length;
      return { start: at - span.length, length: span.length };
    });
    [this.ids, this.weights, this.end] = [ids, weights, at];
    return spans;
  }

  private weightsOf(span: ListSpan): Float32Array {
    return this.weights.subarray(span.start, span.start + span.length);
  }

  private reserve(n: number): void {
    if (this.end + n <= this.ids.length) return;
    const capacity = Math.max(this.ids.length * 2, this.end + n);
    const ids = new Int32Array(capacity);
    ids.set(this.ids.subarray(0, this.end));
    const weights = new Float32Array(capacity);
    weights.set(this.weights.subarray(0, this.end));
    [this.ids, this.weights] = [ids, weights];
  }
}

/** The distinct ids of some lists, ascending. */
export function sortedUnion(lists: readonly Int32Array[]): Int32Array {
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.slice(0, n);
}

/** Whether an ascending list holds an id (binary search). */
export function sortedHas(sorted: Int32Array, id: number): boolean {
  return search(sorted, 0, sorted.length, id);
}

function search(ids: Int32Array, start: number, length: number, id: number): boolean {
  let lo = start;
  let hi = start + length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = ids[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
