/**
 * Aho–Corasick automaton: finds every occurrence of every pattern in one pass over the text,
 * so the cost of scanning a page does not grow with the number of aliases in the KB.
 * Patterns and text are expected to be normalised (see normalize.ts) before they get here.
 */
export interface PatternHit {
  /** Index of the pattern in the list given to the constructor. */
  pattern: number;
  /** Offset of the first character of the occurrence. */
  start: number;
  /** Offset just after the last character. */
  end: number;
}

export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns ending at each state, including those reached through failure links. */
  private readonly out: number[][] = [[]];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      if (!pattern) return;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let to = this.next[state]!.get(code);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.next[state]!.set(code, to);
        }
        state = to;
      }
      this.out[state]!.push(index);
    });
    this.buildFailureLinks();
  }

  private buildFailureLinks(): void {
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [code, to] of this.next[state]!) {
        queue.push(to);
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        const inherited = this.out[this.fail[to]!]!;
        if (inherited.length) this.out[to] = this.out[to]!.concat(inherited);
      }
    }
  }

  search(text: string): PatternHit[] {
    const hits: PatternHit[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let to = this.next[state]!.get(code);
      while (to === undefined && state !== 0) {
        state = this.fail[state]!;
        to = this.next[state]!.get(code);
      }
      state = to ?? 0;
      const found = this.out[state]!;
      for (let k = 0; k < found.length; k++) {
        const pattern = found[k]!;
        hits.push({ pattern, start: i + 1 - this.lengths[pattern]!, end: i + 1 });
      }
    }
    return hits;
  }
}
