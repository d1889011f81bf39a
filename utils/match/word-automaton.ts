/**
 * Aho–Corasick over words: finds every alias (a sequence of words) in one pass over a page's
 * words. Working on words rather than characters keeps the automaton small (one state per
 * alias word), so a KB of 10,000 entities builds and runs about as fast as one of 200, and a
 * word that appears in no alias resets the search at once.
 */
export interface WordHit {
  /** Index of the pattern in the constructor's list. */
  pattern: number;
  /** First and last word index of the occurrence. */
  first: number;
  last: number;
}

export class WordAutomaton {
  /** Transitions keyed by `state * stride + wordId`. */
  private readonly edges = new Map<number, number>();
  /** The root's transitions by word id (0: none), read directly: most page words are read at the root. */
  private readonly root: Int32Array;
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly lengths: number[];
  private readonly stride: number;

  /** @param patterns word-id sequences; @param vocabularySize ids are below this */
  constructor(patterns: readonly (readonly number[])[], vocabularySize: number) {
    this.stride = vocabularySize + 1;
    this.root = new Int32Array(this.stride);
    this.lengths = patterns.map((p) => p.length);
    const children: number[][] = [[]];
    patterns.forEach((words, index) => {
      if (!words.length) return;
      let state = 0;
      for (const w of words) {
        const key = state * this.stride + w;
        let next = this.edges.get(key);
        if (next === undefined) {
          next = this.fail.length;
          this.fail.push(0);
          this.out.push([]);
          children.push([]);
          this.edges.set(key, next);
          if (state === 0) this.root[w] = next;
          children[state]!.push(w);
        }
        state = next;
      }
      this.out[state]!.push(index);
    });
    this.link(children);
  }

  private link(children: number[][]): void {
    const queue: number[] = [];
    for (const w of children[0]!) queue.push(this.edges.get(w)!);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const w of children[state]!) {
        const to = this.edges.get(state * this.stride + w)!;
        queue.push(to);
        let f = this.fail[state]!;
        let target = this.edges.get(f * this.stride + w);
        while (target === undefined && f !== 0) {
          f = this.fail[f]!;
          target = this.edges.get(f * this.stride + w);
        }
        this.fail[to] = target ?? 0;
        const inherited = this.out[this.fail[to]!]!;
        if (inherited.length) this.out[to] = this.out[to]!.concat(inherited);
      }
    }
  }

  /** The state after reading word `id` in `state`, following failure links. */
  private next(state: number, id: number): number {
    for (;;) {
      if (state === 0) return this.root[id] ?? 0;
      const next = this.edges.get(state * this.stride + id);
      if (next !== undefined) return next;
      state = this.fail[state]!;
    }
  }

  /**
   * Every occurrence in words [from, to). `joinable[k]` says whether a pattern may run on from
   * word k to word k + 1; where it may not, the search restarts.
   */
  search(ids: Int32Array, joinable: Uint8Array, from = 0, to = ids.length): WordHit[] {
    const hits: WordHit[] = [];
    let state = 0;
    for (let k = from; k < to; k++) {
      if (k > from && joinable[k - 1] === 0) state = 0;
      const id = ids[k]!;
      if (id < 0) {
        state = 0;
        continue;
      }
      state = this.next(state, id);
      const found = this.out[state]!;
      for (let j = 0; j < found.length; j++) {
        const pattern = found[j]!;
        hits.push({ pattern, first: k - this.lengths[pattern]! + 1, last: k });
      }
    }
    return hits;
  }
}
