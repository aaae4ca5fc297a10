import { localize, type RuleDefinition } from '../rules/definition.js';
import type { Level, Locale } from '../types.js';
import { compareFindings } from '../engine/lint.js';
import type { SuppressedFinding } from '../suppress/filter.js';
import type { Finding } from '../types.js';
import { locate, type FileResult } from './result.js';

export interface SarifOptions {
  rules: RuleDefinition[];
  version: string;
  informationUri: string;
  /** Folder that artifact URIs are relative to (the repository root in CI). */
  cwd: string;
  locale: Locale;
  /** Problems that are not about one file (a rule that failed …). */
  notifications?: Array<{ message: string; file?: string }>;
  /** The documentation page of a rule, when it has one (built-in rules). */
  helpUri?: (ruleId: string) => string | undefined;
  /** run.properties (coverage figures and the like). */
  properties?: Record<string, unknown>;
  /** runAutomationDetails.id, e.g. one per CI shard, so code scanning keeps the runs apart. */
  automationId?: string;
  /**
   * Include findings turned off by directives, marked with `suppressions`. Off by default: GitHub
   * code scanning opens alerts for suppressed results, and SARIF requires that either every result
   * of a run has `suppressions` or none does.
   */
  includeSuppressed?: boolean;
}

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A relative path → a relative URI reference (each segment percent-encoded, / separators). */
function toUri(relativePath: string): string {
  return relativePath.split(/[\\/]/).map((seg) => (seg === '..' || seg === '.' ? seg : encodeURIComponent(seg))).join('/');
}

function fileUri(dir: string): string {
  const posix = dir.replace(/\\/g, '/');
  const withSlash = posix.endsWith('/') ? posix : `${posix}/`;
  return `file://${withSlash.startsWith('/') ? '' : '/'}${withSlash.split('/').map(encodeURIComponent).join('/')}`;
}

/** A stable 64-bit FNV-1a hash (two 32-bit halves) as 16 hex digits; portable to the browser. */
function hash64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function ruleDescriptor(rule: RuleDefinition, locale: Locale, helpUri: string | undefined) {
  const d = rule.docs;
  const what = localize(d.what, locale);
  const sections: Array<[string, string]> = [
    [locale === 'zh' ? '说明' : 'What it does', what],
    [locale === 'zh' ? '为什么' : 'Why it matters', localize(d.why, locale)],
    [locale === 'zh' ? '依据' : 'Standard or source', localize(d.source, locale)],
    [locale === 'zh' ? '示例' : 'Example', localize(d.example, locale)],
    [locale === 'zh' ? '应改为' : 'Use instead', localize(d.useInstead, locale)],
  ];
  const present = sections.filter(([, body]) => body);
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: d.summary[locale] },
    fullDescription: { text: what.length > 1024 ? `${what.slice(0, 1023)}…` : what },
    ...(helpUri && { helpUri }),
    help: {
      text: present.map(([h, body]) => `${h}: ${body}`).join('\n\n'),
      markdown: present.map(([h, body]) => `**${h}**\n\n${body}`).join('\n\n'),
    },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
    properties: { tags: ['gongwen', ...(rule.category ? [rule.category] : [])] },
  };
}

/** SARIF 2.1.0 log with one run; validates against the OASIS schema. */
export function formatSarif(results: FileResult[], options: SarifOptions): string {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  const artifacts = results.map((r) => ({
    location: { uri: toUri(r.display), uriBaseId: 'SRCROOT' },
    ...(r.encoding && { encoding: r.encoding }),
  }));

  const sarifResults = results.flatMap((r, artifactIndex) => {
    if (!r.lines) return [];
    const lines = r.lines;
    const occurrences = new Map<string, number>();
    // A line often holds several findings of one rule (every * of a line of placeholders).
    const hashes = new Map<string, string>();
    const lineHashOf = (ruleId: string, line: number) => {
      const key = `${line}\0${ruleId}`;
      let h = hashes.get(key);
      if (h === undefined) {
        h = hash64(`${ruleId}\0${lines.line(line).text.replace(/\s+/g, '')}`);
        hashes.set(key, h);
      }
      return h;
    };
    const listed: Array<Finding & { suppressedBy?: SuppressedFinding }> = options.includeSuppressed
      ? [...r.findings, ...(r.suppressed ?? []).map((s) => ({ ...s, suppressedBy: s }))].sort(compareFindings)
      : r.findings;
    return listed.map((finding) => {
      const f = locate(finding, lines);
      const lineHash = lineHashOf(f.ruleId, f.line);
      const n = (occurrences.get(lineHash) ?? 0) + 1;
      occurrences.set(lineHash, n);
      const index = ruleIndex.get(f.ruleId);
      return {
        ruleId: f.ruleId,
        ...(index !== undefined && { ruleIndex: index }),
        level: SARIF_LEVEL[f.level],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: artifacts[artifactIndex].location.uri, uriBaseId: 'SRCROOT', index: artifactIndex },
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                charOffset: f.start,
                charLength: f.end - f.start,
                snippet: { text: lines.slice(f.start, f.end) },
              },
            },
          },
        ],
        partialFingerprints: { primaryLocationLineHash: `${lineHash}:${n}` },
        ...(options.includeSuppressed && {
          suppressions: finding.suppressedBy
            ? [{ kind: 'inSource', ...(finding.suppressedBy.justification && { justification: finding.suppressedBy.justification }) }]
            : [],
        }),
        ...(f.evidence && { properties: { evidence: f.evidence } }),
        ...(f.fix && {
          fixes: [
            {
              description: { text: f.message },
              artifactChanges: [
                {
                  artifactLocation: { uri: artifacts[artifactIndex].location.uri, uriBaseId: 'SRCROOT', index: artifactIndex },
                  replacements: [
                    { deletedRegion: { charOffset: f.fix.start, charLength: f.fix.end - f.fix.start }, insertedContent: { text: f.fix.text } },
                  ],
                },
              ],
            },
          ],
        }),
      };
    });
  });

  const notifications = [
    ...results.flatMap((r, i) =>
      r.error
        ? [{ level: 'error', message: { text: `${r.display}: ${r.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri: artifacts[i].location.uri, uriBaseId: 'SRCROOT', index: i } } }] }]
        : [],
    ),
    ...(options.notifications ?? []).map((n) => ({ level: 'error', message: { text: n.message } })),
  ];

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gongwen-lint',
            version: options.version,
            semanticVersion: options.version,
            informationUri: options.informationUri,
            rules: options.rules.map((r) => ruleDescriptor(r, options.locale, options.helpUri?.(r.id))),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        ...(options.automationId && { automationDetails: { id: options.automationId } }),
        originalUriBaseIds: { SRCROOT: { uri: fileUri(options.cwd) } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
        ...(options.properties && { properties: options.properties }),
      },
    ],
  };
  // Compact: a large repository's log runs to tens of megabytes, and code scanning reads it, not people.
  return `${JSON.stringify(log)}\n`;
}
