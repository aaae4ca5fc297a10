// .scratch/h.ts
import fs from "node:fs";
import { parse } from "yaml";

// src/checkers/match-starts.ts
import { parseRegExpLiteral } from "@eslint-community/regexpp";
var OPEN = "o";
var DONE = "d";
var LINE_OPEN = "l";
var LINE_DONE = "L";
var isDone = (it) => it[0] === DONE || it[0] === LINE_DONE;
var isAnchored = (it) => it[0] === LINE_OPEN || it[0] === LINE_DONE;
var item = (s, anchored, done) => (anchored ? done ? LINE_DONE : LINE_OPEN : done ? DONE : OPEN) + s;
var EMPTY = OPEN;
var WILD = DONE;
var MAX_LENGTH = 6;
var MAX_ITEMS = 64;
var MAX_CLASS = 64;
var SPACES = [9, 10, 11, 12, 13, 32, 160, 5760, 8232, 8233, 8239, 8287, 12288, 65279];
for (let c = 8192; c <= 8202; c++) SPACES.push(c);
var DIGITS = Array.from({ length: 10 }, (_, i) => 48 + i);
var WORD = [95, ...DIGITS];
for (let c = 65; c <= 90; c++) WORD.push(c, c + 32);
var DIGIT = 48;
var SPACE = 32;
var FOLD = new Uint16Array(65536);
for (let c = 0; c < 65536; c++) FOLD[c] = c;
for (let c = 48; c <= 57; c++) FOLD[c] = DIGIT;
for (let c = 97; c <= 102; c++) FOLD[c] = DIGIT;
for (const c of SPACES) FOLD[c] = SPACE;
function foldString(cp) {
  return cp < 65536 ? String.fromCharCode(FOLD[cp]) : String.fromCodePoint(cp);
}
var trimSpaces = (s) => {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === SPACE) i++;
  return s.slice(i);
};
function bounded(items) {
  let set2 = items;
  for (let len = MAX_LENGTH - 1; set2.size > MAX_ITEMS && len >= 1; len--) {
    const cut = /* @__PURE__ */ new Set();
    for (const it of set2) cut.add(it.length - 1 > len ? item(it.slice(1, len + 1), isAnchored(it), true) : it);
    set2 = cut;
  }
  return [...set2];
}
var Reader = class {
  concat(a, b) {
    let open = 0;
    for (const x of a) if (!isDone(x)) open++;
    if (open * b.length > MAX_ITEMS * 4) return a.map((x) => isDone(x) ? x : item(x.slice(1), isAnchored(x), true));
    const out = /* @__PURE__ */ new Set();
    for (const x of a) {
      if (isDone(x)) {
        out.add(x);
        continue;
      }
      const xs = x.slice(1);
      const xAnchored = isAnchored(x);
      for (const y2 of b) {
        const anchored = xAnchored || xs === "" && isAnchored(y2);
        const s = (xs === "" && xAnchored ? trimSpaces(y2.slice(1)) : xs + y2.slice(1)).slice(0, MAX_LENGTH);
        out.add(item(s, anchored, isDone(y2) || s.length >= MAX_LENGTH));
      }
    }
    return bounded(out);
  }
  alternatives(alts) {
    const out = /* @__PURE__ */ new Set();
    for (const alt of alts) for (const it of this.sequence(alt.elements)) out.add(it);
    return bounded(out);
  }
  sequence(elements) {
    let items = [EMPTY];
    for (const e of elements) {
      if (items.every(isDone)) break;
      if (items.every((it) => it === LINE_OPEN) && onlySpaces(e)) continue;
      items = this.concat(items, this.element(e));
    }
    return items;
  }
  element(e) {
    switch (e.type) {
      case "Character":
        return [this.literal(foldString(e.value))];
      case "CharacterClass":
      case "CharacterSet":
      case "ExpressionCharacterClass":
        return this.set(classMembers(e));
      case "Group":
        if (e.modifiers) throw new Unreadable();
        return this.alternatives(e.alternatives);
      case "CapturingGroup":
        return this.alternatives(e.alternatives);
      case "Quantifier":
        return this.repeat(e.min, e.max, e.element);
      case "Assertion":
        if (e.kind === "start") return [LINE_OPEN];
        return [EMPTY];
      case "Backreference":
        return [WILD];
    }
  }
  literal(s) {
    const t = s.slice(0, MAX_LENGTH);
    return item(t, false, t.length >= MAX_LENGTH);
  }
  set(members) {
    if (!members) return [WILD];
    const folded = /* @__PURE__ */ new Set();
    for (const cp of members) {
      folded.add(foldString(cp));
      if (folded.size > MAX_CLASS) return [WILD];
    }
    return [...folded].map((s) => this.literal(s));
  }
  repeat(min, max, e) {
    if (onlySpaces(e) && max > 1) return min === 0 ? [EMPTY, item(" ", false, true)] : [item(" ", false, true)];
    const once = this.element(e);
    const out = new Set(min === 0 ? [EMPTY] : []);
    let current = [EMPTY];
    for (let i = 1; i <= max; i++) {
      const next = this.concat(current, once);
      const before = new Set(current);
      const fixed = next.length === current.length && next.every((it) => before.has(it));
      current = next;
      if (i >= min || fixed) for (const it of current) out.add(it);
      if (fixed) break;
    }
    return bounded(out);
  }
};
function onlySpaces(e) {
  switch (e.type) {
    case "Character":
      return e.value < 65536 && FOLD[e.value] === SPACE;
    case "CharacterClass":
    case "CharacterSet":
      return classMembers(e)?.every((c) => c < 65536 && FOLD[c] === SPACE) ?? false;
    case "Quantifier":
      return onlySpaces(e.element);
    case "Group":
    case "CapturingGroup":
      return !(e.type === "Group" && e.modifiers) && e.alternatives.every((a) => a.elements.every(onlySpaces));
    default:
      return false;
  }
}
var Unreadable = class extends Error {
};
function classMembers(e) {
  switch (e.type) {
    case "Character":
      return [e.value];
    case "CharacterClassRange":
      if (e.max.value - e.min.value > MAX_CLASS * 4) return void 0;
      return Array.from({ length: e.max.value - e.min.value + 1 }, (_, i) => e.min.value + i);
    case "CharacterSet":
      if (e.kind === "any" || e.kind === "property" || e.negate) return void 0;
      return e.kind === "digit" ? DIGITS : e.kind === "space" ? SPACES : WORD;
    case "CharacterClass": {
      if (e.negate || e.unicodeSets) return void 0;
      const out = [];
      for (const m of e.elements) {
        const sub = classMembers(m);
        if (!sub) return void 0;
        out.push(...sub);
      }
      return out;
    }
    default:
      return void 0;
  }
}
function notAfter(first) {
  if (first?.type !== "Assertion" || first.kind !== "lookbehind" || !first.negate) return void 0;
  const units = [];
  for (const alt of first.alternatives) {
    const [only] = alt.elements;
    if (alt.elements.length !== 1 || only.type !== "Character" && only.type !== "CharacterClass" && only.type !== "CharacterSet") continue;
    const members = classMembers(only);
    if (members?.every((c) => c < 65536)) units.push(...members);
  }
  return units.length > 0 ? units : void 0;
}
function matchStarts(re) {
  const anywhere = { words: [], lineWords: [], anywhere: true };
  if (re.flags.includes("i") || re.flags.includes("v") || !re.flags.includes("u")) return anywhere;
  const starts = { words: [], lineWords: [], anywhere: false };
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
    return anywhere;
  }
  return starts;
}
var PrefixTree = class {
  /** Node 0 is the root for prefixes that start anywhere, node 1 for those after a line start. */
  static ROOT = 0;
  static LINE_ROOT = 1;
  building = [
    { next: /* @__PURE__ */ new Map(), out: [] },
    { next: /* @__PURE__ */ new Map(), out: [] }
  ];
  edgeNode = new Int32Array(0);
  edgeUnit = new Uint16Array(0);
  edgeChild = new Int32Array(0);
  mask = 0;
  /** The regexes of node k, outList[outStart[k] .. outStart[k + 1]), each with its guard (-1: none). */
  outStart = new Int32Array(0);
  outList = new Int32Array(0);
  outGuard = new Int32Array(0);
  /** By guard: 1 for each unit that may not stand right before the match. */
  guards = [];
  guardIds = /* @__PURE__ */ new Map();
  add(root, prefix, index) {
    let node = root;
    const word = prefix.text;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = this.building[node].next.get(c);
      if (child === void 0) {
        child = this.building.length;
        this.building.push({ next: /* @__PURE__ */ new Map(), out: [] });
        this.building[node].next.set(c, child);
      }
      node = child;
    }
    const guard = prefix.notAfter ? this.guardId(prefix.notAfter) : -1;
    const out = this.building[node].out;
    if (!out.some(([k, g]) => k === index && g === guard)) out.push([index, guard]);
  }
  guardId(units) {
    const key = [...new Set(units)].sort((x, y2) => x - y2).join(",");
    let id = this.guardIds.get(key);
    if (id === void 0) {
      const table = new Uint8Array(65536);
      for (const u of units) table[u] = 1;
      id = this.guards.push(table) - 1;
      this.guardIds.set(key, id);
    }
    return id;
  }
  /** Whether anything was added under `root`. */
  has(root) {
    return this.building[root].next.size > 0 || this.building[root].out.length > 0;
  }
  freeze() {
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
        while (this.edgeNode[h] !== -1) h = h + 1 & this.mask;
        this.edgeNode[h] = node;
        this.edgeUnit[h] = c;
        this.edgeChild[h] = child;
      }
    });
    this.outStart = new Int32Array(nodes.length + 1);
    const list = [];
    const guards = [];
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
  walk(root, text, i, from, marks) {
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
      const c = FOLD[text.charCodeAt(j)];
      let h = edgeHash(node, c) & mask;
      while (edgeNode[h] !== -1 && (edgeNode[h] !== node || edgeUnit[h] !== c)) h = h + 1 & mask;
      if (edgeNode[h] === -1) break;
      node = edgeChild[h];
    }
    return found;
  }
};
var edgeHash = (node, c) => (Math.imul(node, 2654435761) ^ Math.imul(c, 2246822507)) >>> 7;
var LINE_BREAKS = ["\n", "\r", "\u2028", "\u2029"];
var PAIR_BITS = 20;
var pairHash = (a, b) => Math.imul(a << 16 | b, 2654435761) >>> 32 - PAIR_BITS;
var MatchStarts = class {
  /** The raw first two units of every prefix (each folded unit stands for all the units it folds). */
  pairs = new Int32Array(1 << PAIR_BITS - 5);
  /** The same for prefixes that may start right after a digit: a number's inside starts few matches. */
  pairsAfterDigit = new Int32Array(1 << PAIR_BITS - 5);
  /** Pairs that are a whole prefix, and the first three units of the longer ones (by the same hash). */
  shortPairs = new Int32Array(1 << PAIR_BITS - 5);
  triples = new Int32Array(1 << PAIR_BITS - 5);
  /** The raw units a prefix after a line start (and its white space) may start with; 1 for all when one is empty. */
  lineFirst = new Uint8Array(65536);
  /** Prefixes of one unit (rare): by raw unit. */
  singles = new Uint8Array(65536);
  hasSingles;
  lines;
  tree = new PrefixTree();
  anywhere = [];
  marks;
  constructor(regexes2) {
    this.marks = new Uint8Array(regexes2.length);
    let singles = false;
    regexes2.forEach((re, i) => {
      const starts = matchStarts(re);
      if (starts.anywhere) this.anywhere.push(i);
      for (const prefix of starts.words) {
        this.tree.add(PrefixTree.ROOT, prefix, i);
        const w = prefix.text;
        if (w.length === 1) {
          for (const a of unfold(w.charCodeAt(0))) this.singles[a] = 1;
          singles = true;
          continue;
        }
        const afterDigit = !DIGITS.every((d) => prefix.notAfter?.includes(d));
        for (const a of unfold(w.charCodeAt(0))) {
          for (const b of unfold(w.charCodeAt(1))) {
            const h = pairHash(a, b);
            set(this.pairs, h);
            if (afterDigit) set(this.pairsAfterDigit, h);
            if (w.length === 2) set(this.shortPairs, h);
            else for (const c of unfold(w.charCodeAt(2))) set(this.triples, tripleHash(h, c));
          }
        }
      }
      for (const w of starts.lineWords) {
        this.tree.add(PrefixTree.LINE_ROOT, w, i);
        if (w.text === "") this.lineFirst.fill(1);
        else for (const a of unfold(w.text.charCodeAt(0))) this.lineFirst[a] = 1;
      }
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
  scan(text, visit) {
    const singles = this.hasSingles ? this.singles : void 0;
    scanText(text, this, singles, visit);
  }
};
function unfold(folded) {
  if (folded === DIGIT) return [...DIGITS, ...Array.from({ length: 6 }, (_, i) => 97 + i)];
  if (folded === SPACE) return SPACES;
  return [folded];
}
var has = (bits, h) => (bits[h >>> 5] & 1 << (h & 31)) !== 0;
var set = (bits, h) => {
  bits[h >>> 5] |= 1 << (h & 31);
};
var tripleHash = (pair, c) => Math.imul(pair ^ c << 11, 2246822507) >>> 32 - PAIR_BITS;
function scanText(text, t, singles, visit) {
  const { pairs, pairsAfterDigit, shortPairs, triples, lineFirst, tree, lines, anywhere, marks } = t;
  const n = text.length;
  if (n === 0) return;
  const everywhere = anywhere.length > 0;
  const breaks = LINE_BREAKS.map((b) => lines ? text.indexOf(b) : -1);
  let lineStart = lines ? 0 : n;
  let spaceEnd = -1;
  let next = text.charCodeAt(0);
  for (let i = 0; i < n; i++) {
    const c = next;
    next = i + 1 < n ? text.charCodeAt(i + 1) : 65535;
    const h = pairHash(c, next);
    let pair = has(pairs, h);
    if (pair && i > 0) {
      const before = text.charCodeAt(i - 1);
      if (before >= 48 && before <= 57 && !has(pairsAfterDigit, h)) pair = false;
    }
    if (pair && !has(shortPairs, h)) pair = i + 2 < n && has(triples, tripleHash(h, text.charCodeAt(i + 2)));
    const single = singles !== void 0 && singles[c] === 1;
    if (!pair && !single && i !== lineStart && !everywhere) continue;
    if (i > 0 && isLowSurrogate(c) && isHighSurrogate(text.charCodeAt(i - 1))) continue;
    let any = false;
    if (pair || single) any = tree.walk(PrefixTree.ROOT, text, i, i, marks);
    if (i === lineStart && lines) {
      lineStart = nextLineStart(text, breaks, i + 1);
      if (spaceEnd < i) for (spaceEnd = i; spaceEnd < n && FOLD[text.charCodeAt(spaceEnd)] === SPACE; ) spaceEnd++;
      if (spaceEnd === n ? lineFirst[0] === 1 : lineFirst[text.charCodeAt(spaceEnd)] === 1) {
        any = tree.walk(PrefixTree.LINE_ROOT, text, i, spaceEnd, marks) || any;
      }
    }
    for (const k of anywhere) marks[k] = 1;
    if (any || everywhere) {
      visit(i, marks);
      marks.fill(0);
    }
  }
}
function nextLineStart(text, breaks, from) {
  let next = text.length;
  for (let k = 0; k < breaks.length; k++) {
    if (breaks[k] !== -1 && breaks[k] < from - 1) breaks[k] = text.indexOf(LINE_BREAKS[k], from - 1);
    if (breaks[k] !== -1 && breaks[k] + 1 < next) next = breaks[k] + 1;
  }
  return next;
}
var isHighSurrogate = (c) => c >= 55296 && c <= 56319;
var isLowSurrogate = (c) => c >= 56320 && c <= 57343;

// .scratch/h.ts
var y = parse(fs.readFileSync("/work/main/rules/web-residue.yaml", "utf8"));
var regexes = y.options.signals.map((s) => new RegExp(s.regex, "muy"));
var ms = new MatchStarts(regexes);
var base = fs.readFileSync("/work/shared/corpus/seed-004.txt", "utf8");
var unit = base;
while (unit.length < 5e4) unit += "\n" + base;
for (const k of [1, 4, 16, 1, 4, 16]) {
  const text = Array(k).fill(unit).join("\n");
  let best = Infinity, visits = 0;
  for (let r = 0; r < 5; r++) {
    visits = 0;
    const t0 = performance.now();
    ms.scan(text, () => {
      visits++;
    });
    best = Math.min(best, performance.now() - t0);
  }
  console.log(k, text.length, visits, best.toFixed(1));
}
