import './style.css';
import { t } from '../../src/i18n/messages.js';
import { InputError } from '../../src/input/decode.js';
import { localize } from '../../src/rules/definition.js';
import type { Finding, Level, Locale, SourceFormat } from '../../src/types.js';
import { annotateDocx } from '../../src/annotate/docx.js';
import { AnnotateError } from '../../src/annotate/package.js';
import { renderAnnotated } from './annotate.js';
import { copyText, derivedName, download } from './download.js';
import { jsonReport, lintPage, prepareEngine, RULES, RULES_BY_ID, sarifReport, VERSION, type PageResult } from './engine.js';
import { applyFindingFixes, fixable } from './fixes.js';
import { ui, type UiId } from './i18n.js';
import { openFile } from './open-file.js';
import { evidenceRows } from './evidence.js';
import { escapeHtml, htmlReport } from './report-html.js';
import { SAMPLE } from './sample.js';

const LEVELS: readonly Level[] = ['error', 'warning', 'info'];
const RANK: Record<Level, number> = { error: 0, warning: 1, info: 2 };
const LINT_DELAY_MS = 300;

function $<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

const el = {
  language: $<HTMLButtonElement>('language'),
  file: $<HTMLInputElement>('file'),
  sample: $<HTMLButtonElement>('sample'),
  format: $<HTMLSelectElement>('format'),
  check: $<HTMLButtonElement>('check'),
  clear: $<HTMLButtonElement>('clear'),
  status: $<HTMLParagraphElement>('status'),
  alert: $<HTMLParagraphElement>('alert'),
  document: $<HTMLElement>('document'),
  tabEdit: $<HTMLButtonElement>('tab-edit'),
  tabAnnotated: $<HTMLButtonElement>('tab-annotated'),
  sourceWrap: $<HTMLDivElement>('source-wrap'),
  source: $<HTMLTextAreaElement>('source'),
  sourceName: $<HTMLSpanElement>('source-name'),
  annotated: $<HTMLDivElement>('annotated'),
  levelFilters: $<HTMLDivElement>('level-filters'),
  ruleFilter: $<HTMLSelectElement>('rule-filter'),
  sort: $<HTMLSelectElement>('sort'),
  search: $<HTMLInputElement>('search'),
  list: $<HTMLOListElement>('findings-list'),
  empty: $<HTMLParagraphElement>('findings-empty'),
  applyAll: $<HTMLButtonElement>('apply-all'),
  undo: $<HTMLButtonElement>('undo'),
  copy: $<HTMLButtonElement>('copy'),
  downloadText: $<HTMLButtonElement>('download-text'),
  downloadDocx: $<HTMLButtonElement>('download-docx'),
  exportHtml: $<HTMLButtonElement>('export-html'),
  exportSarif: $<HTMLButtonElement>('export-sarif'),
  exportJson: $<HTMLButtonElement>('export-json'),
  footer: $<HTMLElement>('footer'),
};

interface State {
  locale: Locale;
  /** The document as the engine sees it (a file's line endings are kept; the textarea's are not). */
  text: string;
  format: SourceFormat;
  /** Set when the text came from a file. */
  file?: { name: string; encoding: string; bom: boolean; crlf: boolean; docx?: { bytes: Uint8Array; text: string } };
  result?: PageResult;
  /** Index into result.findings. */
  selected?: number;
  hiddenLevels: Set<Level>;
  rule: string;
  search: string;
  sort: 'position' | 'level' | 'rule';
  /** Texts before each applied fix, for Undo. */
  history: string[];
}

function storedLocale(): Locale {
  try {
    return localStorage.getItem('gongwen-lint.locale') === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const state: State = { locale: storedLocale(), text: '', format: 'text', hiddenLevels: new Set(), rule: '', search: '', sort: 'position', history: [] };
const say = (id: UiId, values?: Record<string, string | number>) => ui(state.locale, id, values);

// ---- linting -------------------------------------------------------------------------------

let lintSeq = 0;
let lintTimer: ReturnType<typeof setTimeout> | undefined;

async function runLint(): Promise<void> {
  clearTimeout(lintTimer);
  const seq = ++lintSeq;
  if (state.text.trim() === '') {
    state.result = undefined;
    state.selected = undefined;
    render();
    return;
  }
  el.status.textContent = say('status.running');
  document.body.dataset.state = 'running';
  const result = await lintPage(state.text, state.format, state.locale);
  if (seq !== lintSeq) return;
  const previous = state.selected !== undefined ? state.result?.findings[state.selected] : undefined;
  state.result = result;
  state.selected = previous ? nearest(result.findings, previous) : undefined;
  render();
}

/** After an edit, keep the selection on the same finding if it survived, else on the next one. */
function nearest(findings: Finding[], old: Finding): number | undefined {
  const same = findings.findIndex((f) => f.ruleId === old.ruleId && f.start === old.start);
  if (same !== -1) return same;
  const after = findings.findIndex((f) => f.start >= old.start);
  return after === -1 ? undefined : after;
}

function scheduleLint(): void {
  clearTimeout(lintTimer);
  lintTimer = setTimeout(() => void runLint(), LINT_DELAY_MS);
}

function setText(text: string, opts: { file?: State['file']; format?: SourceFormat; keepHistory?: boolean } = {}): void {
  state.text = text;
  if (!opts.keepHistory) state.history = [];
  if ('file' in opts) state.file = opts.file;
  if (opts.format) {
    state.format = opts.format;
    el.format.value = opts.format;
  }
  el.source.value = text;
}

// ---- rendering -----------------------------------------------------------------------------

function visibleFindings(): Array<{ finding: Finding; index: number }> {
  const findings = state.result?.findings ?? [];
  const query = state.search.trim().toLowerCase();
  const out = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding: f }) => !state.hiddenLevels.has(f.level))
    .filter(({ finding: f }) => !state.rule || f.ruleId === state.rule)
    .filter(({ finding: f }) => !query || `${f.message} ${f.ruleId} ${state.result!.text.slice(f.start, f.end)}`.toLowerCase().includes(query));
  if (state.sort === 'level') out.sort((a, b) => RANK[a.finding.level] - RANK[b.finding.level] || a.index - b.index);
  if (state.sort === 'rule') out.sort((a, b) => (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : a.index - b.index));
  return out;
}

function counts(findings: readonly Finding[]): Record<Level, number> {
  const c: Record<Level, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.level]++;
  return c;
}

function renderStatus(): void {
  const r = state.result;
  document.body.dataset.state = r ? 'done' : 'idle';
  if (!r) {
    el.status.textContent = say('status.idle');
    return;
  }
  const ms = r.ms < 10 ? r.ms.toFixed(1) : String(Math.round(r.ms));
  const c = counts(r.findings);
  el.status.textContent = r.findings.length
    ? say('status.problems', { total: r.findings.length, ...c, ms })
    : say('status.clean', { rules: RULES.length, ms });
  el.status.dataset.ms = r.ms.toFixed(2);
  if (r.failures.length) showAlert(r.failures.map((f) => say('status.failed', { rule: f.ruleId, detail: f.message })).join('；'));
}

function renderFilters(): void {
  const findings = state.result?.findings ?? [];
  const c = counts(findings);
  el.levelFilters.replaceChildren(
    ...LEVELS.map((level) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = `chip chip-${level}`;
      b.dataset.level = level;
      b.setAttribute('aria-pressed', String(!state.hiddenLevels.has(level)));
      b.innerHTML = `<span class="dot" aria-hidden="true"></span>${escapeHtml(say(`level.${level}`))} <span class="count">${c[level]}</span>`;
      return b;
    }),
  );
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  if (state.rule && !byRule.has(state.rule)) state.rule = '';
  const all = new Option(`${say('findings.allRules')} (${findings.length})`, '');
  const options = [...byRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, n]) => new Option(`${RULES_BY_ID.get(id)?.docs.summary[state.locale] ?? id} (${n})`, id));
  el.ruleFilter.replaceChildren(all, ...options);
  el.ruleFilter.value = state.rule;
  el.ruleFilter.disabled = findings.length === 0;
}

function renderList(visible: ReturnType<typeof visibleFindings>): void {
  const r = state.result;
  el.list.replaceChildren(...visible.map(({ finding, index }) => findingItem(finding, index, r!)));
  el.empty.textContent = !r ? say('findings.waiting') : r.findings.length === 0 ? say('findings.none') : visible.length === 0 ? say('findings.noneFiltered') : '';
  el.empty.hidden = el.empty.textContent === '';
}

function findingItem(f: Finding, index: number, r: PageResult): HTMLLIElement {
  const li = document.createElement('li');
  li.className = `finding finding-${f.level}`;
  li.dataset.index = String(index);
  li.dataset.rule = f.ruleId;
  const open = state.selected === index;
  if (open) li.classList.add('selected');
  const pos = r.lines.position(f.start);
  const head = document.createElement('button');
  head.type = 'button';
  head.className = 'finding-head';
  head.setAttribute('aria-expanded', String(open));
  head.setAttribute('aria-controls', `detail-${index}`);
  head.innerHTML = `<span class="badge badge-${f.level}">${escapeHtml(say(`level.${f.level}`))}</span><span class="msg">${escapeHtml(f.message)}</span><span class="where">${escapeHtml(say('findings.location', { ...pos }))} · <code>${escapeHtml(f.ruleId)}</code>${f.fix ? ` · <span class="fixable">${escapeHtml(say('findings.fixable'))}</span>` : ''}</span>`;
  li.append(head);
  if (open) li.append(findingDetail(f, index, r));
  return li;
}

function findingDetail(f: Finding, index: number, r: PageResult): HTMLDivElement {
  const d = document.createElement('div');
  d.className = 'detail';
  d.id = `detail-${index}`;
  const parts: string[] = [];
  const span = r.lines.lineSpan(r.lines.position(f.start).line);
  const from = Math.max(span.start, f.start - 40);
  const to = Math.min(span.end, f.end + 40);
  parts.push(
    `<blockquote class="quote">${from > span.start ? '…' : ''}${escapeHtml(r.text.slice(from, f.start))}<mark>${escapeHtml(r.text.slice(f.start, Math.max(f.start, Math.min(f.end, to))))}</mark>${escapeHtml(r.text.slice(Math.min(f.end, to), to))}${to < span.end ? '…' : ''}</blockquote>`,
  );
  if (f.fix) {
    const before = r.text.slice(f.fix.start, f.fix.end);
    parts.push(
      `<div class="fix"><h4>${escapeHtml(say('finding.fix'))}</h4><p><span class="label">${escapeHtml(say('finding.fixFrom'))}</span> <del>${escapeHtml(before) || '∅'}</del> <span class="label">${escapeHtml(say('finding.fixTo'))}</span> <ins>${escapeHtml(f.fix.text) || escapeHtml(say('finding.delete'))}</ins></p><button type="button" class="button primary small" data-apply="${index}">${escapeHtml(say('finding.apply'))}</button></div>`,
    );
  } else {
    parts.push(`<p class="manual">${escapeHtml(say('finding.noFix'))}</p>`);
  }
  const evidence = evidenceRows(f.evidence, state.locale);
  if (evidence.main.length || evidence.rest.length) {
    const rows = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
    const rest = evidence.rest.length ? `<details class="raw"><summary>${escapeHtml(say('finding.rawEvidence'))}</summary><dl>${rows(evidence.rest)}</dl></details>` : '';
    parts.push(`<div class="evidence"><h4>${escapeHtml(say('finding.evidence'))}</h4>${evidence.main.length ? `<dl>${rows(evidence.main)}</dl>` : ''}${rest}</div>`);
  }
  const rule = RULES_BY_ID.get(f.ruleId);
  if (rule) {
    const section = (id: UiId, body: string) => (body ? `<h5>${escapeHtml(say(id))}</h5><p>${escapeHtml(body)}</p>` : '');
    const docs = rule.docs;
    parts.push(
      `<details class="explain"><summary>${escapeHtml(say('finding.explain'))}${state.locale === 'zh' ? '：' : ': '}${escapeHtml(docs.summary[state.locale])}</summary>${section('finding.what', localize(docs.what, state.locale))}${section('finding.why', localize(docs.why, state.locale))}${section('finding.source', localize(docs.source, state.locale))}${section('finding.example', localize(docs.example, state.locale))}${section('finding.useInstead', localize(docs.useInstead, state.locale))}</details>`,
    );
  }
  d.innerHTML = parts.join('');
  return d;
}

function renderDocument(visible: ReturnType<typeof visibleFindings>): void {
  const r = state.result;
  if (!r) {
    el.annotated.replaceChildren(Object.assign(document.createElement('p'), { className: 'empty', textContent: say('doc.emptyAnnotated') }));
  } else {
    el.annotated.replaceChildren(renderAnnotated(r.text, r.lines, visible));
  }
  el.sourceName.textContent = state.file ? say('doc.source', { name: state.file.name, encoding: state.file.encoding.toUpperCase() }) : '';
  highlightSelection();
}

function highlightSelection(): void {
  for (const m of el.annotated.querySelectorAll('mark.current')) m.classList.remove('current');
  if (state.selected === undefined) return;
  for (const m of el.annotated.querySelectorAll<HTMLElement>('mark[data-findings]')) {
    if (m.dataset.findings!.split(' ').includes(String(state.selected))) m.classList.add('current');
  }
}

function renderActions(): void {
  const r = state.result;
  const fixes = r ? fixable(r.findings).length : 0;
  el.applyAll.textContent = say('actions.applyAll', { n: fixes });
  el.applyAll.disabled = fixes === 0;
  el.undo.disabled = state.history.length === 0;
  for (const b of [el.copy, el.downloadText]) b.disabled = state.text === '';
  for (const b of [el.exportHtml, el.exportSarif, el.exportJson]) b.disabled = !r;
  // The copy's comments sit on the spans of the document as opened: once the text is edited here they would not.
  const docx = state.file?.docx;
  el.downloadDocx.hidden = !docx;
  el.downloadDocx.disabled = !r || !docx || r.text !== docx.text;
}

function render(): void {
  const visible = visibleFindings();
  renderStatus();
  renderFilters();
  renderList(visible);
  renderDocument(visible);
  renderActions();
}

function applyLanguage(): void {
  const locale = state.locale;
  document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  document.title = `${say('app.title')} · gongwen-lint`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = say(node.dataset.i18n as UiId);
  for (const node of document.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) node.placeholder = say(node.dataset.i18nPlaceholder as UiId);
  el.source.placeholder = say('doc.placeholder');
  el.language.textContent = say('app.language');
  el.language.lang = locale === 'zh' ? 'en' : 'zh-CN';
  el.language.setAttribute('aria-label', say('app.languageLabel'));
  el.list.setAttribute('aria-label', say('findings.listLabel'));
  el.levelFilters.setAttribute('aria-label', say('findings.level'));
  el.file.setAttribute('aria-label', `${say('toolbar.open')} ${say('toolbar.openHint')}`);
  el.footer.textContent = say('footer.rules', { n: RULES.length, version: VERSION });
}

function showAlert(message: string): void {
  el.alert.textContent = message;
  el.alert.hidden = false;
}

function hideAlert(): void {
  el.alert.hidden = true;
  el.alert.textContent = '';
}

// ---- interaction ---------------------------------------------------------------------------

function showTab(tab: 'edit' | 'annotated', focus = false): void {
  const annotated = tab === 'annotated';
  el.tabEdit.setAttribute('aria-selected', String(!annotated));
  el.tabAnnotated.setAttribute('aria-selected', String(annotated));
  el.tabEdit.tabIndex = annotated ? -1 : 0;
  el.tabAnnotated.tabIndex = annotated ? 0 : -1;
  el.sourceWrap.hidden = annotated;
  el.annotated.hidden = !annotated;
  if (focus) (annotated ? el.tabAnnotated : el.tabEdit).focus();
}

/** Selects a finding: expands it in the list and scrolls the annotated text to it. */
function select(index: number, opts: { scrollList?: boolean; focusList?: boolean } = {}): void {
  state.selected = state.selected === index && !opts.scrollList ? undefined : index;
  renderList(visibleFindings());
  highlightSelection();
  if (state.selected === undefined) return;
  showTab('annotated');
  const target = el.annotated.querySelector<HTMLElement>('mark.current');
  target?.scrollIntoView({ block: 'center', behavior: 'auto' });
  const item = el.list.querySelector<HTMLElement>(`li[data-index="${index}"]`);
  if (opts.scrollList) item?.scrollIntoView({ block: 'nearest' });
  if (opts.focusList !== false) item?.querySelector<HTMLButtonElement>('.finding-head')?.focus({ preventScroll: !!opts.scrollList });
}

async function applyAndRelint(findings: readonly Finding[]): Promise<void> {
  // Offsets belong to the text that was linted; after an edit, lint again before fixing anything.
  if (state.result?.text !== state.text) {
    await runLint();
    return;
  }
  const { text, applied } = applyFindingFixes(state.text, findings);
  state.history.push(state.text);
  setText(text, { keepHistory: true });
  await runLint();
  el.status.textContent = `${say('status.applied', { n: applied })} · ${el.status.textContent}`;
}

async function open(file: File): Promise<void> {
  hideAlert();
  try {
    const opened = await openFile(file);
    const docx = opened.docx && { bytes: opened.docx, text: opened.text };
    setText(opened.text, { file: { name: opened.name, encoding: opened.encoding, bom: opened.bom, crlf: opened.text.includes('\r\n'), docx }, format: opened.format });
    state.selected = undefined;
    await runLint();
    showTab(state.result?.findings.length ? 'annotated' : 'edit');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    const detail = e.code === 'undecodable' ? say('input.undecodable', { detail: e.detail }) : t(state.locale, `input.${e.code}`, { detail: e.detail });
    showAlert(`${file.name}: ${detail}`);
  }
}

function documentName(): string {
  return state.file?.name ?? (state.locale === 'zh' ? '粘贴的文本.txt' : 'pasted-text.txt');
}

el.language.addEventListener('click', () => {
  state.locale = state.locale === 'zh' ? 'en' : 'zh';
  try {
    localStorage.setItem('gongwen-lint.locale', state.locale);
  } catch {
    // Storage may be disabled for file:// pages; the switch still works for this visit.
  }
  applyLanguage();
  if (state.result) void runLint();
  else render();
});

el.source.addEventListener('input', () => {
  // The textarea hands back \n; a file that used \r\n keeps them.
  state.text = state.file?.crlf ? el.source.value.replace(/\r?\n/g, '\r\n') : el.source.value;
  scheduleLint();
});
el.source.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    void runLint().then(() => state.result?.findings.length && showTab('annotated'));
  }
});
el.check.addEventListener('click', () => void runLint().then(() => state.result?.findings.length && showTab('annotated')));
el.clear.addEventListener('click', () => {
  setText('', { file: undefined });
  hideAlert();
  void runLint();
  showTab('edit');
  el.source.focus();
});
el.sample.addEventListener('click', () => {
  setText(SAMPLE, { file: undefined, format: 'text' });
  hideAlert();
  void runLint().then(() => showTab('annotated'));
});
el.format.addEventListener('change', () => {
  state.format = el.format.value as SourceFormat;
  void runLint();
});
el.file.addEventListener('change', () => {
  const file = el.file.files?.[0];
  if (file) void open(file);
  el.file.value = '';
});

// Dropping a file anywhere must never navigate away from the page (the browser's default).
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());
el.document.addEventListener('dragenter', () => el.document.classList.add('dragging'));
el.document.addEventListener('dragleave', (e) => {
  if (!el.document.contains(e.relatedTarget as Node | null)) el.document.classList.remove('dragging');
});
el.document.addEventListener('drop', (e) => {
  el.document.classList.remove('dragging');
  const file = e.dataTransfer?.files[0];
  if (file) {
    e.preventDefault();
    void open(file);
  }
});

el.tabEdit.addEventListener('click', () => showTab('edit'));
el.tabAnnotated.addEventListener('click', () => showTab('annotated'));
for (const tab of [el.tabEdit, el.tabAnnotated]) {
  tab.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') showTab(tab === el.tabEdit ? 'annotated' : 'edit', true);
  });
}

el.levelFilters.addEventListener('click', (e) => {
  const chip = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-level]');
  if (!chip) return;
  const level = chip.dataset.level as Level;
  if (state.hiddenLevels.has(level)) state.hiddenLevels.delete(level);
  else state.hiddenLevels.add(level);
  render();
  el.levelFilters.querySelector<HTMLButtonElement>(`button[data-level="${level}"]`)?.focus();
});
el.ruleFilter.addEventListener('change', () => {
  state.rule = el.ruleFilter.value;
  render();
});
el.sort.addEventListener('change', () => {
  state.sort = el.sort.value as State['sort'];
  render();
});
el.search.addEventListener('input', () => {
  state.search = el.search.value;
  render();
});

el.list.addEventListener('click', (e) => {
  const target = e.target as HTMLElement;
  const apply = target.closest<HTMLButtonElement>('button[data-apply]');
  if (apply) {
    const finding = state.result?.findings[Number(apply.dataset.apply)];
    if (finding?.fix) void applyAndRelint([finding]).then(() => state.selected !== undefined && select(state.selected, { scrollList: true }));
    return;
  }
  const head = target.closest<HTMLElement>('.finding-head');
  if (head) select(Number(head.parentElement!.dataset.index));
});
el.list.addEventListener('keydown', (e) => {
  const head = (e.target as HTMLElement).closest<HTMLElement>('.finding-head');
  if (!head) return;
  const heads = [...el.list.querySelectorAll<HTMLElement>('.finding-head')];
  const at = heads.indexOf(head);
  const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: heads.length - 1 }[e.key];
  if (to === undefined || !heads[to]) return;
  e.preventDefault();
  heads[to].focus();
});
el.annotated.addEventListener('click', (e) => {
  const m = (e.target as HTMLElement).closest<HTMLElement>('mark[data-findings]');
  if (!m) return;
  const indices = m.dataset.findings!.split(' ').map(Number);
  // Clicking again cycles through findings that overlap here.
  const next = indices[(indices.indexOf(state.selected ?? -1) + 1) % indices.length];
  select(next, { scrollList: true, focusList: false });
});

el.applyAll.addEventListener('click', () => void applyAndRelint(fixable(state.result?.findings ?? [])));
el.undo.addEventListener('click', () => {
  const previous = state.history.pop();
  if (previous === undefined) return;
  setText(previous, { keepHistory: true });
  void runLint().then(() => (el.status.textContent = `${say('status.undone')} · ${el.status.textContent}`));
});
el.copy.addEventListener('click', async () => {
  const ok = await copyText(state.text, el.source);
  el.status.textContent = say(ok ? 'status.copied' : 'status.copyFailed');
});
el.downloadText.addEventListener('click', () => {
  const name = derivedName(documentName(), state.locale === 'zh' ? '-修改后' : '-fixed');
  // Browsers write only UTF-8. A file that had a BOM, or came in GB18030 or UTF-16, gets a UTF-8 BOM so that old Windows editors still read it right.
  const bom = state.file && (state.file.bom || !['utf-8', 'docx'].includes(state.file.encoding)) ? '\ufeff' : '';
  download(name, bom + state.text, 'text/plain;charset=utf-8');
});
el.downloadDocx.addEventListener('click', () => {
  const r = state.result;
  const docx = state.file?.docx;
  if (!r || !docx || r.text !== docx.text) return;
  try {
    // The CLI's annotator (src/annotate), run here: the document never leaves the browser.
    const out = annotateDocx(docx.bytes, r.text, r.findings, { locale: state.locale });
    download(derivedName(documentName(), '.gongwen-lint', '.docx'), out.bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    el.status.textContent = say('status.docxWritten', { comments: out.comments, revisions: out.revisions });
  } catch (e) {
    if (!(e instanceof AnnotateError)) throw e;
    showAlert(`${documentName()}: ${t(state.locale, `annotate.${e.code}`, { detail: e.detail })}`);
  }
});
el.exportSarif.addEventListener('click', () => {
  if (!state.result) return;
  const encoding = state.file?.encoding === 'docx' ? undefined : state.file?.encoding;
  download(derivedName(documentName(), '', '.sarif'), sarifReport(state.result, documentName(), encoding, state.locale), 'application/sarif+json');
});
el.exportJson.addEventListener('click', () => {
  if (!state.result) return;
  const encoding = state.file?.encoding === 'docx' ? undefined : state.file?.encoding;
  download(derivedName(documentName(), '.gongwen-lint', '.json'), jsonReport(state.result, documentName(), encoding), 'application/json');
});
el.exportHtml.addEventListener('click', () => {
  const r = state.result;
  if (!r) return;
  const html = htmlReport({ text: r.text, lines: r.lines, findings: r.findings, name: documentName(), locale: state.locale, checkedAt: new Date(), rules: RULES_BY_ID, version: VERSION });
  download(derivedName(documentName(), state.locale === 'zh' ? '-检查报告' : '-report', '.html'), html, 'text/html;charset=utf-8');
});

applyLanguage();
showTab('edit');
render();
// Compile the rules while the reader is still pasting, so that the first check is quick.
setTimeout(() => void prepareEngine(), 0);
