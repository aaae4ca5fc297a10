import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';
import { LineBreaks } from '../model/line-breaks.js';
import { prepared, regexKey } from '../rules/prepared.js';
import { has, PAIR_BITS, pairBits, pairHash, setBit } from './pair-bits.js';
import { sharedFilter, type SharedFilter } from './start-filter.js';

/**
 * Where a set of regexes can start matching, found in one pass over a text without running them.
 *
 * Each regex is read (by its syntax tree) into the short strings every one of its matches starts
 * with: `(?:当前位置|您的位置)\s*[:：]` into 当前位置 and 您的位置 and their continuations. A match
 * can start only where one of its strings stands, or, for a regex anchored by `^`, where a line
 * starts and one of its strings follows. The reading is conservative — whatever it cannot follow (a
 * lookaround, `\b`, `.`, a negated or large class, a back-reference) ends a string there or is
 * skipped — so the strings may let through positions where the regex fails, never miss one where it
 * matches. A regex it cannot read at all (the i or v flag, inline modifiers, an empty prefix) is
 * tried at every position. Digits are one symbol and white space another, so `\d{1,4}` is four
 * strings, not ten thousand.
 */

/**
 * A prefix every match begins with, as one string: a flag, then the folded units. The flag says
 * whether the prefix starts at a line start (`^` before it) and whether it is done (the match may go
 * on past it in ways not followed: a string stops there).
 */
type Item = string;
const OPEN = 'o';
const DONE = 'd';
const LINE_OPEN = 'l';
const LINE_DONE = 'L';
const isDone = (it: Item) => it[0] === DONE || it[0] === LINE_DONE;
const isAnchored = (it: Item) => it[0] === LINE_OPEN || it[0] === LINE_DONE;
const item = (s: string, anchored: boolean, done: boolean): Item => (anchored ? (done ? LINE_DONE : LINE_OPEN) : done ? DONE : OPEN) + s;

const EMPTY: Item = OPEN;
/** Anything at all from here on: the strings stop. */
const WILD: Item = DONE;
/** The longest prefix read, and the most strings one part of a regex may stand for. */
const MAX_LENGTH = 6;
const MAX_ITEMS = 64;
/** A class of more characters than this (after folding digits and spaces) ends a prefix. */
const MAX_CLASS = 64;

/** `\s` in a JavaScript regex: WhiteSpace and LineTerminator. */
const SPACES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
for (let c = 0x2000; c <= 0x200a; c++) SPACES.push(c);
const DIGITS = Array.from({ length: 10 }, (_, i) => 0x30 + i);
const WORD = [0x5f, ...DIGITS];
for (let c = 0x41; c <= 0x5a; c++) WORD.push(c, c + 0x20);
const DIGIT = 0x30;
const SPACE = 0x20;

/**
 * Folds a code unit: every digit (and a–f, which make hex digits with them) to 0, every white space
 * to a space; the text is read the same way.
 */
// A table up to U+3000 (the last white space but U+FEFF): a table of all 64k units cost a cache miss
// per character of Chinese text.
const FOLD = new Uint16Array(0x3001);
for (let c = 0; c < FOLD.length; c++) FOLD[c] = c;
for (let c = 0x30; c <= 0x39; c++) FOLD[c] = DIGIT;
for (let c = 0x61; c <= 0x66; c++) FOLD[c] = DIGIT;
for (const c of SPACES) if (c < FOLD.length) FOLD[c] = SPACE;
const fold = (u: number) => (u < 0x3001 ? FOLD[u] : u === 0xfeff ? SPACE : u);

function foldString(cp: number): string {
  return cp < 0x10000 ? String.fromCharCode(fold(cp)) : String.fromCodePoint(cp);
}

const trimSpaces = (s: string) => {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === SPACE) i++;
  return s.slice(i);
};

/** At most MAX_ITEMS strings: past that they are cut shorter (a shorter prefix lets more positions through, never fewer). */
function bounded(items: Set<Item>): Item[] {
  let set = items;
  for (let len = MAX_LENGTH - 1; set.size > MAX_ITEMS && len >= 1; len--) {
    const cut = new Set<Item>();
    for (const it of set) cut.add(it.length - 1 > len ? item(it.slice(1, len + 1), isAnchored(it), true) : it);
    set = cut;
  }
  return [...set];
}

/** Reads a regex's syntax tree into the prefixes of its matches. */
class Reader {
  concat(a: Item[], b: Item[]): Item[] {
    let open = 0;
    for (const x of a) if (!isDone(x)) open++;
    // Too many combinations: the prefixes stop before `b`.
    if (open * b.length > MAX_ITEMS * 4) return a.map((x) => (isDone(x) ? x : item(x.slice(1), isAnchored(x), true)));
    const out = new Set<Item>();
    for (const x of a) {
      if (isDone(x)) {
        out.add(x);
        continue;
      }
      const xs = x.slice(1);
      const xAnchored = isAnchored(x);
      for (const y of b) {
        // `^` counts only before any character: after one it asserts a line break that was matched.
        const anchored = xAnchored || (xs === '' && isAnchored(y));
        // After `^`, white space is not kept: the scan skips it at every line start (`^[ \t]*上一篇`).
        const s = (xs === '' && xAnchored ? trimSpaces(y.slice(1)) : xs + y.slice(1)).slice(0, MAX_LENGTH);
        out.add(item(s, anchored, isDone(y) || s.length >= MAX_LENGTH));
      }
    }
    return bounded(out);
  }

  alternatives(alts: AST.Alternative[]): Item[] {
    const out = new Set<Item>();
    for (const alt of alts) for (const it of this.sequence(alt.elements)) out.add(it);
    return bounded(out);
  }

  sequence(elements: AST.Element[]): Item[] {
    let items: Item[] = [EMPTY];
    for (const e of elements) {
      if (items.every(isDone)) break;
      // White space right after `^` is skipped by the scan, however long: `^[ \t\u3000]*` adds nothing.
      if (items.every((it) => it === LINE_OPEN) && onlySpaces(e)) continue;
      items = this.concat(items, this.element(e));
    }
    return items;
  }

  element(e: AST.Element): Item[] {
    switch (e.type) {
      case 'Character':
        return [this.literal(foldString(e.value))];
      case 'CharacterClass':
      case 'CharacterSet':
      case 'ExpressionCharacterClass':
        return this.set(classMembers(e));
      case 'Group':
        if (e.modifiers) throw new Unreadable();
        return this.alternatives(e.alternatives);
      case 'CapturingGroup':
        return this.alternatives(e.alternatives);
      case 'Quantifier':
        return this.repeat(e.min, e.max, e.element);
      case 'Assertion':
        // `^` (a line start with the m flag, the text's start without it: either is a line start).
        if (e.kind === 'start') return [LINE_OPEN];
        // `$`, `\b` and lookarounds take no characters; what they ask of the text is not used.
        return [EMPTY];
      case 'Backreference':
        return [WILD];
    }
  }

  literal(s: string): Item {
    const t = s.slice(0, MAX_LENGTH);
    return item(t, false, t.length >= MAX_LENGTH);
  }

  set(members: number[] | undefined): Item[] {
    if (!members) return [WILD];
    const folded = new Set<string>();
    for (const cp of members) {
      folded.add(foldString(cp));
      if (folded.size > MAX_CLASS) return [WILD];
    }
    return [...folded].map((s) => this.literal(s));
  }

  repeat(min: number, max: number, e: AST.QuantifiableElement): Item[] {
    // White space of any length (\s*, [ \t]{0,3}) is read as none or some, so that each such run
    // doubles the strings rather than multiply them by its length: some space ends a string.
    if (onlySpaces(e) && max > 1) return min === 0 ? [EMPTY, item(' ', false, true)] : [item(' ', false, true)];
    const once = this.element(e);
    const out = new Set<Item>(min === 0 ? [EMPTY] : []);
    let current: Item[] = [EMPTY];
    for (let i = 1; i <= max; i++) {
      const next = this.concat(current, once);
      // Prefixes are bounded in length, so the repetitions reach a fixed point: later ones add nothing.
      const before = new Set(current);
      const fixed = next.length === current.length && next.every((it) => before.has(it));
      current = next;
      if (i >= min || fixed) for (const it of current) out.add(it);
      if (fixed) break;
    }
    return bounded(out);
  }
}

/** Whether `e` matches nothing but white space (possibly none). */
function onlySpaces(e: AST.Element): boolean {
  switch (e.type) {
    case 'Character':
      return e.value < 0x10000 && fold(e.value) === SPACE;
    case 'CharacterClass':
    case 'CharacterSet':
      return classMembers(e)?.every((c) => c < 0x10000 && fold(c) === SPACE) ?? false;
    case 'Quantifier':
      return onlySpaces(e.element);
    case 'Group':
    case 'CapturingGroup':
      return !(e.type === 'Group' && e.modifiers) && e.alternatives.every((a) => a.elements.every(onlySpaces));
    default:
      return false;
  }
}

/** The regex uses what this reading does not model (inline modifiers): try it everywhere. */
class Unreadable extends Error {}

/** The code points of a class, or undefined when they are too many to list (then anything may stand there). */
function classMembers(e: AST.CharacterClass | AST.CharacterSet | AST.ExpressionCharacterClass | AST.CharacterClassElement): number[] | undefined {
  switch (e.type) {
    case 'Character':
      return [e.value];
    case 'CharacterClassRange':
      if (e.max.value - e.min.value > MAX_CLASS * 4) return undefined;
      return Array.from({ length: e.max.value - e.min.value + 1 }, (_, i) => e.min.value + i);
    case 'CharacterSet':
      if (e.kind === 'any' || e.kind === 'property' || e.negate) return undefined;
      return e.kind === 'digit' ? DIGITS : e.kind === 'space' ? SPACES : WORD;
    case 'CharacterClass': {
      if (e.negate || e.unicodeSets) return undefined;
      const out: number[] = [];
      for (const m of e.elements) {
        const sub = classMembers(m);
        if (!sub) return undefined;
        out.push(...sub);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** A prefix, and the code units that may not stand before a match that starts with it (`(?<![\d-])`). */
export interface Prefix {
  text: string;
  notAfter?: readonly number[];
}

export interface Starts {
  /** Prefixes of matches that may start anywhere. */
  words: Prefix[];
  /** Prefixes of matches that start where a line starts (`^`), after its white space; '' is any line start. */
  lineWords: Prefix[];
  /** No prefix could be read: the regex may start matching anywhere. */
  anywhere: boolean;
}

/**
 * The units a negative lookbehind at the start of an alternative forbids right before the match:
 * those of its one-character alternatives (`(?<![\w.])`; `(?<!x|ab)` forbids x at least).
 */
function notAfter(first: AST.Element | undefined): number[] | undefined {
  if (first?.type !== 'Assertion' || first.kind !== 'lookbehind' || !first.negate) return undefined;
  const units: number[] = [];
  for (const alt of first.alternatives) {
    const [only] = alt.elements;
    if (alt.elements.length !== 1 || (only.type !== 'Character' && only.type !== 'CharacterClass' && only.type !== 'CharacterSet')) continue;
    const members = classMembers(only);
    if (members?.every((c) => c < 0x10000)) units.push(...members);
  }
  return units.length > 0 ? units : undefined;
}

/** The folded prefixes every match of `re` starts with. */
export function matchStarts(re: RegExp): Starts {
  const anywhere: Starts = { words: [], lineWords: [], anywhere: true };
  if (re.flags.includes('i') || re.flags.includes('v') || !re.flags.includes('u')) return anywhere;
  const starts: Starts = { words: [], lineWords: [], anywhere: false };
  try {
    const reader = new Reader();
    for (const alt of parseRegExpLiteral(re).pattern.alternatives) {
      const guard = notAfter(alt.elements[0]);
      for (const it of reader.sequence(alt.elements)) {
        if (isAnchored(it)) starts.lineWords.push({ text: it.slice(1) });
        else if (it.length === 1) return anywhere;
        else starts.words.push(guard ? { text: it.slice(1), notAfter: guard } : { text: it.slice(1) });
      }
    }
  } catch {
    // Unreadable, or syntax newer than the parser knows: no prefilter, never a wrong one.
    return anywhere;
  }
  return starts;
}

/**
 * The prefixes in a tree of folded code units, stored flat: an edge is found by hashing its node and
 * unit into one table, so a step of a walk costs a multiply and a load or two.
 */
class PrefixTree {
  /** Node 0 is the root for prefixes that start anywhere, node 1 for those after a line start. */
  static readonly ROOT = 0;
  static readonly LINE_ROOT = 1;
  private building: Array<{ next: Map<number, number>; out: Array<[index: number, guard: number]> }> = [
    { next: new Map(), out: [] },
    { next: new Map(), out: [] },
  ];
  private edgeNode = new Int32Array(0);
  private edgeUnit = new Uint16Array(0);
  private edgeChild = new Int32Array(0);
  private mask = 0;
  /** The regexes of node k, outList[outStart[k] .. outStart[k + 1]), each with its guard (-1: none). */
  private outStart = new Int32Array(0);
  private outList = new Int32Array(0);
  private outGuard = new Int32Array(0);
  /** By guard: 1 for each unit that may not stand right before the match. */
  private guards: Uint8Array[] = [];
  private guardIds = new Map<string, number>();

  add(root: number, prefix: Prefix, index: number): void {
    let node = root;
    const word = prefix.text;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = this.building[node].next.get(c);
      if (child === undefined) {
        child = this.building.length;
        this.building.push({ next: new Map(), out: [] });
        this.building[node].next.set(c, child);
      }
      node = child;
    }
    const guard = prefix.notAfter ? this.guardId(prefix.notAfter) : -1;
    const out = this.building[node].out;
    if (!out.some(([k, g]) => k === index && g === guard)) out.push([index, guard]);
  }

  private guardId(units: readonly number[]): number {
    const key = [...new Set(units)].sort((x, y) => x - y).join(',');
    let id = this.guardIds.get(key);
    if (id === undefined) {
      const table = new Uint8Array(0x10000);
      for (const u of units) table[u] = 1;
      id = this.guards.push(table) - 1;
      this.guardIds.set(key, id);
    }
    return id;
  }

  /** Whether anything was added under `root`. */
  has(root: number): boolean {
    return this.building[root].next.size > 0 || this.building[root].out.length > 0;
  }

  freeze(): void {
    const nodes = this.building;
    const edges = nodes.reduce((sum, n) => sum + n.next.size, 0);
    let size = 2;
    while (size < edges * 2) size *= 2;
    this.mask = size - 1;
    this.edgeNode = new Int32Array(size).fill(-1);
    this.edgeUnit = new Uint16Array(size);
    this.edgeChild = new Int32Array(size);
    nodes.forEach((n, node) => {
      for (const [c, child] of n.next) {
        let h = edgeHash(node, c) & this.mask;
        while (this.edgeNode[h] !== -1) h = (h + 1) & this.mask;
        this.edgeNode[h] = node;
        this.edgeUnit[h] = c;
        this.edgeChild[h] = child;
      }
    });
    this.outStart = new Int32Array(nodes.length + 1);
    const list: number[] = [];
    const guards: number[] = [];
    nodes.forEach((n, node) => {
      this.outStart[node] = list.length;
      for (const [k, g] of n.out) {
        list.push(k);
        guards.push(g);
      }
    });
    this.outStart[nodes.length] = list.length;
    this.outList = Int32Array.from(list);
    this.outGuard = Int32Array.from(guards);
  }

  /** Sets `marks` for every prefix under `root` that starts at `i` (read from `from`); whether there was one. */
  walk(root: number, text: string, i: number, from: number, marks: Uint8Array): boolean {
    const { edgeNode, edgeUnit, edgeChild, mask, outStart, outList, outGuard, guards } = this;
    const before = i > 0 ? text.charCodeAt(i - 1) : -1;
    let found = false;
    let node = root;
    for (let j = from; ; j++) {
      const end = outStart[node + 1];
      for (let o = outStart[node]; o < end; o++) {
        const g = outGuard[o];
        if (g >= 0 && before >= 0 && guards[g][before] === 1) continue;
        marks[outList[o]] = 1;
        found = true;
      }
      if (j >= text.length) break;
      const c = fold(text.charCodeAt(j));
      let h = edgeHash(node, c) & mask;
      while (edgeNode[h] !== -1 && (edgeNode[h] !== node || edgeUnit[h] !== c)) h = (h + 1) & mask;
      if (edgeNode[h] === -1) break;
      node = edgeChild[h];
    }
    return found;
  }
}

const edgeHash = (node: number, c: number) => (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) >>> 7;

/**
 * The positions where any of `regexes` may match, in order, each with the regexes that may match
 * there. One pass: at each position the unit and the next are hashed and looked up in a bit set of
 * the prefixes' first two raw units; where a prefix may begin, they are folded and tested again, with
 * the third unit, against the sets below; only then is the prefix tree walked. Line starts are found
 * in the same order.
 *
 * The sets hold folded units, as the prefixes are written: a prefix of digits and spaces is one pair,
 * not one per digit and space it stands for (unfolded, `\d\d\s` alone was 16 × 16 × 24 entries, and
 * building the web-residue rule took a tenth of the CLI's start-up).
 */
export class MatchStarts implements Tables {
  /** The first two (folded) units of every prefix. */
  readonly pairs = pairBits();
  /** The same for prefixes that may start right after a digit: a number's inside starts few matches. */
  readonly pairsAfterDigit = pairBits();
  /** Pairs that are a whole prefix, and the first three units of the longer ones (by the same hash). */
  readonly shortPairs = pairBits();
  readonly triples = pairBits();
  /** The raw units a prefix after a line start (and its white space) may start with; 1 for all when one is empty. */
  readonly lineFirst = new Uint8Array(0x10000);
  /** Prefixes of one unit (rare): by folded unit. */
  readonly singles = new Uint8Array(0x10000);
  /**
   * The first two raw units of every prefix (each folded unit spread back over the units it stands
   * for), by two hashes, and the raw units of the one-unit prefixes: a first filter that lets
   * through a few positions in a hundred of Chinese text. (A filter on the first unit alone let
   * through a quarter: 发、展、工、进 and the comma start words, and a mispredicted branch each; the
   * first hash alone let through its collisions, 建设, 服务, 工作 … at 2.6% of all positions.) Its
   * positions come from the pass shared with the word tries; undefined when some regex may start
   * anywhere, and every position is tried.
   */
  readonly raw: SharedFilter | undefined;
  readonly hasSingles: boolean;
  readonly lines: boolean;
  readonly tree = new PrefixTree();
  readonly anywhere: number[] = [];
  readonly marks: Uint8Array;

  constructor(regexes: RegExp[]) {
    this.marks = new Uint8Array(regexes.length);
    let singles = false;
    const rawSingles = new Set<number>();
    const rawPairs = new Set<number>();
    regexes.forEach((re, i) => {
      const starts = prepared('match-starts', regexKey(re), () => matchStarts(re));
      if (starts.anywhere) this.anywhere.push(i);
      for (const prefix of starts.words) {
        this.tree.add(PrefixTree.ROOT, prefix, i);
        const w = prefix.text;
        // Prefixes share their first two units by the hundred: each pair is spread over raw units once.
        if (w.length === 1) rawSingles.add(w.charCodeAt(0));
        else rawPairs.add((w.charCodeAt(0) << 16) | w.charCodeAt(1));
        if (w.length === 1) {
          this.singles[w.charCodeAt(0)] = 1;
          singles = true;
          continue;
        }
        const h = pairHash(w.charCodeAt(0), w.charCodeAt(1));
        setBit(this.pairs, h);
        if (!DIGITS.every((d) => prefix.notAfter?.includes(d))) setBit(this.pairsAfterDigit, h);
        if (w.length === 2) setBit(this.shortPairs, h);
        else setBit(this.triples, tripleHash(h, w.charCodeAt(2)));
      }
      for (const w of starts.lineWords) {
        this.tree.add(PrefixTree.LINE_ROOT, w, i);
        if (w.text === '') this.lineFirst.fill(1);
        else for (const a of unfold(w.text.charCodeAt(0))) this.lineFirst[a] = 1;
      }
    });
    this.raw =
      this.anywhere.length > 0
        ? undefined
        : sharedFilter(`match-starts\u0000${regexes.map(regexKey).join('\u0001')}`, (raw) => {
            for (const folded of rawSingles) for (const a of unfold(folded)) raw.addSingle(a);
            for (const key of rawPairs) for (const a of unfold(key >>> 16)) for (const b of unfold(key & 0xffff)) raw.addPair(a, b);
          });
    this.hasSingles = singles;
    this.lines = this.tree.has(PrefixTree.LINE_ROOT);
    this.tree.freeze();
  }

  /**
   * Calls `visit` at every position where a regex may start matching, with `marks[i]` set for each
   * regex i that may (the array is reused: read it during the call). Positions inside a surrogate
   * pair are skipped, as a unicode regex's own search does.
   */
  scan(text: string, visit: (pos: number, marks: Uint8Array) => void): void {
    const singles = this.hasSingles ? this.singles : undefined;
    scanText(text, this, singles, visit);
  }
}

/** The raw units a folded unit stands for. */
function unfold(folded: number): readonly number[] {
  if (folded === DIGIT) return HEX_DIGITS;
  if (folded === SPACE) return SPACES;
  return [folded];
}
const HEX_DIGITS: readonly number[] = [...DIGITS, ...Array.from({ length: 6 }, (_, i) => 0x61 + i)];

/** A pair's hash and a third unit, hashed again into PAIR_BITS bits. */
const tripleHash = (pair: number, c: number) => Math.imul(pair ^ (c << 11), 0x85ebca6b) >>> (32 - PAIR_BITS);

interface Tables {
  raw: SharedFilter | undefined;
  pairs: Int32Array;
  pairsAfterDigit: Int32Array;
  shortPairs: Int32Array;
  triples: Int32Array;
  lineFirst: Uint8Array;
  tree: PrefixTree;
  lines: boolean;
  anywhere: number[];
  marks: Uint8Array;
}

/**
 * The loop of MatchStarts.scan. It goes from one position of the raw filter (found in the pass
 * shared with the word tries) or line start to the next; where that pair may begin a prefix, the folded pair is tested, and where it may begin
 * one (and does not stand inside a number, for prefixes that cannot), the third unit is hashed in
 * too, and only then is the prefix tree walked.
 */
function scanText(text: string, t: Tables, singles: Uint8Array | undefined, visit: (pos: number, marks: Uint8Array) => void): void {
  const { raw, pairs, pairsAfterDigit, shortPairs, triples, lineFirst, tree, lines, anywhere, marks } = t;
  const n = text.length;
  if (n === 0) return;
  const everywhere = anywhere.length > 0;
  const breaks = new LineBreaks(text, true);
  let lineStart = lines ? 0 : n;
  let spaceEnd = -1;
  // The positions whose raw units may begin a prefix; every position when some regex may start anywhere.
  const starts = raw?.positions(text);
  let p = 0;
  for (let i = 0; ; i++) {
    // On to the next such position, or the next line start if that comes first.
    if (starts) {
      while (p < starts.length && starts[p] < i) p++;
      i = p < starts.length && starts[p] < lineStart ? starts[p] : lineStart;
    }
    if (i >= n) break;
    const c = fold(text.charCodeAt(i));
    const next = i + 1 < n ? fold(text.charCodeAt(i + 1)) : 0xffff;
    const h = pairHash(c, next);
    let pair = has(pairs, h);
    if (pair && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0x30 && before <= 0x39 && !has(pairsAfterDigit, h)) pair = false;
    }
    if (pair && !has(shortPairs, h)) pair = i + 2 < n && has(triples, tripleHash(h, fold(text.charCodeAt(i + 2))));
    const single = singles !== undefined && singles[c] === 1;
    if (!pair && !single && i !== lineStart && !everywhere) continue;
    if (i > 0 && isLowSurrogate(c) && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    let any = false;
    if (pair || single) any = tree.walk(PrefixTree.ROOT, text, i, i, marks);
    if (i === lineStart && lines) {
      // `^` holds after each break, \r and \n each counting: between the two of \r\n too.
      lineStart = Math.min(breaks.next(i) + 1, n);
      // Prefixes after `^` were read without their white space: skip it here. Blank lines in a row
      // share one run of white space, skipped once.
      if (spaceEnd < i) for (spaceEnd = i; spaceEnd < n && fold(text.charCodeAt(spaceEnd)) === SPACE; ) spaceEnd++;
      if (spaceEnd === n ? lineFirst[0] === 1 : lineFirst[text.charCodeAt(spaceEnd)] === 1) {
        any = tree.walk(PrefixTree.LINE_ROOT, text, i, spaceEnd, marks) || any;
      }
    }
    if (everywhere) for (const k of anywhere) marks[k] = 1;
    if (any || everywhere) {
      visit(i, marks);
      marks.fill(0);
    }
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
