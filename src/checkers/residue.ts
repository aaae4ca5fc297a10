import type { DocumentModel } from '../model/document.js';
import type { DocumentFacts } from '../model/facts.js';
import { codeTable, isSpaceChar } from '../model/chars.js';
import { LineBreaks } from '../model/line-breaks.js';
import type { Bilingual, RuleDefinition } from '../rules/definition.js';
import type { Check, Checker, Hit } from './types.js';
import { patternChecker } from './pattern.js';
import { capped, ruleRegex } from './util.js';
import { MatchStarts } from './match-starts.js';
import { mayMatch, requiredChars, unitsPresent, type UnitSet } from './required-chars.js';

/** A weak piece of evidence: words or a shape found in a line; `run` ones may be reported inside a line. */
interface SignalSpec {
  regex: string;
  weight: number;
  run?: boolean;
}

/** Weights of what the checker measures itself: a line's shape and its place among its neighbours. */
interface ShapeWeights {
  short: number;
  tiny: number;
  noSentenceEnd: number;
  sentence: number;
  separators: number;
  bracketed: number;
  edge: number;
  neighbour: number;
  separatorNeighbour: number;
  labelValue: number;
  repeat: number;
  cutsSentence: number;
  /** The document's title again on a line of its own further down: a document site's page header. */
  titleAgain?: number;
}

interface ResidueOptions {
  threshold: number;
  shortLength: number;
  /** Only lines this short (a breadcrumb item, a button) become residue by standing next to residue. */
  fragmentLength: number;
  edgeLines: number;
  signals: SignalSpec[];
  shape: ShapeWeights;
  /** A line that only labels the value on the next line (`来源：` / `宁夏日报`). */
  label: string;
  lineMessage: Bilingual;
  runMessage: Bilingual;
  // Phrases reported wherever they stand, and the model's page markers: the pattern checker's options.
  patterns?: unknown[];
  ignore?: string[];
  pageMarkers?: { message: Bilingual };
  limit?: { max: number; message: Bilingual };
}

interface Line {
  /** The line's text without its surrounding spaces: [start, end). */
  start: number;
  end: number;
  /** The whole line with its terminator: what deleting it removes. */
  from: number;
  to: number;
  score: number;
  residue: boolean;
}

interface Run {
  line: number;
  start: number;
  end: number;
  weight: number;
}

/** Marks after which a line reads as finished; a line without one is a fragment (a button, a label, a title). */
const LINE_END = codeTable('。！？!?；;：:…');
const CLOSING_QUOTES = codeTable('”’」』"\'');
const SENTENCE_CLOSE = codeTable('。！？!?');
/** Opening brackets, each with its closing one, by code unit: a line's ends are read without making strings. */
const BRACKETS = new Map([...'（）()【】[]〔〕'].flatMap((c, i, all) => (i % 2 === 0 ? [[c.charCodeAt(0), all[i + 1].charCodeAt(0)] as const] : [])));
/** Separators of breadcrumbs and button rows (`首页 > 范文 > 总结`, `微信 | 微博`). */
const SEPARATOR = new Set([...'>|»＞›｜']);
const HAN = /\p{Script=Han}/u;
const WHITE_SPACE = /\s/;
const ANY_SEPARATOR = /[>|»＞›｜]/g;
const SEPARATOR_NEEDS = requiredChars(ANY_SEPARATOR);
/** SEPARATOR by code unit: the shape scan reads every character of every line. */
const isSeparatorCode = (c: number) =>
  c === 0x3e || c === 0x7c || c === 0xbb || c === 0xff1e || c === 0x203a || c === 0xff5c;

/** The number of code points in `text`, without building an array of them. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const h = text.charCodeAt(i - 1);
      if (h >= 0xd800 && h <= 0xdbff) n--;
    }
  }
  return n;
}

function splitLines(content: string): Line[] {
  const lines: Line[] = [];
  const breaks = new LineBreaks(content);
  let from = 0;
  while (from < content.length) {
    const brk = breaks.next(from);
    let to = brk;
    if (content[to] === '\r') to++;
    if (content[to] === '\n' && to < content.length) to++;
    else if (to === brk && brk < content.length) to++;
    let start = from;
    let end = brk;
    while (start < end && isSpaceChar(content[start])) start++;
    while (end > start && isSpaceChar(content[end - 1])) end--;
    if (end > start) lines.push({ start, end, from, to, score: 0, residue: false });
    from = to;
  }
  return lines;
}

/**
 * Every signal as a sticky regex, and where in a text each may match. The signals were once one
 * alternation scanned over the whole document (an eighth of the whole lint's time); now one pass finds
 * the few positions where some signal's words can start and the signals are tried only there. At a
 * position the first signal (in the rule's order) that matches decides, as the alternation did.
 */
interface Signals {
  specs: SignalSpec[];
  regexes: RegExp[];
  starts: MatchStarts;
  /** The run signals and the others, each in the rule's order. */
  run: number[];
  word: number[];
}

function compileSignals(rule: RuleDefinition, all: SignalSpec[]): Signals {
  const regexes = all.map((s, i) => ruleRegex(rule, `/options/signals/${i}/regex`, s.regex, 'muy'));
  const run: number[] = [];
  const word: number[] = [];
  all.forEach((s, i) => (s.run ? run : word).push(i));
  return { specs: all, regexes, starts: new MatchStarts(regexes), run, word };
}

/** The end of signal k's match at `pos`, or -1. */
function matchEnd(signals: Signals, k: number, content: string, pos: number): number {
  const re = signals.regexes[k];
  re.lastIndex = pos;
  return re.test(content) ? re.lastIndex : -1;
}

/**
 * The signal of `order` that counts at `pos` on line `li`, and its match's end: the first that may
 * match there and does decides, as in one alternation, and counts unless it already did on this
 * line. So signals that already counted are tried only when one that has not matches after them:
 * on a long run (`www.www.…`, a line of digits) nothing is tried again and again to no effect.
 */
function countingMatch(signals: Signals, order: number[], marks: Uint8Array, seen: Int32Array, li: number, content: string, pos: number): { k: number; end: number } | undefined {
  let at = -1;
  let end = -1;
  for (let j = 0; j < order.length && end < 0; j++) {
    const k = order[j];
    if (marks[k] === 0 || seen[k] === li) continue;
    end = matchEnd(signals, k, content, pos);
    at = j;
  }
  // An empty match counts for nothing; neither does one that a signal before it would have taken.
  if (end <= pos) return undefined;
  for (let j = 0; j < at; j++) {
    const k = order[j];
    if (marks[k] !== 0 && seen[k] === li && matchEnd(signals, k, content, pos) >= 0) return undefined;
  }
  seen[order[at]] = li;
  return { k: order[at], end };
}

function lineIndexAt(lines: Line[], pos: number, hint: number): number {
  let i = hint;
  while (i + 1 < lines.length && lines[i + 1].from <= pos) i++;
  return i;
}

/** Horizontal spaces around a run go with it: `，第2页 共5页 辖区` becomes `，辖区`. */
function widenOverSpaces(content: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s > 0 && isSpaceChar(content[s - 1])) s--;
  while (e < content.length && isSpaceChar(content[e])) e++;
  return { start: s, end: e };
}

/**
 * Adds each line's signal weights to its score; returns the runs a scraper pasted inside lines. Each
 * stage of the check is a function of its own: V8 compiled the one closure they made again and
 * again, a large function each time, as each of its rarer branches was first taken.
 */
function scoreSignals(signals: Signals, options: ResidueOptions, lines: Line[], content: string): Run[] {
  const { shape } = options;
  const runs: Run[] = [];
  // Each signal counts once per line.
  const seen = new Int32Array(signals.specs.length).fill(-1);
  let li = 0;
  let r = 0;
  signals.starts.scan(content, (pos, marks) => {
    li = lineIndexAt(lines, pos, li);
    const line = lines[li];
    // Between lines (a blank one), nothing counts.
    if (!line || pos >= line.to) return;
    // Runs first: one pasted into a paragraph is reported alone, and the words inside it are its own
    // evidence, not the paragraph's. A run that is nearly all of its line is evidence for the line.
    const run = countingMatch(signals, signals.run, marks, seen, li, content, pos);
    if (run) {
      const weight = signals.specs[run.k].weight;
      if (line.end - line.start - (run.end - pos) <= options.fragmentLength) line.score += weight;
      else {
        const inside = pos > line.start && run.end < line.end;
        if (weight + (inside ? shape.cutsSentence : 0) >= options.threshold) runs.push({ line: li, start: pos, end: run.end, weight });
      }
    }
    const word = countingMatch(signals, signals.word, marks, seen, li, content, pos);
    if (word) {
      while (r < runs.length && runs[r].end <= pos) r++;
      if (r < runs.length && runs[r].start <= pos) return;
      line.score += signals.specs[word.k].weight;
    }
  });
  return runs;
}

/** A line of separators and spaces only: the scan stops at the first other character. */
function separatorsOnly(content: string, l: Line): boolean {
  let seps = 0;
  for (let j = l.start; j < l.end; j++) {
    const c = content[j];
    if (SEPARATOR.has(c)) seps++;
    else if (!WHITE_SPACE.test(c)) return false;
  }
  return seps > 0;
}

/** Separator runs in `t` (>> is one): a breadcrumb has two or more apart. */
function separatorRuns(t: string): number {
  let seps = 0;
  for (let j = 0, prev = false; j < t.length; j++) {
    const sep = isSeparatorCode(t.charCodeAt(j));
    if (sep && !prev) seps++;
    prev = sep;
  }
  return seps;
}

/**
 * Which lines hold a separator: one native search over the content, not one per line (a call per
 * line cost more than the search; most documents have no separator at all).
 */
function linesWithSeparator(lines: Line[], content: string, present: UnitSet): boolean[] {
  const found = new Array<boolean>(lines.length).fill(false);
  // Most documents hold no separator at all: the units the document holds say so without a search.
  if (!mayMatch(SEPARATOR_NEEDS, present)) return found;
  let li = 0;
  ANY_SEPARATOR.lastIndex = 0;
  for (let m = ANY_SEPARATOR.exec(content); m; m = ANY_SEPARATOR.exec(content)) {
    li = lineIndexAt(lines, m.index, li);
    if (li < lines.length && m.index >= lines[li].start && m.index < lines[li].end) found[li] = true;
  }
  return found;
}

/** Adds each line's shape and place to its score, and decides which lines are residue. */
function scoreShapes(lines: Line[], content: string, options: ResidueOptions, label: RegExp, title: DocumentFacts['title'], present: UnitSet): void {
  const { shape } = options;
  const n = lines.length;
  const texts = lines.map((l) => content.slice(l.start, l.end));
  let bodyBegun = false;
  const hasSeparator = linesWithSeparator(lines, content, present);
  const isSeparatorLine = lines.map((l, i) => hasSeparator[i] && separatorsOnly(content, l));
  const isLabel = texts.map((t) => label.test(t));
  const cutAfter = (l: Line) => {
    if (l.end - l.start <= options.shortLength) return false;
    const c = content.charCodeAt(l.end - 1);
    return (c >= 0x3400 && c <= 0x9fff) || c === 0xff0c || c === 0x3001;
  };
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    const t = texts[i];
    // Only compared with short limits: a line of over twice the limit in code units has over the limit
    // in code points too, so only short lines are counted exactly.
    const length = t.length > 2 * options.shortLength ? t.length : codePoints(t);
    let last = content.charCodeAt(line.end - 1);
    if (CLOSING_QUOTES[last] === 1 && t.length > 1) last = content.charCodeAt(line.end - 2);
    if (length <= options.shortLength) line.score += shape.short;
    // A lone symbol or number; a word (揭榜 split off by a link) can be the text itself.
    if (length <= 2 && !HAN.test(t)) line.score += shape.tiny;
    if (SENTENCE_CLOSE[last] === 1) line.score += shape.sentence;
    else if (LINE_END[last] === 0) line.score += shape.noSentenceEnd;
    if ((hasSeparator[i] && separatorRuns(t) >= 2) || isSeparatorLine[i]) line.score += shape.separators;
    if (t.length > 2 && BRACKETS.get(content.charCodeAt(line.start)) === content.charCodeAt(line.end - 1)) line.score += shape.bracketed;
    if (i < options.edgeLines || i >= n - options.edgeLines) line.score += shape.edge;
    if ((i > 0 && isSeparatorLine[i - 1]) || (i + 1 < n && isSeparatorLine[i + 1])) line.score += shape.separatorNeighbour;
    if (i > 0 && isLabel[i - 1]) line.score += shape.labelValue;
    if ((i > 0 && texts[i - 1] === t) || (i + 1 < n && texts[i + 1] === t)) line.score += shape.repeat;
    // A short line between a paragraph cut mid-sentence and its continuation (`…项目建` / `第2页` / `成后…`).
    if (i > 0 && i + 1 < n && length <= options.shortLength && cutAfter(lines[i - 1])) line.score += shape.cutsSentence;
    // Only once the body has begun: a title doubled at the top is the page's heading and the document's.
    if (bodyBegun && t === title?.text) line.score += shape.titleAgain ?? 0;
    if (title && !bodyBegun && line.start > title.end && length > options.shortLength && SENTENCE_CLOSE[last] === 1) bodyBegun = true;
    // The document's title is never the site's, whatever label it follows (有效性： / 东山镇2024年工作总结).
    line.residue = line.score >= options.threshold && !(title && title.start >= line.start && title.start < line.end);
  }
}

/** Next to residue a fragment is residue too (the 小 / 中 / 大 of a font-size switch): one sweep each way. */
function spreadToFragments(lines: Line[], options: ResidueOptions): void {
  const n = lines.length;
  const near = (i: number) => lines[i].end - lines[i].start <= options.fragmentLength && lines[i].score + options.shape.neighbour >= options.threshold;
  for (let i = 1; i < n; i++) if (!lines[i].residue && lines[i - 1].residue && near(i)) lines[i].residue = true;
  for (let i = n - 2; i >= 0; i--) if (!lines[i].residue && lines[i + 1].residue && near(i)) lines[i].residue = true;
}

/**
 * A finding per residue line, whose fix deletes it, and per run outside those lines. The evidence
 * quotes the document as written (`text`), not the content the lines were read from, in which
 * Markdown's markup (a table's pipes) is blanked out.
 */
function residueHits(lines: Line[], runs: Run[], content: string, text: string, options: ResidueOptions): Hit[] {
  const hits: Hit[] = [];
  for (const line of lines) {
    if (!line.residue) continue;
    hits.push({
      start: line.start,
      end: line.end,
      evidence: { match: text.slice(line.start, line.end) },
      message: options.lineMessage,
      fix: { start: line.from, end: line.to, text: '' },
    });
  }
  for (const run of runs) {
    if (lines[run.line].residue) continue;
    const fix = widenOverSpaces(content, run.start, run.end);
    hits.push({
      start: run.start,
      end: run.end,
      evidence: { match: text.slice(run.start, run.end) },
      message: options.runMessage,
      fix: { ...fix, text: '' },
    });
  }
  return hits;
}

/**
 * Web residue as a classifier of lines. Text pasted from template and document-sharing sites
 * carries lines that are no part of the document: breadcrumbs, upload and view metadata, download
 * and membership prompts, page counters, share and print buttons, prev/next links, lead-ins and
 * source tails. No single word decides: each line adds up weak evidence (its words, its shape, its
 * place next to other residue lines or at the edges of the document), and a line whose evidence
 * reaches the threshold is residue, reported once with a fix that deletes the line. Runs that a
 * scraper pasted into a sentence (`第2页 共5页`) are reported on their own. The words and weights
 * are the rule's data; the phrases reported wherever they stand go through the pattern checker.
 */
export const residueChecker: Checker = {
  type: 'residue',
  async compile(rule: RuleDefinition): Promise<Check> {
    const options = rule.options as unknown as ResidueOptions;
    const signals = compileSignals(rule, options.signals);
    const label = ruleRegex(rule, '/options/label', options.label, 'u');
    const phrases = options.patterns?.length || options.pageMarkers
      ? await patternChecker.compile({
          ...rule,
          options: { patterns: options.patterns ?? [], ignore: options.ignore, pageMarkers: options.pageMarkers },
        } as RuleDefinition)
      : undefined;

    return (model: DocumentModel, report) => {
      const { content } = model;
      const lines = splitLines(content);
      const runs = scoreSignals(signals, options, lines, content);
      scoreShapes(lines, content, options, label, model.facts.title, unitsPresent(model));
      spreadToFragments(lines, options);
      const hits = residueHits(lines, runs, content, model.text, options);
      if (phrases) {
        // A phrase inside a residue line is part of that line's finding.
        const residueLines = lines.filter((l) => l.residue);
        let r = 0;
        phrases(model, (hit) => {
          while (r < residueLines.length && residueLines[r].to <= hit.start) r++;
          const line = residueLines[r];
          if (line && hit.start >= line.from && hit.start < line.to) return;
          hits.push(hit);
        });
      }

      const limited = options.limit ? capped(report, options.limit.max, options.limit.message) : undefined;
      const emit = limited?.emit ?? report;
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      let lastEnd = -1;
      for (const hit of hits) {
        if (hit.start < lastEnd) continue;
        emit(hit);
        lastEnd = Math.max(hit.end, hit.fix?.end ?? 0);
      }
      limited?.flush();
    };
  },
};
