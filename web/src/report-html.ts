import type { LineIndex } from '../../src/model/line-index.js';
import { localize } from '../../src/rules/definition.js';
import type { Finding, Locale } from '../../src/types.js';
import { RULES_BY_ID, VERSION } from './engine.js';
import { ui } from './i18n.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The finding in its line, the hit in bold, at most `room` characters either side. */
function context(text: string, lines: LineIndex, f: Finding, room = 30): string {
  const line = lines.position(f.start).line;
  const span = lines.lineSpan(line);
  const from = Math.max(span.start, f.start - room);
  const to = Math.min(Math.max(span.end, f.start), f.end + room);
  const hitEnd = Math.min(f.end, Math.max(to, f.start));
  return `${from > span.start ? '…' : ''}${escapeHtml(text.slice(from, f.start))}<b>${escapeHtml(text.slice(f.start, hitEnd))}</b>${escapeHtml(text.slice(hitEnd, to))}${to < span.end ? '…' : ''}`;
}

const STYLE = `
body{font:15px/1.6 "Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;color:#1b1f24;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.5rem;text-align:center;margin:0 0 1rem}h2{font-size:1.15rem;border-bottom:2px solid #8b1a1a;padding-bottom:.2rem;margin-top:2rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}dl.meta dt{color:#555}dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #bbb;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f1ece4}td.n,td.w,td.l,th{white-space:nowrap}td b{background:#fde6a8;font-weight:600}.error{color:#a61b1b;font-weight:600}.warning{color:#8a5300;font-weight:600}.info{color:#1f5f99}
.rule{break-inside:avoid;margin:.8rem 0}.rule h3{font-size:1rem;margin:0}.rule p{margin:.2rem 0}.sign{margin-top:3rem;text-align:right}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/** A stand-alone page a reviewer can print or attach: what was checked, when, every finding and the rules behind them. */
export function htmlReport(opts: { text: string; lines: LineIndex; findings: readonly Finding[]; name: string; locale: Locale; checkedAt: Date }): string {
  const { text, lines, findings, name, locale } = opts;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level]++;
  const summary =
    findings.length === 0
      ? escapeHtml(ui(locale, 'findings.none'))
      : escapeHtml(ui(locale, 'report.counts', { total: findings.length, ...counts }));
  const anyFix = findings.some((f) => f.fix);
  const rows = findings
    .map((f, i) => {
      const pos = lines.position(f.start);
      const fix = f.fix ? `${escapeHtml(text.slice(f.fix.start, f.fix.end) || '∅')} → ${escapeHtml(f.fix.text || ui(locale, 'finding.delete'))}` : '';
      return `<tr><td class="n">${i + 1}</td><td class="w">${escapeHtml(ui(locale, 'findings.location', { line: pos.line, column: pos.column }))}</td><td class="l ${f.level}">${escapeHtml(ui(locale, `level.${f.level}`))}</td><td>${escapeHtml(f.message)}<br><small>${escapeHtml(f.ruleId)}</small></td><td>${context(text, lines, f)}</td>${anyFix ? `<td>${fix}</td>` : ''}</tr>`;
    })
    .join('\n');
  const ruleIds = [...new Set(findings.map((f) => f.ruleId))];
  const rules = ruleIds
    .map((id) => RULES_BY_ID.get(id))
    .filter((r) => r !== undefined)
    .map((r) => {
      const part = (label: Parameters<typeof ui>[1], body: string) => (body ? `<p><b>${escapeHtml(ui(locale, label))}${locale === 'zh' ? '：' : ': '}</b>${escapeHtml(body)}</p>` : '');
      return `<div class="rule"><h3>${escapeHtml(r.id)} — ${escapeHtml(r.docs.summary[locale])}</h3>${part('finding.what', localize(r.docs.what, locale))}${part('finding.why', localize(r.docs.why, locale))}${part('finding.source', localize(r.docs.source, locale))}</div>`;
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
<dt>${escapeHtml(ui(locale, 'report.tool'))}</dt><dd>gongwen-lint ${escapeHtml(VERSION)}</dd>
<dt>${escapeHtml(ui(locale, 'report.summary'))}</dt><dd>${summary}</dd>
</dl>
${findings.length ? `<h2>${escapeHtml(ui(locale, 'report.findings'))}</h2>
<table><thead><tr><th>${escapeHtml(ui(locale, 'report.no'))}</th><th>${escapeHtml(ui(locale, 'report.where'))}</th><th>${escapeHtml(ui(locale, 'report.level'))}</th><th>${escapeHtml(ui(locale, 'report.problem'))}</th><th>${escapeHtml(ui(locale, 'report.context'))}</th>${anyFix ? `<th>${escapeHtml(ui(locale, 'report.suggestion'))}</th>` : ''}</tr></thead>
<tbody>
${rows}
</tbody></table>
<h2>${escapeHtml(ui(locale, 'report.rules'))}</h2>
${rules}` : ''}
<p class="sign">${escapeHtml(ui(locale, 'report.reviewer'))}</p>
</body></html>
`;
}
