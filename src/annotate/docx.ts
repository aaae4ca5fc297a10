import { diffArrays } from 'diff';
import { planFixes } from '../fix/apply.js';
import type { Finding, Fix, Locale } from '../types.js';
import { commentBody } from './comment-text.js';
import { openPackage, writePackage } from './package.js';
import { readLines, type Line } from './paragraphs.js';
import { addPart, mainPart, relatedPart, setPart } from './parts.js';
import { elementChildren, firstW, parseXml, prefixOf, serializeXml, W_NS, XML_NS } from './xml.js';

// Browser-safe: the web page makes its annotated copy with this module.

export const AUTHOR = 'gongwen-lint';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';

export interface AnnotateOptions {
  /** Safe fixes as tracked changes (default); false gives comments only. */
  revisions?: boolean;
  locale: Locale;
  /** The comments' and revisions' time, ISO 8601 (default now). */
  date?: string;
}

export interface AnnotateResult {
  bytes: Uint8Array;
  comments: number;
  revisions: number;
  /** Comments anchored to a whole paragraph because its text could not be matched character for character. */
  approximate: number;
}

/** A place in the document: line `line` (of the document's lines), offset `offset` within it. */
interface Point {
  line: number;
  offset: number;
}

interface Anchor {
  start: Point;
  end: Point;
}

/**
 * The annotated copy of a .docx: every finding a comment on its span, every safe fix a tracked
 * change (w:del/w:ins) unless `revisions` is false. `text` and `findings` are what linting the same
 * bytes gave (src/input/docx.ts). Only the main document, the comments part and, when the comments
 * part is new, the relationships and content types are rewritten; every other part is copied as it was.
 */
export function annotateDocx(bytes: Uint8Array, text: string, findings: readonly Finding[], options: AnnotateOptions): AnnotateResult {
  const pkg = openPackage(bytes);
  const main = mainPart(pkg);
  const doc = parseXml(pkg.parts.get(main)!, main);
  const w = prefixOf(doc, W_NS, 'w');
  const date = options.date ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const lines = readLines(doc);
  const textLines = text.split('\n');
  const lineStarts: number[] = [];
  for (let i = 0, at = 0; i < textLines.length; at += textLines[i].length + 1, i++) lineStarts.push(at);
  const toDoc = alignLines(textLines, lines);

  const existingComments = relatedPart(pkg, main, COMMENTS_REL);
  const commentsDoc = existingComments && pkg.parts.has(existingComments) ? parseXml(pkg.parts.get(existingComments)!, existingComments) : undefined;
  let nextId = Math.max(maxId(doc), commentsDoc ? maxId(commentsDoc) : -1) + 1;

  const el = (name: string, attrs: Record<string, string> = {}): Element => {
    const e = doc.createElementNS(W_NS, `${w}:${name}`);
    for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W_NS, `${w}:${k}`, v);
    return e;
  };

  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  /** The document line of text line `i`, or the nearest one before it that has one. */
  const nearest = (i: number): number => {
    for (let j = i; j >= 0; j--) if (toDoc[j] >= 0) return toDoc[j];
    return lines.length ? 0 : -1;
  };
  const exactLine = (i: number): boolean => toDoc[i] >= 0 && lines[toDoc[i]].exact && lines[toDoc[i]].text === textLines[i];

  /** The span's place in the document; whole paragraphs when a line's text did not match. */
  const anchorOf = (start: number, end: number): { anchor: Anchor; exact: boolean } | undefined => {
    const ls = lineOf(start);
    const le = end > start ? lineOf(end - 1) : ls;
    if (exactLine(ls) && exactLine(le)) {
      return { anchor: { start: { line: toDoc[ls], offset: start - lineStarts[ls] }, end: { line: toDoc[le], offset: end - lineStarts[le] } }, exact: true };
    }
    const a = nearest(ls);
    const b = Math.max(a, nearest(le));
    if (a < 0) return undefined;
    return { anchor: { start: { line: a, offset: 0 }, end: { line: b, offset: lines[b].text.length } }, exact: false };
  };

  // Where to write: comments on every finding, tracked changes for the fixes chosen as --fix would.
  const comments: Array<{ finding: Finding; anchor: Anchor }> = [];
  let approximate = 0;
  for (const f of findings) {
    const a = anchorOf(f.start, f.end);
    if (!a) continue;
    if (!a.exact) approximate++;
    comments.push({ finding: f, anchor: a.anchor });
  }
  const edits: Array<{ fix: Fix; anchor: Anchor }> = [];
  if (options.revisions !== false) {
    for (const fix of planFixes(text, findings).edits) {
      const ls = lineOf(fix.start);
      // A tracked change stays inside one paragraph whose text is known exactly.
      if (fix.text.includes('\n') || lineOf(fix.end) !== ls || !exactLine(ls)) continue;
      const line = toDoc[ls];
      edits.push({ fix, anchor: { start: { line, offset: fix.start - lineStarts[ls] }, end: { line, offset: fix.end - lineStarts[ls] } } });
    }
  }

  // Runs are split where a comment or change starts or ends, so that both take whole runs.
  const cuts = new Map<number, Set<number>>();
  const cut = (p: Point) => (cuts.get(p.line) ?? cuts.set(p.line, new Set()).get(p.line)!).add(p.offset);
  for (const { anchor } of [...comments, ...edits]) {
    cut(anchor.start);
    cut(anchor.end);
  }
  for (const [line, offsets] of cuts) for (const k of offsets) splitAt(doc, lines[line], k);

  /** Runs wrapped in a w:del of ours: anything placed next to such a run goes next to the w:del. */
  const wrapper = new Map<Element, Element>();
  const outer = (n: Element): Element => wrapper.get(n) ?? n;
  const runAt = (line: Line, k: number): Element | undefined => line.atoms.find((a) => a.start <= k && k < a.end)?.run;
  const placeBefore = (p: Point, node: Node): void => {
    const line = lines[p.line];
    const run = runAt(line, p.offset);
    if (run) outer(run).parentNode!.insertBefore(node, outer(run));
    else placeAfter(p, node);
  };
  function placeAfter(p: Point, node: Node): void {
    const line = lines[p.line];
    const run = p.offset > 0 ? runAt(line, p.offset - 1) : undefined;
    if (run) outer(run).parentNode!.insertBefore(node, outer(run).nextSibling);
    else if (p.offset === 0 && line.atoms.length) placeBefore(p, node);
    else line.paragraph.appendChild(node);
  }

  const commentParts: Element[] = [];
  for (const { finding, anchor } of comments) {
    const id = String(nextId++);
    const empty = anchor.start.line === anchor.end.line && anchor.start.offset === anchor.end.offset;
    placeBefore(anchor.start, el('commentRangeStart', { id }));
    const end = el('commentRangeEnd', { id });
    (empty ? placeBefore : placeAfter)(anchor.end, end);
    const ref = el('r');
    ref.appendChild(el('commentReference', { id }));
    end.parentNode!.insertBefore(ref, end.nextSibling);
    commentParts.push(commentElement(commentsDoc ?? doc, commentsDoc ? prefixOf(commentsDoc, W_NS, w) : w, id, date, commentBody(finding, options.locale)));
  }

  let revisions = 0;
  for (const { fix, anchor } of edits) {
    const line = lines[anchor.start.line];
    const from = anchor.start.offset;
    const to = anchor.end.offset;
    const runs = [...new Set(line.atoms.filter((a) => a.start >= from && a.end <= to).map((a) => a.run))];
    let last: Element | undefined;
    for (const run of runs) {
      const del = el('del', { id: String(nextId++), author: AUTHOR, date });
      run.parentNode!.replaceChild(del, run);
      del.appendChild(run);
      for (const t of elementChildren(run)) if (t.namespaceURI === W_NS && t.localName === 't') renameText(doc, t, `${w}:delText`);
      wrapper.set(run, del);
      last = del;
    }
    if (fix.text) {
      const model = runs[0] ?? (from > 0 ? runAt(line, from - 1) : undefined) ?? runAt(line, from);
      const ins = el('ins', { id: String(nextId++), author: AUTHOR, date });
      const run = el('r');
      const rPr = model && firstW(model, 'rPr');
      if (rPr) {
        const copy = rPr.cloneNode(true) as Element;
        for (const c of elementChildren(copy)) if (c.localName === 'rPrChange' || c.localName === 'ins' || c.localName === 'del') copy.removeChild(c);
        run.appendChild(copy);
      }
      const t = el('t');
      t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
      t.appendChild(doc.createTextNode(fix.text));
      run.appendChild(t);
      ins.appendChild(run);
      if (last) last.parentNode!.insertBefore(ins, last.nextSibling);
      else if (from > 0) placeAfter(anchor.start, ins);
      else placeBefore(anchor.start, ins);
    }
    revisions++;
  }

  if (comments.length === 0 && revisions === 0) return { bytes, comments: 0, revisions: 0, approximate: 0 };
  setPart(pkg, main, serializeXml(doc));
  if (comments.length) {
    if (commentsDoc) {
      for (const c of commentParts) commentsDoc.documentElement.appendChild(c);
      setPart(pkg, existingComments!, serializeXml(commentsDoc));
    } else {
      const part = freeName(pkg.parts, main.replace(/[^/]*$/, 'comments.xml'));
      const cdoc = parseXml(
        new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${w}:comments xmlns:${w}="${W_NS}"></${w}:comments>`),
        part,
      );
      for (const c of commentParts) cdoc.documentElement.appendChild(cdoc.importNode(c, true));
      setPart(pkg, part, serializeXml(cdoc));
      addPart(pkg, main, part, COMMENTS_REL, COMMENTS_TYPE, serializeXml);
    }
  }
  return { bytes: writePackage(pkg), comments: comments.length, revisions, approximate };
}

/** The highest w:id in a part (comments, revisions and bookmarks all draw on it), -1 if none. */
function maxId(doc: Document): number {
  let max = -1;
  const walk = (e: Element) => {
    const v = e.getAttributeNS(W_NS, 'id');
    if (v && /^\d+$/.test(v)) max = Math.max(max, Number(v));
    for (const c of elementChildren(e)) walk(c);
  };
  walk(doc.documentElement);
  return max;
}

function freeName(parts: Map<string, Uint8Array>, name: string): string {
  if (!parts.has(name)) return name;
  let n = 2;
  while (parts.has(name.replace(/\.xml$/, `${n}.xml`))) n++;
  return name.replace(/\.xml$/, `${n}.xml`);
}

function renameText(doc: Document, t: Element, name: string): void {
  const renamed = doc.createElementNS(W_NS, name);
  for (let i = 0; i < t.attributes.length; i++) {
    const a = t.attributes[i];
    renamed.setAttributeNS(a.namespaceURI, a.name, a.value);
  }
  while (t.firstChild) renamed.appendChild(t.firstChild);
  t.parentNode!.replaceChild(renamed, t);
}

/** A w:comment: one paragraph per line of its text, the first opening with the annotation mark as Word writes it. */
function commentElement(doc: Document, w: string, id: string, date: string, body: string[]): Element {
  const el = (name: string) => doc.createElementNS(W_NS, `${w}:${name}`);
  const c = el('comment');
  c.setAttributeNS(W_NS, `${w}:id`, id);
  c.setAttributeNS(W_NS, `${w}:author`, AUTHOR);
  c.setAttributeNS(W_NS, `${w}:date`, date);
  c.setAttributeNS(W_NS, `${w}:initials`, 'GL');
  body.forEach((line, i) => {
    const p = el('p');
    if (i === 0) {
      const mark = el('r');
      mark.appendChild(el('annotationRef'));
      p.appendChild(mark);
    }
    const r = el('r');
    const t = el('t');
    t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    t.appendChild(doc.createTextNode(line));
    r.appendChild(t);
    p.appendChild(r);
    c.appendChild(p);
  });
  return c;
}

/**
 * Text line → document line. The walk mirrors mammoth's, so the two nearly always agree line for
 * line; where they do not, equal lines are paired by a diff and the others have no document line (-1).
 */
function alignLines(textLines: string[], lines: Line[]): number[] {
  if (textLines.length === lines.length) return textLines.map((_, i) => i);
  const map: number[] = [];
  let d = 0;
  for (const part of diffArrays(textLines, lines.map((l) => l.text))) {
    const n = part.count ?? part.value.length;
    if (part.added) d += n;
    else if (part.removed) for (let i = 0; i < n; i++) map.push(-1);
    else for (let i = 0; i < n; i++) map.push(d++);
  }
  return map;
}

/** Makes offset `k` of the line a run boundary (splitting a w:t when `k` falls inside it), keeping the run's w:rPr on both halves. */
function splitAt(doc: Document, line: Line, k: number): void {
  const atoms = line.atoms;
  let i = atoms.findIndex((a) => a.end > k);
  if (i < 0) return;
  const a = atoms[i];
  if (a.start < k) {
    const t = a.node;
    const value = t.textContent ?? '';
    const cutAt = k - a.start;
    const second = t.cloneNode(false) as Element;
    second.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    t.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    while (t.firstChild) t.removeChild(t.firstChild);
    t.appendChild(doc.createTextNode(value.slice(0, cutAt)));
    second.appendChild(doc.createTextNode(value.slice(cutAt)));
    t.parentNode!.insertBefore(second, t.nextSibling);
    atoms.splice(i + 1, 0, { run: a.run, node: second, start: k, end: a.end });
    a.end = k;
    i++;
  } else if (i === 0 || atoms[i - 1].run !== a.run) {
    return;
  }
  const run = atoms[i].run;
  const rest = run.cloneNode(false) as Element;
  const rPr = firstW(run, 'rPr');
  if (rPr) rest.appendChild(rPr.cloneNode(true));
  for (let n: Node | null = atoms[i].node; n; ) {
    const next: Node | null = n.nextSibling;
    rest.appendChild(n);
    n = next;
  }
  run.parentNode!.insertBefore(rest, run.nextSibling);
  for (let j = i; j < atoms.length && atoms[j].run === run; j++) atoms[j].run = rest;
}
