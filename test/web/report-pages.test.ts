import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { builtinDefinitions } from '../../src/rules/builtin.js';
import { LineIndex } from '../../src/model/line-index.js';
import { htmlReport } from '../../web/src/report-html.js';
import { lintString } from '../helpers/lint.js';

// The printable report, printed as a reviewer would (A4, Chromium): one row per repeated finding, the
// changed characters of a fix rather than its whole paragraph, rule ids on one line.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/web/report-pages.test.ts: skipped — ${CHROMIUM} is not installed`);

/** A long draft with the problems a template-based draft has many times over, written for this test. */
function draft(): string {
  const lines = ['XX镇2024年上半年工作总结', '一、主要工作'];
  for (let i = 1; i <= 24; i++) {
    lines.push(
      `今年以来,我镇围绕第${i}项重点任务,扎实推进项目建设,完成投资${i}X.${i}万元;新建道路${i}公里,改造农房${i * 3}户,` +
        `群众满意度持续提升.同时加强统筹调度,强化要素保障,确保各项工作按时序推进,为全年目标任务完成打下坚实基础.`,
    );
  }
  for (let i = 1; i <= 20; i++) lines.push(`（${'一二三四五六七八九十'[i % 10]}）某村第${i}批次项目完成投资**万元，惠及群众XX户。`);
  lines.push('二、存在问题', '资金保障压力较大。');
  return `${lines.join('\n')}\n`;
}

function pdfPages(pdf: Buffer): number {
  try {
    return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', ['-'], { input: pdf, encoding: 'utf8' }))![1]);
  } catch {
    return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)!.length;
  }
}

describe.skipIf(!hasChromium)('the printable HTML report', () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  }, 60_000);
  afterAll(() => browser?.close());

  it('prints many findings on a few A4 pages, fixes as fragments, rule ids unbroken', async () => {
    const text = draft();
    const findings = await lintString(text);
    expect(findings.length).toBeGreaterThan(70);
    const rules = new Map((await builtinDefinitions()).map((d) => [d.id, d]));
    const html = htmlReport({ text, lines: new LineIndex(text), findings, name: '初稿.txt', locale: 'zh', checkedAt: new Date(0), rules, version: 'test' });
    const page = await browser.newPage();
    await page.setContent(html);
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    // Repeated findings of one rule share a row, which lists where each one is.
    expect(rows.length).toBeLessThan(findings.length / 2);
    expect(rows.some((cells) => /×\d+/.test(cells[3]))).toBe(true);
    // Placeholders of one kind share a row whatever they quote; the row names the others.
    const placeholders = rows.filter((cells) => cells[3].includes('no-placeholder'));
    expect(placeholders.length).toBeLessThanOrEqual(2);
    expect(placeholders.some((cells) => /同类：.*X/.test(cells[3]))).toBe(true);
    // No cell quotes a whole paragraph: a fix shows what it changes and a little around it.
    for (const cells of rows) expect(Math.max(...cells.slice(3).map((c) => c.length))).toBeLessThan(140);
    expect(await page.$$eval('code.rule-id', (ids) => ids.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent))).toEqual([]);
    const pages = pdfPages(await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }));
    expect(pages).toBeLessThanOrEqual(6);
    await page.close();
  }, 60_000);
});
