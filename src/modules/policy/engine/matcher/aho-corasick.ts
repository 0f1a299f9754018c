/**
 * An Aho–Corasick automaton over code points, built once per policy. Goto edges live in one open-addressing
 * hash table (the alphabet of Hangul and Latin term lists is too large for a dense table per state);
 * the root has a dense row because most steps after a mismatch land there.
 *
 * `step` feeds one code point and returns the new state; `firstPattern` / `nextPattern` walk the patterns
 * that end in a state (including those reached through dictionary-suffix links).
 */
export class AhoCorasick {
  private readonly symbolOfBmp: Int32Array;
  private readonly symbolOfAstral: Map<number, number>;
  private readonly rootGoto: Int32Array;
  private readonly hashState: Int32Array;
  private readonly hashSymbol: Int32Array;
  private readonly hashTarget: Int32Array;
  private readonly hashMask: number;
  private readonly fail: Int32Array;
  /** First pattern ending exactly at a state, or -1. */
  private readonly ownPattern: Int32Array;
  /** Nearest state on the failure chain with its own pattern, or -1. */
  private readonly outputLink: Int32Array;
  /** Further patterns with the same code points as the one before, or -1. */
  private readonly samePatternNext: Int32Array;

  readonly patternLengths: Int32Array;

  constructor(patterns: readonly Int32Array[]) {
    const symbolOfBmp = new Int32Array(0x10000).fill(-1);
    const symbolOfAstral = new Map<number, number>();
    let alphabetSize = 0;
    const symbolFor = (c: number): number => {
      if (c < 0x10000) {
        if (symbolOfBmp[c]! < 0) symbolOfBmp[c] = alphabetSize++;
        return symbolOfBmp[c]!;
      }
      let s = symbolOfAstral.get(c);
      if (s === undefined) {
        s = alphabetSize++;
        symbolOfAstral.set(c, s);
      }
      return s;
    };

    // Build the trie with Maps (construction only), then freeze it into flat arrays.
    const children: Map<number, number>[] = [new Map<number, number>()];
    const own: number[] = [-1];
    const samePatternNext = new Int32Array(patterns.length).fill(-1);
    this.patternLengths = new Int32Array(patterns.length);
    patterns.forEach((pattern, id) => {
      this.patternLengths[id] = pattern.length;
      let state = 0;
      for (const c of pattern) {
        const symbol = symbolFor(c);
        let next = children[state]!.get(symbol);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push(-1);
          children[state]!.set(symbol, next);
        }
        state = next;
      }
      if (pattern.length === 0) return;
      samePatternNext[id] = own[state]!;
      own[state] = id;
    });

    const stateCount = children.length;
    let edgeCount = 0;
    for (const map of children) edgeCount += map.size;
    let tableSize = 16;
    while (tableSize < edgeCount * 2) tableSize *= 2;
    this.hashMask = tableSize - 1;
    this.hashState = new Int32Array(tableSize).fill(-1);
    this.hashSymbol = new Int32Array(tableSize);
    this.hashTarget = new Int32Array(tableSize);
    this.rootGoto = new Int32Array(Math.max(alphabetSize, 1));
    children.forEach((map, state) => {
      for (const [symbol, target] of map) {
        if (state === 0) this.rootGoto[symbol] = target;
        else this.insertEdge(state, symbol, target);
      }
    });

    this.fail = new Int32Array(stateCount);
    this.ownPattern = Int32Array.from(own);
    this.outputLink = new Int32Array(stateCount).fill(-1);
    const queue = new Int32Array(stateCount);
    let head = 0;
    let tail = 0;
    for (const target of children[0]!.values()) queue[tail++] = target;
    while (head < tail) {
      const state = queue[head++]!;
      const failure = this.fail[state]!;
      this.outputLink[state] = this.ownPattern[failure]! >= 0 ? failure : this.outputLink[failure]!;
      for (const [symbol, target] of children[state]!) {
        let f = failure;
        let next = this.transition(f, symbol);
        while (next < 0 && f !== 0) {
          f = this.fail[f]!;
          next = this.transition(f, symbol);
        }
        this.fail[target] = next > 0 && next !== target ? next : 0;
        queue[tail++] = target;
      }
    }
    this.symbolOfBmp = symbolOfBmp;
    this.symbolOfAstral = symbolOfAstral;
    this.samePatternNext = samePatternNext;
  }

  symbolOf(c: number): number {
    return c < 0x10000 ? this.symbolOfBmp[c]! : (this.symbolOfAstral.get(c) ?? -1);
  }

  /** The state after reading symbol `symbol` (from `symbolOf`; -1 for a code point in no pattern). */
  step(state: number, symbol: number): number {
    if (symbol < 0) return 0;
    let s = state;
    while (s !== 0) {
      const next = this.lookup(s, symbol);
      if (next >= 0) return next;
      s = this.fail[s]!;
    }
    return this.rootGoto[symbol]!;
  }

  /** A state whose patterns (own or by suffix) end here, starting the walk: own state or its output link. */
  firstOutputState(state: number): number {
    return this.ownPattern[state]! >= 0 ? state : this.outputLink[state]!;
  }

  nextOutputState(state: number): number {
    return this.outputLink[state]!;
  }

  patternsAt(state: number): number {
    return this.ownPattern[state]!;
  }

  nextSamePattern(pattern: number): number {
    return this.samePatternNext[pattern]!;
  }

  private transition(state: number, symbol: number): number {
    return state === 0 ? this.rootGoto[symbol]! || -1 : this.lookup(state, symbol);
  }

  private slot(state: number, symbol: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(symbol, 0x85ebca6b)) & this.hashMask;
  }

  private insertEdge(state: number, symbol: number, target: number): void {
    let i = this.slot(state, symbol);
    while (this.hashState[i]! >= 0) i = (i + 1) & this.hashMask;
    this.hashState[i] = state;
    this.hashSymbol[i] = symbol;
    this.hashTarget[i] = target;
  }

  private lookup(state: number, symbol: number): number {
    let i = this.slot(state, symbol);
    for (;;) {
      const s = this.hashState[i]!;
      if (s < 0) return -1;
      if (s === state && this.hashSymbol[i] === symbol) return this.hashTarget[i]!;
      i = (i + 1) & this.hashMask;
    }
  }
}
