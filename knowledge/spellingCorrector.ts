/**
 * Corrects English misspellings against the words the knowledge base actually uses, by
 * symmetric deletion (SymSpell at distance 1): "recieve", "adress" and "shiping" meet "receive",
 * "address" and "shipping" through a shared one-letter deletion. Lookups cost a handful of map
 * reads whatever the vocabulary size.
 */
export class SpellingCorrector {
  private readonly counts = new Map<string, number>();
  private readonly byDeletion = new Map<string, Set<string>>();

  /**
   * @param minLength Words shorter than this are never corrected: too many real words lie one
   *   letter apart.
   * @param isWord Words of the language that are never corrected, though the vocabulary lacks them.
   */
  constructor(
    private readonly minLength = 4,
    private readonly isWord: (word: string) => boolean = () => false,
  ) {}

  add(word: string): void {
    const count = this.counts.get(word) ?? 0;
    this.counts.set(word, count + 1);
    if (count > 0 || word.length < this.minLength) return;
    for (const key of [word, ...deletions(word)]) {
      let set = this.byDeletion.get(key);
      if (!set) this.byDeletion.set(key, (set = new Set()));
      set.add(word);
    }
  }

  remove(word: string): void {
    const count = this.counts.get(word) ?? 0;
    if (count <= 1) this.counts.delete(word);
    else this.counts.set(word, count - 1);
  }

  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The known word closest to `word` (the most used one on a tie), or `word` itself. */
  correct(word: string): string {
    if (word.length < this.minLength || this.counts.has(word) || /\d/u.test(word) || this.isWord(word)) return word;
    let best = word;
    let bestCount = 0;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of this.byDeletion.get(key) ?? []) {
        const count = this.counts.get(candidate) ?? 0;
        if (count > bestCount && withinOneEdit(word, candidate)) {
          best = candidate;
          bestCount = count;
        }
      }
    }
    return best;
  }
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Damerau-Levenshtein distance <= 1 (one insertion, deletion, substitution or transposition). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
