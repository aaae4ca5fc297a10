// Budgets of the offline web page: initial JavaScript ≤ 1.5 MB gzipped, and the first lint of a
// 20 KB document ≤ 200 ms in the browser (Debian's Chromium through playwright-core).
// Usage: node bench/web.mjs [--no-build]      (npm run bench:web)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const page = path.join(root, 'dist/web/index.html');
const CHROMIUM = '/usr/bin/chromium';
const JS_BUDGET = 1.5 * 1024 * 1024;
const LINT_BUDGET_MS = 200;

if (!process.argv.includes('--no-build')) {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
}

const html = fs.readFileSync(page, 'utf8');
const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const jsGzip = gzipSync(scripts, { level: 9 }).length;
let over = false;
const verdict = (ok) => {
  over ||= !ok;
  return ok ? 'ok' : 'OVER BUDGET';
};

console.log(`page          ${path.relative(root, page)}: ${kb(html.length)} raw, ${kb(gzipSync(html, { level: 9 }).length)} gzipped`);
console.log(`javascript    ${kb(Buffer.byteLength(scripts))} raw, ${kb(jsGzip)} gzipped (budget ${kb(JS_BUDGET)}) ${verdict(jsGzip <= JS_BUDGET)}`);
console.log(`css           ${kb(Buffer.byteLength(styles))} raw, ${kb(gzipSync(styles, { level: 9 }).length)} gzipped`);

/** About 20 KB of a made-up township summary (UTF-8), with a few placeholders in it. */
function document20k() {
  const topics = ['产业发展', '项目建设', '民生保障', '乡村振兴', '生态环境', '基层治理', '安全生产', '作风建设'];
  const lines = ['松川镇2024年工作总结', ''];
  let n = 0;
  while (Buffer.byteLength(lines.join('\n')) < 20 * 1024) {
    const topic = topics[n % topics.length];
    if (n % 6 === 0) lines.push(`${'一二三四五六七八九十'[Math.floor(n / 6) % 10]}、${topic}工作`);
    lines.push(
      `（${(n % 6) + 1}）${topic}持续推进。全年完成投资${(n * 0.37 + 1.2).toFixed(2)}亿元，同比增长${(n % 17) + 3}.${n % 10}%；新建项目${n + 4}个，其中续建项目${(n % 5) + 1}个，` +
        `带动就业${120 + n * 7}人，受理群众诉求${300 + n}件，办结${290 + n}件。${n % 9 === 4 ? '另有XX个项目正在前期论证。' : '各项任务按计划有序推进。'}`,
    );
    n++;
  }
  return lines.join('\n');
}

if (!fs.existsSync(CHROMIUM)) {
  console.log(`first lint    skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
} else {
  const { chromium } = await import('playwright-core');
  const text = document20k();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await tab.goto(`file://${page}`);
  const ready = await tab.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  // Set the text without an input event, so that the timed click is the page's first lint.
  await tab.evaluate((t) => (document.getElementById('source').value = t), text);
  const lintOnce = () =>
    tab.evaluate(
      () =>
        new Promise((resolve) => {
          const started = performance.now();
          const observer = new MutationObserver(() => {
            if (document.body.dataset.state !== 'done') return;
            observer.disconnect();
            resolve({ rendered: performance.now() - started, engine: Number(document.getElementById('status').dataset.ms) });
          });
          observer.observe(document.body, { attributes: true, attributeFilter: ['data-state'] });
          document.getElementById('source').dispatchEvent(new Event('input'));
          document.getElementById('check').click();
        }),
    );
  const first = await lintOnce();
  const again = [];
  for (let i = 0; i < 5; i++) again.push(await lintOnce());
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const findings = await tab.locator('#findings-list li').count();
  await browser.close();
  console.log(`page ready    ${ready.toFixed(1)} ms after navigation (file://, scripts parsed and run)`);
  console.log(`document      ${kb(Buffer.byteLength(text))} (${text.length} characters, ${text.split('\n').length} lines), ${findings} findings`);
  console.log(`first lint    ${first.engine.toFixed(1)} ms in the engine, ${first.rendered.toFixed(1)} ms until the findings are on screen (budget ${LINT_BUDGET_MS} ms) ${verdict(first.rendered <= LINT_BUDGET_MS)}`);
  console.log(`later lints   median ${median(again.map((r) => r.engine)).toFixed(1)} ms engine, ${median(again.map((r) => r.rendered)).toFixed(1)} ms on screen (5 runs)`);
  console.log(`machine       ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${process.version}`);
}
process.exitCode = over ? 1 : 0;
