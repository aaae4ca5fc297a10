import { has, pairBits, pairHash, pairHash2, setBit } from './pair-bits.js';

/**
 * Which positions of a text may start a word: a one-unit word, or a word's first two units by hash.
 * Both sets are bits, 8 KB each, which stay in the first-level cache: as byte tables of 64 KB the
 * pass over the text cost a cache miss per character.
 */
export class StartFilter {
  readonly single = new Int32Array(0x10000 >>> 5);
  readonly pair = pairBits();
  /** The pairs by the second hash: tested only where the first passes, it turns back most of its collisions. */
  readonly pair2 = pairBits();

  /** Whether this added a position the filter did not pass before. */
  addSingle(a: number): boolean {
    return setBit(this.single, a);
  }

  /** Whether this added a position the filter did not pass before. */
  addPair(a: number, b: number): boolean {
    const first = setBit(this.pair, pairHash(a, b));
    const second = setBit(this.pair2, pairHash2(a, b));
    return first || second;
  }

  add(word: string): boolean {
    return word.length === 1 ? this.addSingle(word.charCodeAt(0)) : this.addPair(word.charCodeAt(0), word.charCodeAt(1));
  }

  passes(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    if (has(this.single, c)) return true;
    const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    return has(this.pair, pairHash(c, d)) && has(this.pair2, pairHash2(c, d));
  }
}

/**
 * Filters whose positions are found together, in one pass over a text: the word tries' union and
 * the signal scan of web-residue each walked every character of every document, at about 3 ns a
 * character. With two members (the built-in rules) each is tested directly (passTwo); with other
 * counts, the union of the members first and each member only where that passes. The positions of
 * the last text are kept: the rules that use them run one after another on one document.
 */
class SharedPass {
  readonly any = new StartFilter();
  readonly members: SharedFilter[] = [];
  version = 0;
  private last: { text: string; version: number; positions: number[][] } | undefined;

  positions(text: string, member: number): number[] {
    if (this.last?.version !== this.version || this.last.text !== text) this.last = { text, version: this.version, positions: this.pass(text) };
    return this.last.positions[member];
  }

  private pass(text: string): number[][] {
    const members = this.members;
    return members.length === 2 ? passTwo(text, this.any, members[0], members[1]) : this.passMany(text);
  }

  private passMany(text: string): number[][] {
    const { single, pair, pair2 } = this.any;
    const members = this.members;
    const out = members.map((): number[] => []);
    const n = text.length;
    let c = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i < n; i++) {
      const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if ((has(pair, pairHash(c, d)) && has(pair2, pairHash2(c, d))) || has(single, c)) {
        for (let k = 0; k < members.length; k++) if (members[k].passesPair(c, d)) out[k].push(i);
      }
      c = d;
    }
    return out;
  }
}

/**
 * The pass for two members, the built-in rules' case (the word tries' union and web-residue's
 * signals): each pair is hashed once and tested against the union's bits, and where that passes
 * against each member's bits directly. A third of the time of the general pass, which tests each
 * member through a call; the union's test first rejects the nineteen positions in twenty that
 * start nothing with two loads instead of four.
 */
function passTwo(text: string, any: StartFilter, a: StartFilter, b: StartFilter): number[][] {
  const { single, pair } = any;
  const { single: aSingle, pair: aPair, pair2: aPair2 } = a;
  const { single: bSingle, pair: bPair, pair2: bPair2 } = b;
  const outA: number[] = [];
  const outB: number[] = [];
  const n = text.length;
  let c = n > 0 ? text.charCodeAt(0) : 0;
  for (let i = 0; i < n; i++) {
    const d = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    const h = pairHash(c, d);
    if (has(pair, h) || has(single, c)) {
      const g = pairHash2(c, d);
      if ((has(aPair, h) && has(aPair2, g)) || has(aSingle, c)) outA.push(i);
      if ((has(bPair, h) && has(bPair2, g)) || has(bSingle, c)) outB.push(i);
    }
    c = d;
  }
  return [outA, outB];
}

const shared = new SharedPass();
const byKey = new Map<string, SharedFilter>();

/**
 * The shared filter for `key`, filled by `fill` when first asked for: rules compiled again (the
 * language server on each change of configuration, the tests) reuse their filter instead of adding
 * a member to every later pass.
 */
export function sharedFilter(key: string, fill: (filter: SharedFilter) => void): SharedFilter {
  let filter = byKey.get(key);
  if (!filter) {
    filter = new SharedFilter();
    fill(filter);
    byKey.set(key, filter);
  }
  return filter;
}

/** A StartFilter whose positions in a text come from the shared pass. */
export class SharedFilter extends StartFilter {
  private readonly index: number;

  constructor() {
    super();
    this.index = shared.members.push(this) - 1;
  }

  override addSingle(a: number): boolean {
    if (!super.addSingle(a)) return false;
    shared.any.addSingle(a);
    shared.version++;
    return true;
  }

  override addPair(a: number, b: number): boolean {
    if (!super.addPair(a, b)) return false;
    shared.any.addPair(a, b);
    shared.version++;
    return true;
  }

  /** Whether a position whose unit is `c` and next unit `d` passes. */
  passesPair(c: number, d: number): boolean {
    return has(this.single, c) || (has(this.pair, pairHash(c, d)) && has(this.pair2, pairHash2(c, d)));
  }

  /** Every position of `text` that passes, in order. */
  positions(text: string): number[] {
    return shared.positions(text, this.index);
  }
}
