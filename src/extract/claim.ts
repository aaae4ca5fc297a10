import type { Span } from '../types.js';
import type { Quantity } from './quantities.js';

export type ClaimKind = 'growth' | 'ratio' | 'completion' | 'breakdown' | 'enumeration' | 'indicator' | 'average';
export const CLAIM_KINDS: readonly ClaimKind[] = ['growth', 'ratio', 'completion', 'breakdown', 'enumeration', 'indicator', 'average'];

/** Why a claim found in the text cannot be checked. */
/** not-linked: a rate whose counts are in the sentence but were not connected to it. */
export type Reason = 'placeholder' | 'missing-base' | 'not-linked' | 'unit-mismatch' | 'approximate' | 'not-comparable';
export const REASONS: readonly Reason[] = ['placeholder', 'missing-base', 'not-linked', 'unit-mismatch', 'approximate', 'not-comparable'];

/**
 * A statement about numbers, found in one sentence: plain data with offsets into the document.
 * `values` are what rule conditions see; `text` holds the numbers as written for messages.
 */
export interface Claim {
  kind: ClaimKind;
  start: number;
  end: number;
  /** The rate's or indicator's name as written (调结率, 占比, 一般公共预算收入). */
  label?: string;
  /** Set when the claim cannot be checked; rules see only checkable claims. */
  reason?: Reason;
  values: Record<string, number>;
  text: Record<string, string>;
  /** Named parts of the claim a rule may report or fix instead of the whole. */
  spans?: Record<string, Span>;
}

/** Why the quantities cannot be used as exact numbers, if they cannot. */
export function unusable(qs: Array<Quantity | undefined>): Reason | undefined {
  if (qs.some((q) => q?.placeholder)) return 'placeholder';
  if (qs.some((q) => q && (q.approx !== undefined || q.range))) return 'approximate';
  return undefined;
}

/** Shortest decimal form with at most `digits` decimals: 86.71875 → "86.72", 2 → "2". */
export function fmt(n: number, digits = 2): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toFixed(digits)));
}

/**
 * Tolerance for a stated figure against the exact value: half a unit in its last digit for
 * rounding (half-up or half-even alike) plus one unit of slack (86.71875 may be written 86.71–86.73).
 */
export function stepOf(q: Quantity): number {
  return 1.5 * 10 ** -q.decimals + 1e-9;
}
