import type { DocumentModel } from '../model/document.js';
import { CLAIM_KINDS, REASONS, type Claim, type ClaimKind, type Reason } from './claim.js';
import { averageClaims, mayBeAverage } from './claims/average.js';
import { growthClaims, indexClaims, mayBeIndex } from './claims/growth.js';
import { indicatorClaims, markConflicts, ParagraphLeads } from './claims/indicator.js';
import { breakdownClaims, enumerationClaims, sloganClaims } from './claims/parts.js';
import { COMPLETION_HINT, ratioClaims } from './claims/ratio.js';
import { scanQuantities, type Quantity } from './quantities.js';
import { buildShape, type SentenceShape } from './sentence.js';

export type { Claim, ClaimKind, Reason } from './claim.js';
export type { Quantity } from './quantities.js';

/**
 * How much of a document's arithmetic the linter could vouch for, as statcheck reports it:
 * numeric claims found, checked, and not checkable with the reason. Indicator mentions are
 * counted apart: each is a value, not a statement that can be wrong on its own.
 */
export interface Coverage {
  found: number;
  checked: number;
  notCheckable: number;
  reasons: Record<Reason, number>;
  byKind: Record<ClaimKind, { found: number; checked: number }>;
}

export interface ClaimSet {
  quantities: Quantity[];
  claims: Claim[];
  coverage: Coverage;
}

export function emptyCoverage(): Coverage {
  return {
    found: 0,
    checked: 0,
    notCheckable: 0,
    reasons: Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<Reason, number>,
    byKind: Object.fromEntries(CLAIM_KINDS.map((k) => [k, { found: 0, checked: 0 }])) as Coverage['byKind'],
  };
}

/** Adds `b` into `a` (totals over several documents). */
export function addCoverage(a: Coverage, b: Coverage): Coverage {
  a.found += b.found;
  a.checked += b.checked;
  a.notCheckable += b.notCheckable;
  for (const r of REASONS) a.reasons[r] += b.reasons[r];
  for (const k of CLAIM_KINDS) {
    a.byKind[k].found += b.byKind[k].found;
    a.byKind[k].checked += b.byKind[k].checked;
  }
  return a;
}

function coverageOf(claims: Claim[]): Coverage {
  const c = emptyCoverage();
  for (const claim of claims) {
    c.byKind[claim.kind].found++;
    if (!claim.reason) c.byKind[claim.kind].checked++;
    if (claim.kind === 'indicator') continue;
    c.found++;
    if (claim.reason) {
      c.notCheckable++;
      c.reasons[claim.reason]++;
    } else c.checked++;
  }
  return c;
}

const RATIO_HINT = /率|占|比重|比例|的/;
const BREAKDOWN_HINT = /其中|分别|合计|共计|总计|包括|包含|主要[为有]|[共含](?<=[，,；;][共含])|产业|[（(]/;

/** A top-level heading that names a period or a plan: its figures may be another period's. */
const PERIOD_SECTION = /(?:19|20)\d\d|五年|十[一二三四五六]五|今年|明年|上半年|下半年|季度|打算|计划|安排|目标|思路|展望|回顾|规划|下一步/;

/**
 * The scope in which an indicator's values are compared: a section whose heading names a period or
 * a plan is its own; the others (主要工作, 民生保障 …) speak of the document's period together, so a
 * figure restated in the body of a summary is compared with the one in its opening.
 */
function sectionScope(section: { heading: { title: string } | null }, index: number): number {
  return section.heading && PERIOD_SECTION.test(section.heading.title) ? index + 1 : 0;
}

/**
 * Averages (户均3000元) and indices (为上年同期的115%): few sentences state one. Their quantities are found in a
 * loop of their own over the document's quantities, and only those sentences are shaped again and read, so
 * that the sentence loop above (the extraction's hot path) stays as it was.
 */
function rareClaims(model: DocumentModel, quantities: Quantity[], claims: Claim[]): void {
  const { content, sentences } = model;
  let si = 0;
  let last = -1;
  for (let k = 0; k < quantities.length; k++) {
    const q = quantities[k];
    if (q.family === undefined) continue;
    while (si + 1 < sentences.length && sentences[si].end <= q.start) si++;
    if (si === last || si >= sentences.length || sentences[si].start > q.start) continue;
    const floor = sentences[si].start;
    const average = mayBeAverage(q, content, floor);
    if (!average && !mayBeIndex(q, content, floor)) continue;
    last = si;
    // The sentence's quantities, as the sentence loop delimits them.
    const { start, end } = sentences[si];
    let from = k;
    while (from > 0 && quantities[from - 1].start >= start) from--;
    let to = k;
    while (to < quantities.length && quantities[to].end <= end) to++;
    const shape = buildShape(content, start, end, quantities, from, to);
    // Both are read: a sentence may state an average and an index, and each test is cheap once shaped.
    averageClaims(shape, content, claims);
    indexClaims(shape, content, claims);
  }
}

/** One pass over the document: quantities, then the claims each sentence makes with them. */
export function extractClaims(model: DocumentModel): ClaimSet {
  const { content } = model;
  const quantities = scanQuantities(content, 0, content.length);
  const claims: Claim[] = [];
  const sections = model.root.children;
  // Typed, and read within bounds: a document without sections (no element to read) or another
  // elements kind of array deoptimized this function once each.
  const scopes = Int32Array.from(sections, sectionScope);
  let section = 0;
  let qi = 0;
  const leads = new ParagraphLeads(content);
  // The sentence before, when it is the one just before in the same paragraph: a base stated there may serve this one's shares.
  let previous: { shape: SentenceShape; index: number; paragraph: number } | undefined;
  for (let index = 0; index < model.sentences.length; index++) {
    const sentence = model.sentences[index];
    while (section + 1 < sections.length && sections[section + 1].start <= sentence.start) section++;
    while (qi < quantities.length && quantities[qi].start < sentence.start) qi++;
    let qj = qi;
    while (qj < quantities.length && quantities[qj].end <= sentence.end) qj++;
    if (qj === qi) continue;
    const shape = buildShape(content, sentence.start, sentence.end, quantities, qi, qj);
    growthClaims(shape, content, claims);
    // Cheap tests first: most sentences name no rate and no breakdown.
    const adjacent = previous && previous.index === index - 1 && previous.paragraph === sentence.paragraph ? previous.shape : undefined;
    if (RATIO_HINT.test(shape.shape) || (shape.shape.includes('完成') && COMPLETION_HINT.test(shape.shape))) ratioClaims(shape, content, claims, adjacent);
    if (BREAKDOWN_HINT.test(shape.shape)) breakdownClaims(shape, content, claims, adjacent);
    enumerationClaims(shape, content, claims, model.headings);
    indicatorClaims(shape, content, { paragraph: model.paragraphs[sentence.paragraph], section: section < scopes.length ? scopes[section] : 0 }, leads, claims);
    previous = { shape, index, paragraph: sentence.paragraph };
    qi = qj;
  }
  sloganClaims(content, claims);
  rareClaims(model, quantities, claims);
  markConflicts(claims);
  // Coverage is asked for by --stats and per file by the CLI, not by the rules: counted when first read.
  let coverage: Coverage | undefined;
  return {
    quantities,
    claims,
    get coverage() {
      return (coverage ??= coverageOf(claims));
    },
  };
}
