import { diffChars } from 'diff';
import type { LineIndex } from '../../src/model/line-index.js';
import { localize, type RuleDefinition } from '../../src/rules/definition.js';
import type { Finding, Locale } from '../../src/types.js';
import { ui } from './i18n.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Unchanged or quoted text longer than this is cut in the middle: a finding may span a whole paragraph. */
const ROOM = 12;

/** `s` cut in the middle to at most 2 × room + 1 characters. */
function cut(s: string, room = ROOM): string {
  return s.length <= 2 * room + 1 ? s : `${s.slice(0, room)}…${s.slice(-room)}`;
}

function shorten(s: string, room = ROOM): string {
  return escapeHtml(cut(s, room));
}

/** The finding in its line, the hit in bold, at most ROOM characters either side. */
function context(text: string, lines: LineIndex, f: Finding): string {
  const line = lines.position(f.start).line;
  const span = lines.lineSpan(line);
  const from = Math.max(span.start, f.start - ROOM);
  const hitEnd = Math.max(f.start, Math.min(f.end, span.end));
  const to = Math.min(span.end, hitEnd + ROOM);
  return `${from > span.start ? '…' : ''}${escapeHtml(text.slice(from, f.start))}<b>${shorten(text.slice(f.start, hitEnd))}</b>${escapeHtml(text.slice(hitEnd, to))}${to < span.end ? '…' : ''}`;
}

/**
 * What a fix changes: the deleted and inserted characters with a few unchanged ones around each change.
 * A fix may rewrite a whole paragraph (every half-width comma in it); the reviewer needs the changes.
 */
function fixFragment(before: string, after: string, locale: Locale): string {
  if (!after) return `<del>${shorten(before)}</del> ${escapeHtml(ui(locale, 'finding.delete'))}`;
  const all = diffChars(before, after);
  // A paragraph's worth of changes (every comma in it) is shown by its first few; the count says the rest.
  const changed = (i: number) => !!(all[i]?.added || all[i]?.removed);
  let hunks = 0;
  let shown = all.length;
  for (let i = 0; i < all.length; i++) {
    if (!changed(i) || changed(i - 1)) continue;
    if (++hunks === MAX_CHANGES + 1) shown = i;
  }
  const parts = all.slice(0, shown);
  const rest = hunks > MAX_CHANGES ? escapeHtml(ui(locale, 'report.moreChanges', { n: hunks })) : '';
  return `${parts
    .map((p, i) => {
      if (p.added) return `<ins>${shorten(p.value)}</ins>`;
      if (p.removed) return `<del>${shorten(p.value)}</del>`;
      const room = 6;
      if (i === 0) return `${p.value.length > room ? '…' : ''}${escapeHtml(p.value.slice(-room))}`;
      if (i === parts.length - 1) return `${escapeHtml(p.value.slice(0, room))}${p.value.length > room ? '…' : ''}`;
      return shorten(p.value, room);
    })
    .join('')}${rest}`;
}

/** Changed stretches shown per fix. */
const MAX_CHANGES = 3;

interface Group {
  first: Finding;
  all: Finding[];
  /** What the other findings quote where the first one's message quotes its own text (XX32, 21.X …). */
  others: string[];
}

/** A message's quoted parts: the text a finding is about (“XX32”, "21.X"). */
const QUOTED = /“[^“”]*”|"[^"]*"/g;

/**
 * Findings of one rule whose messages differ at most in what they quote, in order of first
 * appearance: one row each, which names the other quoted texts.
 */
function groupFindings(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = `${f.ruleId}\u0000${f.level}\u0000${f.message.replace(QUOTED, '“”')}`;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { first: f, all: [f], others: [] });
      continue;
    }
    g.all.push(f);
    const quoted = f.message.match(QUOTED)?.[0]?.slice(1, -1);
    if (quoted && f.message !== g.first.message && !g.others.includes(quoted)) g.others.push(quoted);
  }
  return [...groups.values()];
}

/** Other quoted texts named in a row past this many are left out (the locations list every finding). */
const MAX_OTHERS = 6;

/** Locations past this many in one row are counted, not listed. */
const MAX_LOCATIONS = 12;

const STYLE = `
body{font:15px/1.6 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1b1f24;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.5rem;text-align:center;margin:0 0 1rem}h2{font-size:1.15rem;border-bottom:2px solid #8b1a1a;padding-bottom:.2rem;margin-top:2rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dl.meta dt{color:#555}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.2rem .35rem;vertical-align:top;text-align:left}
table{table-layout:fixed}col.n{width:2.4em}col.w{width:6em}col.l{width:3.2em}col.m{width:36%}
th{background:#f1ece4}td.n,td.l{white-space:nowrap}td b{background:#fde6a8;font-weight:600}
code.rule-id{white-space:nowrap;font:inherit;font-size:.85em;color:#555}.count{white-space:nowrap;color:#555}
del{background:#f9d7d7;text-decoration:line-through}ins{background:#d5f0d5;text-decoration:none}
.error{color:#a61b1b;font-weight:600}.warning{color:#8a5300;font-weight:600}.info{color:#1f5f99}
.rule{break-inside:avoid;margin:.8rem 0}.rule h3{font-size:1rem;margin:0}.rule p{margin:.2rem 0}.sign{margin-top:3rem;text-align:right}
@media print{body{margin:0;max-width:none;font-size:9pt;line-height:1.45}h2{break-after:avoid}tr{break-inside:avoid}}
`;

export interface ReportOptions {
  text: string;
  lines: LineIndex;
  findings: readonly Finding[];
  name: string;
  locale: Locale;
  checkedAt: Date;
  /** The rules' documentation, by id, for the rules section. */
  rules: ReadonlyMap<string, RuleDefinition>;
  version: string;
}

/** A stand-alone page a reviewer can print or attach: what was checked, when, every finding and the rules behind them. */
export function htmlReport(opts: ReportOptions): string {
  const { text, lines, findings, name, locale } = opts;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level]++;
  const summary =
    findings.length === 0
      ? escapeHtml(ui(locale, 'findings.none'))
      : escapeHtml(ui(locale, 'report.counts', { total: findings.length, ...counts }));
  const anyFix = findings.some((f) => f.fix);
  const sep = locale === 'zh' ? '，' : ', ';
  const rows = groupFindings(findings)
    .map((group, i) => {
      const { first: f, all } = group;
      const where = all
        .slice(0, MAX_LOCATIONS)
        .map((g) => {
          const pos = lines.position(g.start);
          return `${pos.line}:${pos.column}`;
        })
        .join(sep);
      const more = all.length > MAX_LOCATIONS ? escapeHtml(ui(locale, 'report.more', { n: all.length - MAX_LOCATIONS })) : '';
      const times = all.length > 1 ? ` <span class="count">×${all.length}</span>` : '';
      const others = group.others.length
        ? `<br><span class="count">${escapeHtml(ui(locale, 'report.also', { list: group.others.slice(0, MAX_OTHERS).map(cut).join(sep) + (group.others.length > MAX_OTHERS ? '…' : '') }))}</span>`
        : '';
      const fix = f.fix ? fixFragment(text.slice(f.fix.start, f.fix.end), f.fix.text, locale) : '';
      return `<tr><td class="n">${i + 1}</td><td class="w">${where}${more}</td><td class="l ${f.level}">${escapeHtml(ui(locale, `level.${f.level}`))}</td><td>${escapeHtml(f.message.replace(QUOTED, (q) => q[0] + cut(q.slice(1, -1), 20) + q.at(-1)))}${times}${others}<br><code class="rule-id">${escapeHtml(f.ruleId)}</code></td><td>${context(text, lines, f)}</td>${anyFix ? `<td>${fix}</td>` : ''}</tr>`;
    })
    .join('\n');
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))];
  const rules = ruleIds
    .map((id) => opts.rules.get(id))
    .filter((r) => r !== undefined)
    .map((r) => {
      const part = (label: Parameters<typeof ui>[1], body: string) => (body ? `<p><b>${escapeHtml(ui(locale, label))}${locale === 'zh' ? '：' : ': '}</b>${escapeHtml(body)}</p>` : '');
      return `<div class="rule"><h3><code class="rule-id">${escapeHtml(r.id)}</code> — ${escapeHtml(r.docs.summary[locale])}</h3>${part('finding.what', localize(r.docs.what, locale))}${part('finding.why', localize(r.docs.why, locale))}${part('finding.source', localize(r.docs.source, locale))}</div>`;
    })
    .join('\n');
  const title = ui(locale, 'report.title');
  return `<!doctype html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${escapeHtml(title)} — ${escapeHtml(name)}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<dl class="meta">
<dt>${escapeHtml(ui(locale, 'report.file'))}</dt><dd>${escapeHtml(name)}</dd>
<dt>${escapeHtml(ui(locale, 'report.checkedAt'))}</dt><dd>${escapeHtml(opts.checkedAt.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB'))}</dd>
<dt>${escapeHtml(ui(locale, 'report.tool'))}</dt><dd>gongwen-lint ${escapeHtml(opts.version)}</dd>
<dt>${escapeHtml(ui(locale, 'report.summary'))}</dt><dd>${summary}</dd>
</dl>
${findings.length ? `<h2>${escapeHtml(ui(locale, 'report.findings'))}</h2>
<table><colgroup><col class="n"><col class="w"><col class="l"><col class="m"><col>${anyFix ? '<col>' : ''}</colgroup><thead><tr><th>${escapeHtml(ui(locale, 'report.no'))}</th><th>${escapeHtml(ui(locale, 'report.where'))}</th><th>${escapeHtml(ui(locale, 'report.level'))}</th><th>${escapeHtml(ui(locale, 'report.problem'))}</th><th>${escapeHtml(ui(locale, 'report.context'))}</th>${anyFix ? `<th>${escapeHtml(ui(locale, 'report.suggestion'))}</th>` : ''}</tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>${escapeHtml(ui(locale, 'report.rules'))}</h2>
${rules}` : ''}
<p class="sign">${escapeHtml(ui(locale, 'report.reviewer'))}</p>
</body></html>
`;
}
