import { parseRegExpLiteral, type AST } from '@eslint-community/regexpp';
import type { DocumentModel } from '../model/document.js';
import { prepared, regexKey } from '../rules/prepared.js';
import { WordTrie } from './word-trie.js';

/**
 * What a regex needs from a document before it can match there: sets of UTF-16 code units, every
 * one of which must have a member in the document (for `X{2,}|x{2,}`: one set, {X, x}). An empty
 * list means nothing is known. Placeholders, template slots and most pattern rules look for
 * characters that most documents never contain (X, ×, 【, ＊, 某): a pattern whose needs the
 * document does not meet cannot match in it, and its scan over the whole text is skipped.
 */
export type RequiredChars = readonly (readonly number[])[];

/** A set larger than this (a range such as \u3400-\u9fff, \s) is as good as no requirement. */
const MAX_SET = 64;

const NOTHING: RequiredChars = [];

function unitsOf(codePoint: number): number {
  // An astral character is present only where its lead surrogate is.
  return codePoint > 0xffff ? 0xd800 + ((codePoint - 0x10000) >> 10) : codePoint;
}

function range(min: number, max: number): number[] | undefined {
  if (max - min >= MAX_SET) return undefined;
  const out: number[] = [];
  for (let c = min; c <= max; c++) out.push(unitsOf(c));
  return out;
}

const DIGITS = range(0x30, 0x39)!;
const WORD = [...DIGITS, ...range(0x41, 0x5a)!, ...range(0x61, 0x7a)!, 0x5f];

/** The characters a set escape or class stands for, when few and known; undefined otherwise. */
function escapeSet(node: AST.EscapeCharacterSet): number[] | undefined {
  if (node.negate) return undefined;
  if (node.kind === 'digit') return DIGITS;
  if (node.kind === 'word') return WORD;
  return undefined;
}

function classSet(node: AST.CharacterClass): number[] | undefined {
  if (node.negate || node.unicodeSets) return undefined;
  const units = new Set<number>();
  for (const e of node.elements) {
    let part: number[] | undefined;
    if (e.type === 'Character') part = [unitsOf(e.value)];
    else if (e.type === 'CharacterClassRange') part = range(e.min.value, e.max.value);
    else if (e.type === 'CharacterSet' && e.kind !== 'property') part = escapeSet(e);
    if (!part) return undefined;
    for (const u of part) units.add(u);
    if (units.size > MAX_SET) return undefined;
  }
  return [...units];
}

function ofAlternatives(alternatives: AST.Alternative[]): RequiredChars {
  if (alternatives.length === 1) return ofSequence(alternatives[0].elements);
  // Any branch may be the one that matches: one set, the union of each branch's smallest set.
  const units = new Set<number>();
  for (const alt of alternatives) {
    const needs = ofSequence(alt.elements);
    if (needs.length === 0) return NOTHING;
    const smallest = needs.reduce((a, b) => (b.length < a.length ? b : a));
    for (const u of smallest) units.add(u);
  }
  return units.size > MAX_SET ? NOTHING : [[...units]];
}

function ofSequence(elements: AST.Element[]): RequiredChars {
  return elements.flatMap((e) => ofElement(e));
}

function ofElement(node: AST.Element): RequiredChars {
  switch (node.type) {
    case 'Character':
      return [[unitsOf(node.value)]];
    case 'CharacterClass': {
      const set = classSet(node);
      return set ? [set] : NOTHING;
    }
    case 'CharacterSet': {
      const set = node.kind === 'digit' || node.kind === 'word' ? escapeSet(node) : undefined;
      return set ? [set] : NOTHING;
    }
    case 'Group':
      // (?i:…) changes what a character matches.
      return node.modifiers ? NOTHING : ofAlternatives(node.alternatives);
    case 'CapturingGroup':
      return ofAlternatives(node.alternatives);
    case 'Quantifier':
      return node.min >= 1 ? ofElement(node.element) : NOTHING;
    case 'Assertion':
      // What a positive lookaround sees is in the document too, though outside the match.
      return (node.kind === 'lookahead' || node.kind === 'lookbehind') && !node.negate ? ofAlternatives(node.alternatives) : NOTHING;
    default:
      // A backreference repeats a group that is counted where it stands; other nodes need nothing.
      return NOTHING;
  }
}

/** The characters a document must contain for `re` to match in it (see RequiredChars). */
export function requiredChars(re: RegExp): RequiredChars {
  return prepared('required-chars', regexKey(re), () => readRequiredChars(re));
}

function readRequiredChars(re: RegExp): RequiredChars {
  // Case-folding and Unicode-sets semantics are not modelled: such a regex always runs.
  if (re.flags.includes('i') || re.flags.includes('v')) return NOTHING;
  try {
    return ofAlternatives(parseRegExpLiteral(re).pattern.alternatives).filter((set) => set.length > 0);
  } catch {
    return NOTHING;
  }
}

/** One bit per UTF-16 code unit: 8 KB a document (a byte per unit, 64 KB, kept the collector busy). */
export type UnitSet = Int32Array;

/** The code units of a text. */
export function unitSet(text: string): UnitSet {
  const bits = new Int32Array(0x10000 >> 5);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    bits[u >> 5] |= 1 << (u & 31);
  }
  return bits;
}

const presence = new WeakMap<DocumentModel, UnitSet>();

/** The code units of a document's content, computed once per model and shared by every rule. */
export function unitsPresent(model: DocumentModel): UnitSet {
  let bits = presence.get(model);
  if (!bits) presence.set(model, (bits = unitSet(model.content)));
  return bits;
}

/** Whether the document meets every requirement: only then can the regex match in it. */
export function mayMatch(needs: RequiredChars, present: UnitSet): boolean {
  for (const set of needs) if (!set.some((u) => (present[u >> 5] & (1 << (u & 31))) !== 0)) return false;
  return true;
}

/**
 * Strings of which every match of `re` contains one: for each top-level alternative, the best set
 * it offers — its longest run of literal characters (`十三五` in `(?:确保|力争)[^，。]{0,6}?十三五…收官`),
 * or the literals of a group in it (`(?:打印本页|关闭窗口)(?=\s)`), or a run through small groups
 * spelled out (`\.(?:com|cn)` as `.com`, `.cn`). Every string has two characters or more. Empty when
 * some alternative offers none: nothing is known. A document that holds none of them is skipped
 * (LiteralIndex), where required characters (common ones such as 十 and 五) would let the pattern run.
 */
export function requiredLiterals(re: RegExp): readonly string[] {
  return prepared('required-literals', regexKey(re), () => readRequiredLiterals(re));
}

/** Literal strings spelled out from a run: past this many, a run starts again at its last part. */
const MAX_SPELLED = 16;

/**
 * What one part of a regex offers: `exact`, the strings it matches when it matches only literal text
 * (a character, a group of literal alternatives), and `required`, a set one of which each of its
 * matches contains.
 */
interface Offer {
  exact?: string[];
  required?: string[];
}

/** Longer strings are rarer in a document; among equally short ones, fewer are better. */
function better(a: string[] | undefined, b: string[]): string[] {
  if (!a) return b;
  const shortest = (xs: string[]) => xs.reduce((n, x) => Math.min(n, x.length), Infinity);
  const [la, lb] = [shortest(a), shortest(b)];
  return lb > la || (lb === la && b.length < a.length) ? b : a;
}

function offerOfSequence(elements: AST.Element[]): Offer {
  let run: string[] | undefined;
  let required: string[] | undefined;
  let exact: string[] | undefined = [''];
  for (const e of elements) {
    const offer = offerOfElement(e);
    if (offer.exact) {
      run = run && run.length * offer.exact.length <= MAX_SPELLED ? run.flatMap((x) => offer.exact!.map((y) => x + y)) : offer.exact;
      if (run.every((x) => x.length >= 2)) required = better(required, run);
    } else run = undefined;
    if (offer.required?.every((x) => x.length >= 2)) required = better(required, offer.required);
    exact = exact && offer.exact && exact.length * offer.exact.length <= MAX_SPELLED ? exact.flatMap((x) => offer.exact!.map((y) => x + y)) : undefined;
  }
  return { exact, required };
}

function offerOfAlternatives(alternatives: AST.Alternative[]): Offer {
  const offers = alternatives.map((alt) => offerOfSequence(alt.elements));
  const exact = offers.every((o) => o.exact) ? [...new Set(offers.flatMap((o) => o.exact!))] : undefined;
  const required = offers.every((o) => o.required) ? [...new Set(offers.flatMap((o) => o.required!))] : undefined;
  return { exact: exact && exact.length <= MAX_SPELLED && !exact.includes('') ? exact : undefined, required };
}

function offerOfElement(e: AST.Element): Offer {
  switch (e.type) {
    case 'Character': {
      const c = String.fromCodePoint(e.value);
      return { exact: [c], required: [c] };
    }
    case 'Group':
      return e.modifiers ? {} : offerOfAlternatives(e.alternatives);
    case 'CapturingGroup':
      return offerOfAlternatives(e.alternatives);
    case 'Quantifier': {
      if (e.min === 0) return {};
      const inner = offerOfElement(e.element);
      return e.max === 1 ? inner : { required: inner.required };
    }
    default:
      // A class, a lookaround, a back-reference: nothing literal that a match must hold.
      return {};
  }
}

function readRequiredLiterals(re: RegExp): string[] {
  if (re.flags.includes('i') || re.flags.includes('v')) return [];
  try {
    const out = new Set<string>();
    for (const alt of parseRegExpLiteral(re).pattern.alternatives) {
      const { required } = offerOfSequence(alt.elements);
      if (!required) return [];
      for (const x of required) out.add(x);
    }
    return [...out];
  } catch {
    return [];
  }
}

/** Up to this many literals in all, a native search for each is cheaper than a pass of the trie. */
const NATIVE_SEARCH_MAX = 8;

/**
 * Which of a list of regexes' required literals a document holds. A few literals are searched
 * natively, each only when its regex is asked about (String#indexOf runs at well under a nanosecond
 * per character); more are found in one pass of a trie for them all. A regex with no known
 * literal is always held.
 */
export class LiteralIndex {
  private readonly trie?: WordTrie<number>;
  private readonly lists: ReadonlyArray<readonly string[]>;

  constructor(literalLists: ReadonlyArray<readonly string[]>) {
    this.lists = literalLists;
    const count = literalLists.reduce((n, l) => n + l.length, 0);
    if (count > NATIVE_SEARCH_MAX) {
      const trie = (this.trie = new WordTrie<number>());
      literalLists.forEach((list, i) => {
        for (const l of list) trie.add(l, i);
      });
    }
  }

  /** The regexes that may match in `content`. */
  held(content: string): (i: number) => boolean {
    const { lists, trie } = this;
    if (trie) {
      const seen = new Uint8Array(lists.length);
      trie.scan(content, (_start, _end, values) => {
        for (const v of values) seen[v] = 1;
      });
      return (i) => lists[i].length === 0 || seen[i] === 1;
    }
    // 0: not yet searched, 1: held, 2: not.
    const known = new Uint8Array(lists.length);
    return (i) => {
      if (known[i] === 0) known[i] = lists[i].length === 0 || lists[i].some((l) => content.includes(l)) ? 1 : 2;
      return known[i] === 1;
    };
  }
}
