import type { Claim, ClaimKind } from '../extract/claim.js';
import type { DocumentModel } from '../model/document.js';
import { RuleError, type Bilingual, type RuleDefinition } from '../rules/definition.js';
import type { EvidenceValue, Level } from '../types.js';
import type { Check, Checker } from './types.js';

interface ClaimCheckSpec {
  claim: ClaimKind;
  /** Only claims whose label matches (调结率, 合格率 …). */
  label?: string;
  where: string;
  message?: Bilingual;
  /** Report this named part of the claim instead of the whole. */
  report?: string;
  /** Replacement text for the reported span; {name} takes evidence values. */
  fix?: string;
  /** This check's level, when it is not the rule's (a plausible case reported for confirmation). */
  severity?: Level;
}

interface ClaimOptions {
  checks: ClaimCheckSpec[];
  /** Named thresholds the conditions and messages may use; a configuration can set them. */
  params?: Record<string, number>;
}

/** The numbers each claim kind offers to conditions (a missing one reads as NaN). */
const CLAIM_VARIABLES: Record<ClaimKind, readonly string[]> = {
  growth: ['rate', 'direction', 'decrease', 'step', 'multiple', 'points', 'negative', 'verbDirection', 'now', 'before', 'endpointsPercent', 'pointDiff', 'computed', 'low', 'high', 'index'],
  ratio: ['rate', 'step', 'numerator', 'denominator', 'computed', 'low', 'high', 'overfulfilled', 'swapped'],
  completion: ['rate', 'step', 'numerator', 'denominator', 'computed', 'low', 'high', 'overfulfilled', 'swapped'],
  breakdown: ['total', 'totalLow', 'totalHigh', 'sum', 'sumLow', 'sumHigh', 'maxPart', 'maxPartLow', 'parts', 'complete', 'disjoint'],
  enumeration: ['items', 'count', 'etc'],
  indicator: ['value', 'low', 'high', 'conflict', 'otherValue'],
  average: ['average', 'step', 'total', 'count', 'computed', 'low', 'high'],
};

interface CompiledCheck {
  spec: ClaimCheckSpec;
  label?: RegExp;
  used: string[];
  /** The parameters the condition names, with their values. */
  constants: Record<string, number>;
  /** The constants and, while a claim is checked, the claim's values: one object per check, not one per claim. */
  scope: Record<string, number>;
  condition: (scope: Record<string, number>) => boolean;
}

function allFinite(names: readonly string[], values: Readonly<Record<string, number | undefined>>): boolean {
  for (const v of names) if (!Number.isFinite(values[v])) return false;
  return true;
}

function evidenceOf(claim: Claim): Record<string, EvidenceValue> {
  const evidence: Record<string, EvidenceValue> = { claim: claim.kind };
  if (claim.label) evidence.label = claim.label;
  for (const [k, v] of Object.entries(claim.values)) if (Number.isFinite(v)) evidence[k] = Number(v.toPrecision(12));
  Object.assign(evidence, claim.text);
  return evidence;
}

/**
 * Rules over the numeric claims extracted from the document (src/extract). A check selects a
 * claim kind and states, as a mathjs condition over the claim's numbers, when it is wrong. A
 * condition runs only on claims that have every number it names and whose numbers are exact:
 * placeholders and approximations (约, 多, 余, ranges) are never mismatches.
 */
export const claimChecker: Checker = {
  type: 'claim',
  async compile(rule: RuleDefinition): Promise<Check> {
    const { compileCondition } = await import('../rules/expression.js');
    const { checks: specs, params = {} } = rule.options as unknown as ClaimOptions;
    for (const [name, value] of Object.entries(params)) {
      if (Object.values(CLAIM_VARIABLES).some((names) => names.includes(name))) throw new RuleError(rule.file, `/options/params/${name}`, { id: 'rule.claimName', values: { name } });
      if (!Number.isFinite(value)) throw new RuleError(rule.file, `/options/params/${name}`, { id: 'rule.mustBeNumber' });
    }
    const paramNames = Object.keys(params);
    const compiled: CompiledCheck[] = specs.map((spec, i) => {
      const pointer = `/options/checks/${i}`;
      const variables = CLAIM_VARIABLES[spec.claim];
      let condition: CompiledCheck['condition'];
      try {
        condition = compileCondition(spec.where, [...variables, ...paramNames]);
      } catch (e) {
        throw new RuleError(rule.file, `${pointer}/where`, { id: 'rule.badCondition', values: { detail: (e as Error).message } });
      }
      let label: RegExp | undefined;
      if (spec.label) {
        try {
          label = new RegExp(spec.label, 'u');
        } catch (e) {
          throw new RuleError(rule.file, `${pointer}/label`, { id: 'rule.badRegex', values: { detail: (e as Error).message } });
        }
      }
      const names = new Set(spec.where.match(/[A-Za-z_]\w*/g) ?? []);
      const constants = Object.fromEntries(paramNames.filter((p) => names.has(p)).map((p) => [p, params[p]]));
      return { spec, label, condition, used: variables.filter((v) => names.has(v)), constants, scope: { ...constants } };
    });

    return (model: DocumentModel, emit) => {
      for (const claim of model.claims.claims) {
        if (claim.reason === 'placeholder' || claim.reason === 'approximate') continue;
        for (const { spec, label, used, constants, scope, condition } of compiled) {
          if (claim.kind !== spec.claim) continue;
          if (label && !label.test(claim.label ?? '')) continue;
          if (!allFinite(used, claim.values)) continue;
          // The condition reads only the names it uses, all known here: the check's own scope, refilled.
          for (const v of used) scope[v] = claim.values[v];
          if (!condition(scope)) continue;
          const span = (spec.report && claim.spans?.[spec.report]) || claim;
          const evidence = { ...evidenceOf(claim), ...constants };
          const fixText = spec.fix?.replace(/\{(\w+)\}/g, (token, name: string) => (evidence[name] === undefined ? '\u0000' : String(evidence[name])));
          emit({
            start: span.start,
            end: span.end,
            evidence,
            message: spec.message,
            ...(spec.severity && { level: spec.severity }),
            ...(fixText !== undefined && !fixText.includes('\u0000') && { fix: { start: span.start, end: span.end, text: fixText } }),
          });
          break;
        }
      }
    };
  },
};
