import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFile, type FileJob } from '../src/batch/lint-file.js';
import { fileResult, type RenderRequest } from '../src/batch/render.js';
import { RuleRegistry } from '../src/config/rule-set.js';
import { ConfigResolver } from '../src/config/resolve.js';
import { formatJson } from '../src/report/json.js';
import { count } from '../src/report/result.js';
import { cli, tempDir } from './helpers/cli.js';

// A summary with errors, warnings, fixable findings, a suppressed one and numeric claims (coverage).
const FILES = {
  'a.md': [
    '# 某镇2024年上半年工作总结',
    '',
    '<!-- gongwen-lint-disable-next-line no-placeholder -- 待财政局核实 -->',
    '投资XX万元,新建道路2-3公里。',
    '',
    '共受理信访128件，办结111件，办结率90.13%。',
    '',
  ].join('\n'),
  'b.txt': '2024年工作计划\n各项工作有序推进。\n',
};

async function outcomes(dir: string, render?: RenderRequest) {
  const resolver = new ConfigResolver(dir);
  const registry = new RuleRegistry(dir);
  const out = [];
  for (const name of Object.keys(FILES)) {
    const file = path.join(dir, name);
    const { config } = await resolver.resolve(file);
    const job: FileJob = { path: file, display: name, locale: 'zh', config, reportUnusedDisable: false, ...(render && { render }) };
    out.push(await lintFile(job, registry));
  }
  return out;
}

describe('report entries rendered where a document is linted', () => {
  it.each([
    { quiet: false, stats: false },
    { quiet: true, stats: false },
    { quiet: false, stats: true },
  ])('give the same JSON report and counts as rendering at the end (%o)', async ({ quiet, stats }) => {
    const dir = tempDir(FILES);
    const plain = (await outcomes(dir)).map((o) => fileResult(o, quiet));
    const rendered = (await outcomes(dir, { format: 'json', quiet, stats })).map((o) => fileResult(o, quiet));

    expect(plain[0].findings.length).toBeGreaterThan(0);
    expect(plain[0].suppressed?.length).toBe(1);
    expect(rendered.every((r) => r.findings.length === 0 && r.rendered)).toBe(true);
    expect(formatJson(rendered, { stats })).toBe(formatJson(plain, { stats }));
    expect(count(rendered)).toEqual(count(plain));
    if (stats) expect(formatJson(rendered, { stats })).toContain('"coverage"');
  });

  it('count toward the exit status in the CLI (-f json with --max-warnings and --quiet)', async () => {
    const dir = tempDir({ 'w.txt': '2024年上半年工作总结\n新建道路2-3公里。\n' });
    const json = await cli(['w.txt', '-f', 'json'], dir);
    expect(JSON.parse(json.stdout)[0].warningCount).toBeGreaterThan(0);
    expect(JSON.parse(json.stdout)[0].errorCount).toBe(0);
    expect(json.code).toBe(0);
    expect((await cli(['w.txt', '-f', 'json', '--max-warnings', '0'], dir)).code).toBe(1);
    const quiet = await cli(['w.txt', '-f', 'json', '--quiet', '--max-warnings', '0'], dir);
    expect(JSON.parse(quiet.stdout)[0].messages).toEqual([]);
    expect(quiet.code).toBe(0);
  });
});
