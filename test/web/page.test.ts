import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import iconv from 'iconv-lite';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/cli/serve.js';
import { readDocx } from '../../src/input/docx.js';
import { makeDocx } from '../helpers/docx.js';
import { commentSpans, resolveRevisions, wAttr, wElements, wordLikeDraft, xmlOf } from '../helpers/word.js';

/**
 * The web page in a real browser: Debian's Chromium driven by playwright-core (no browser is ever
 * downloaded). The page is built here, with the built-in rules plus a fixture rule that has a fix.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`test/web/page.test.ts: skipped — ${CHROMIUM} is not installed (apt-get install -y chromium fonts-noto-cjk)`);
}

const root = path.resolve(import.meta.dirname, '../..');
const artifacts = path.join(root, 'test-artifacts');
const Ajv04 = AjvDraft04.default;
const sarifSchema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

// Written for this test. Filler lines push the placeholder far down, so that locating it has to scroll.
const FILLER = Array.from({ length: 45 }, (_, i) => `（${i + 1}）第${i + 1}项重点工作按计划推进，完成年度目标的${40 + i}%。`);
const DRAFT = [
  '柳溪乡2025年上半年工作总结',
  '一、主要成效',
  '全乡新建蔬菜大棚40座,带动农户增收。改造危房*户。',
  ...FILLER,
  '二、下半年打算',
  '继续抓好项目建设,完成道路硬化XX公里。',
  '',
].join('\n');

describe.skipIf(!hasChromium)(`web page in Chromium (${CHROMIUM})`, () => {
  let browser: Browser;
  let outDir: string;
  let pageUrl: string;

  beforeAll(async () => {
    const [{ build }, { webConfig }, { chromium }] = await Promise.all([import('vite'), import('../../web/vite.config.js'), import('playwright-core')]);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-web-'));
    await build({ ...webConfig({ outDir, extraRuleDirs: [path.join(root, 'test/fixtures/web-rules')] }), configFile: false });
    pageUrl = `file://${path.join(outDir, 'index.html')}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    fs.mkdirSync(artifacts, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  /** A fresh page that records every request and every script error. */
  async function open(url = pageUrl, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; page: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(url);
    return { context, page, requests, errors };
  }

  async function paste(page: Page, text: string): Promise<void> {
    await page.click('#tab-edit');
    await page.fill('#source', text);
    await page.click('#check');
    await page.waitForSelector('body[data-state="done"]');
  }

  /** [rule, message] of the listed findings of the rules this test knows (other rules may be added to rules/ at any time). */
  async function listed(page: Page, rules = ['no-placeholder', 'missing-problems-section', 'web-test-comma']): Promise<string[]> {
    const items = await page.$$eval('#findings-list li', (lis) => lis.map((li) => `${li.dataset.rule}: ${li.querySelector('.msg')!.textContent}`));
    return items.filter((s) => rules.includes(s.split(':')[0]));
  }

  async function saveDownload(page: Page, button: string): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, 'utf8') };
  }

  it('lints pasted text, locates a finding, applies a fix and exports SARIF, with no request but the page', async () => {
    const { context, page, requests, errors } = await open();
    await paste(page, DRAFT);

    expect((await listed(page)).sort()).toEqual(
      [
        'missing-problems-section: 工作总结缺少“存在问题”部分（问题和不足、困难和问题等）',
        'no-placeholder: 占位符“*”未替换为实际内容',
        'no-placeholder: 占位符“XX”未替换为实际内容',
        'web-test-comma: 中文之间应使用全角逗号“，”',
        'web-test-comma: 中文之间应使用全角逗号“，”',
      ].sort(),
    );
    await expect(page.textContent('#apply-all')).resolves.toMatch(/（[2-9]\d*）/);

    // Clicking the finding far down the document selects it and scrolls the annotated text to it.
    await page.click('li[data-rule="no-placeholder"]:has-text("XX") .finding-head');
    await expect(page.isVisible('#annotated')).resolves.toBe(true);
    await expect(page.getAttribute('li[data-rule="no-placeholder"]:has-text("XX") .finding-head', 'aria-expanded')).resolves.toBe('true');
    const current = page.locator('#annotated mark.current');
    await expect(current.textContent()).resolves.toBe('XX');
    const inView = await current.evaluate((m) => {
      const box = m.getBoundingClientRect();
      const pane = m.closest('#annotated')!.getBoundingClientRect();
      return { top: box.top >= pane.top, bottom: box.bottom <= pane.bottom, scrolled: m.closest('#annotated')!.scrollTop > 0 };
    });
    expect(inView).toEqual({ top: true, bottom: true, scrolled: true });
    // The explanation and the computed evidence are shown with it.
    await expect(page.textContent('li.selected .detail')).resolves.toContain('匹配文本XX');
    await expect(page.textContent('li.selected .explain summary')).resolves.toContain('占位符');
    await page.screenshot({ path: path.join(artifacts, 'web-1280x800.png') });

    // One fix at a time, then undo, then all of them.
    const commas = await page.locator('li[data-rule="web-test-comma"]').count();
    await page.click('li[data-rule="web-test-comma"] >> nth=0 >> .finding-head');
    await page.click('li.selected button[data-apply]');
    await page.waitForFunction((n) => document.querySelectorAll('li[data-rule="web-test-comma"]').length === n, commas - 1);
    const fixed = await page.inputValue('#source');
    expect(fixed).toContain('大棚40座，带动');
    expect(fixed).toContain('项目建设,完成');
    expect(fixed.length).toBe(DRAFT.length);
    await page.click('#undo');
    await page.waitForFunction((n) => document.querySelectorAll('li[data-rule="web-test-comma"]').length === n, commas);
    await expect(page.inputValue('#source')).resolves.toBe(DRAFT);

    const sarif = await saveDownload(page, '#export-sarif');
    expect(sarif.name).toBe('粘贴的文本.sarif');
    const log = JSON.parse(sarif.text);
    const validate = new Ajv04({ strict: false, allErrors: true, unicodeRegExp: false }).compile(sarifSchema);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(log.runs[0].tool.driver.version).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    const results = log.runs[0].results as Array<{ ruleId: string; fixes?: unknown[]; locations: Array<{ physicalLocation: { region: { snippet: { text: string } } } }> }>;
    expect(results.length).toBe(await page.locator('#findings-list li').count());
    expect(results.filter((r) => r.ruleId === 'web-test-comma').every((r) => r.fixes?.length === 1)).toBe(true);
    expect(results.find((r) => r.locations[0].physicalLocation.region.snippet.text === 'XX')?.ruleId).toBe('no-placeholder');

    await page.click('#apply-all');
    await page.waitForFunction(() => document.querySelectorAll('li[data-rule="web-test-comma"]').length === 0);
    await expect(page.inputValue('#source')).resolves.toContain('项目建设，完成');

    expect(errors).toEqual([]);
    expect(requests).toEqual([pageUrl]);
    // The page's policy would stop a request even if some code tried one.
    await expect(page.evaluate(() => fetch('http://127.0.0.1:9/').then(() => 'sent', () => 'blocked'))).resolves.toBe('blocked');
    expect(requests).toEqual([pageUrl]);
    await context.close();
  });

  it('downloads the fixed text, a JSON report and a printable HTML report', async () => {
    const { context, page, requests } = await open();
    await paste(page, DRAFT);
    await page.click('#apply-all');
    await page.waitForFunction(() => document.querySelectorAll('li[data-rule="web-test-comma"]').length === 0);
    const text = await saveDownload(page, '#download-text');
    expect(text.name).toBe('粘贴的文本-修改后.txt');
    expect(text.text).toBe(DRAFT.replace(/,/g, '，'));

    const json = await saveDownload(page, '#export-json');
    const [file] = JSON.parse(json.text);
    expect(file.messages.map((m: { ruleId: string }) => m.ruleId)).toContain('no-placeholder');
    expect(file.messages.find((m: { ruleId: string; line: number }) => m.ruleId === 'no-placeholder' && m.line === 3)?.column).toBe(24);

    const html = await saveDownload(page, '#export-html');
    expect(html.name).toBe('粘贴的文本-检查报告.html');
    // Document text is escaped: a draft quoting markup cannot inject into the report. The hostile
    // line comes before the other placeholders so that its excerpt heads the grouped row.
    await paste(page, DRAFT.replace('\n', '\n备注：<img src=x onerror=alert(1)>投资==亿元\n'));
    const hostile = await saveDownload(page, '#export-html');
    expect(hostile.text).toContain('=alert(1)&gt;投资<b>==</b>');
    expect(hostile.text).not.toContain('<img');
    expect(html.text).toContain('公文检查报告');
    // One row per rule: the first placeholder is the excerpt, the other forms are named beside it.
    expect(html.text).toContain('改造危房<b>*</b>户');
    expect(html.text).toMatch(/同类：[^<]*XX/);
    expect(html.text).toContain('审核人');
    expect(html.text).not.toMatch(/<script|https?:\/\/(?!schemas)/);
    const report = await context.newPage();
    await report.setContent(html.text);
    await report.screenshot({ path: path.join(artifacts, 'web-report.png'), fullPage: true });
    expect(requests).toEqual([pageUrl]);
    await context.close();
  });

  it('downloads the opened .docx with its findings as Word comments and fixes as tracked changes, made in the page', async () => {
    const { context, page, errors, requests } = await open();
    const original = await wordLikeDraft();
    await expect(page.isHidden('#download-docx')).resolves.toBe(true);
    await page.setInputFiles('#file', { name: '初稿.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: original });
    await page.waitForFunction(() => document.querySelector('#source-name')!.textContent!.includes('初稿.docx'));
    await page.waitForSelector('body[data-state="done"]');
    const findings = await page.$$eval('#findings-list li', (lis) => lis.map((li) => li.dataset.rule!));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
    expect(download.suggestedFilename()).toBe('初稿.gongwen-lint.docx');
    const copy = fs.readFileSync((await download.path())!);
    const comments = wElements(xmlOf(copy, 'word/comments.xml'), 'comment').filter((c) => wAttr(c, 'author') === 'gongwen-lint');
    expect(comments.map((c) => /规则：([\w-]+)/.exec(c.textContent ?? '')![1]).sort()).toEqual([...findings].sort());
    const spans = commentSpans(copy);
    expect(comments.filter((c) => c.textContent!.includes('no-placeholder')).map((c) => spans.get(wAttr(c, 'id')))).toEqual(['XX', 'XX', 'XX']);
    expect(wElements(xmlOf(copy, 'word/document.xml'), 'ins').map((i) => i.textContent)).toContain('，');
    // Rejecting every change gives back the text that was opened.
    const { text } = await readDocx('rejected.docx', resolveRevisions(copy, 'reject'));
    await expect(page.inputValue('#source')).resolves.toBe(text);
    await expect(page.textContent('#status')).resolves.toMatch(/已生成带批注的副本：\d+ 条批注/);

    // Once the text is edited in the page, the copy would no longer match it.
    await page.click('#tab-edit');
    await page.fill('#source', `${text}\n补充一段。`);
    await page.click('#check');
    await page.waitForSelector('body[data-state="done"]');
    await expect(page.isDisabled('#download-docx')).resolves.toBe(true);
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
    await context.close();
  });

  it('opens .docx, GB18030 and Markdown files, and refuses other types with a message', async () => {
    const { context, page, errors, requests } = await open();
    const docx = await makeDocx(['桃源镇2024年工作总结', '一、工作成效', '新建村级活动场所XX个。', '二、存在的问题', '产业基础薄弱。']);
    await page.setInputFiles('#file', { name: '总结.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    await page.waitForFunction(() => document.querySelector('#source-name')!.textContent!.includes('总结.docx'));
    await expect(page.inputValue('#source')).resolves.toBe('桃源镇2024年工作总结\n一、工作成效\n新建村级活动场所XX个。\n二、存在的问题\n产业基础薄弱。');
    expect(await listed(page)).toEqual(['no-placeholder: 占位符“XX”未替换为实际内容']);

    const gb = iconv.encode('石桥村2024年工作计划\r\n完成改厕*户。\r\n', 'gb18030');
    await page.setInputFiles('#file', { name: '计划.txt', mimeType: 'text/plain', buffer: gb });
    await page.waitForFunction(() => document.querySelector('#source-name')!.textContent!.includes('GB18030'));
    expect(await listed(page)).toEqual(['no-placeholder: 占位符“*”未替换为实际内容']);

    await page.setInputFiles('#file', { name: '说明.md', mimeType: 'text/markdown', buffer: Buffer.from('# 说明\n\n* 新建道路3条\n* 改造桥梁**2**座\n') });
    await page.waitForFunction(() => document.querySelector('#source-name')!.textContent!.includes('说明.md'));
    await expect(page.inputValue('#format')).resolves.toBe('markdown');
    expect(await listed(page, ['no-placeholder'])).toEqual([]);

    // Front matter: its title is checked (the YAML reader is loaded on demand, inlined in the page), its tags are not.
    await page.setInputFiles('#file', { name: '页面.md', mimeType: 'text/markdown', buffer: Buffer.from('---\ntitle: 某镇2024年工作计划\ntags: [XX]\n---\n\n全年新建道路3公里。\n') });
    await page.waitForFunction(() => document.querySelector('#source-name')!.textContent!.includes('页面.md'));
    expect(await listed(page, ['no-placeholder'])).toEqual(['no-placeholder: 占位符“某镇”未替换为实际内容']);

    // Dropped rather than chosen: a UTF-16 file with a BOM.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('河口社区2025年工作计划\n走访群众==户。\n', 'utf16le')]);
    const dropped = await page.evaluateHandle((bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], '社区.txt', { type: 'text/plain' }));
      return transfer;
    }, [...utf16]);
    await page.dispatchEvent('#document', 'drop', { dataTransfer: dropped });
    await page.waitForFunction(() => document.querySelector('#source-name')!.textContent!.includes('UTF-16LE'));
    expect(await listed(page)).toEqual(['no-placeholder: 占位符“==”未替换为实际内容']);

    await page.setInputFiles('#file', { name: '旧稿.doc', mimeType: 'application/msword', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) });
    await expect(page.locator('#alert').textContent()).resolves.toBe('旧稿.doc: 不支持的文件类型（.doc）');
    expect(errors).toEqual([]);
    expect(requests).toEqual([pageUrl]);
    await context.close();
  });

  it('switches to English, and is usable by keyboard and in a narrow window', async () => {
    const { context, page } = await open(pageUrl, { width: 420, height: 800 });
    await paste(page, DRAFT);
    await page.click('#language');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.body.dataset.state === 'done');
    expect(await listed(page, ['no-placeholder'])).toContain('no-placeholder: Placeholder "XX" was left in the text');
    await expect(page.textContent('#check')).resolves.toBe('Check');

    // Filters: by level, by rule, by text.
    const all = await page.locator('#findings-list li').count();
    await page.click('#level-filters button[data-level="error"]');
    await expect(page.getAttribute('#level-filters button[data-level="error"]', 'aria-pressed')).resolves.toBe('false');
    expect(await page.$$eval('#findings-list li', (lis) => lis.filter((li) => li.classList.contains('finding-error')).length)).toBe(0);
    await page.click('#level-filters button[data-level="error"]');
    await page.selectOption('#rule-filter', 'web-test-comma');
    expect(await page.$$eval('#findings-list li', (lis) => [...new Set(lis.map((li) => li.dataset.rule))])).toEqual(['web-test-comma']);
    expect(await page.locator('#annotated mark').count()).toBe(2);
    await page.selectOption('#rule-filter', '');
    await page.fill('#search', 'XX');
    expect(await listed(page)).toEqual(['no-placeholder: Placeholder "XX" was left in the text']);
    await page.fill('#search', '');
    await expect(page.locator('#findings-list li').count()).resolves.toBe(all);

    // Nothing sticks out sideways; every control has an accessible name.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    const unnamed = await page.$$eval('button, select, input, textarea', (els) =>
      els.filter((e) => !(e as HTMLElement).hidden && !(e.textContent?.trim() || e.getAttribute('aria-label') || (e as HTMLInputElement).labels?.length)).map((e) => e.outerHTML),
    );
    expect(unnamed).toEqual([]);

    // Arrow keys move between findings; Enter opens one.
    await page.focus('#findings-list li:first-child .finding-head');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement).closest('li')!.dataset.index);
    expect(focused).toBe(await page.getAttribute('#findings-list li:nth-child(2)', 'data-index'));
    await page.keyboard.press('Enter');
    await expect(page.getAttribute('#findings-list li:nth-child(2) .finding-head', 'aria-expanded')).resolves.toBe('true');
    await page.screenshot({ path: path.join(artifacts, 'web-narrow-420.png'), fullPage: true });
    await context.close();
  });

  it('works the same from gongwen-lint serve', async () => {
    let server: RunningServer | undefined;
    try {
      server = await startServer({ host: '127.0.0.1', port: 0, page: path.join(outDir, 'index.html') });
      const { context, page, requests, errors } = await open(server.url);
      await paste(page, DRAFT);
      expect((await listed(page, ['no-placeholder'])).length).toBe(2);
      // Copying the (fixed) text: an http://127.0.0.1 page may use the clipboard once allowed.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
      await page.click('#apply-all');
      await page.waitForFunction(() => document.querySelectorAll('li[data-rule="web-test-comma"]').length === 0);
      await page.click('#copy');
      await page.waitForFunction(() => document.getElementById('status')!.textContent === '已复制到剪贴板');
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(DRAFT.replace(/,/g, '，'));
      expect(errors).toEqual([]);
      expect(requests).toEqual([server.url]);
      await context.close();
    } finally {
      await server?.close();
    }
  });
});
