import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

// Two checkable claims (a ratio and an enumeration), one rate without a base, one placeholder.
const DOC = '2024年工作总结\n一、主要成效\n共受理信访事项120件，办结114件，办结率95%。规上工业产值同比增长8.5%。\n有东坑、西岭等2个村被评为卫生村。全镇投资1X亿元，比上年的10亿元增长6%。\n二、存在问题\n项目储备不足。\n';

describe('numeric claim coverage', () => {
  it('is summarised on the stylish summary line', async () => {
    const r = await cli(['a.txt'], tempDir({ 'a.txt': DOC }));
    expect(r.stdout).toMatch(/数值声明 4 项：核查 2 项，无法核查 2 项/);
  });

  it('is detailed per file and in total with --stats, with reasons', async () => {
    const r = await cli(['a.txt', 'b.txt', '--stats', '--locale', 'en'], tempDir({ 'a.txt': DOC, 'b.txt': '全镇经济平稳运行。\n' }));
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Numeric claim coverage:');
    const row = (name: string) => lines.find((l) => new RegExp(`^ +${name} +\\d`).test(l));
    expect(row('a\\.txt')).toMatch(/4 numeric claims: 2 checked, 2 not checkable \(placeholder 1, missing base 1\)/);
    expect(row('b\\.txt')).toMatch(/0 numeric claims/);
    expect(row('total')).toMatch(/4 numeric claims/);
  });

  it('goes into SARIF run.properties, totals and per file', async () => {
    const r = await cli(['a.txt', '--format', 'sarif'], tempDir({ 'a.txt': DOC }));
    const props = JSON.parse(r.stdout).runs[0].properties.numericClaims;
    expect(props).toMatchObject({ found: 4, checked: 2, notCheckable: 2, reasons: { placeholder: 1, 'missing-base': 1 } });
    expect(props.files).toEqual([expect.objectContaining({ file: 'a.txt', found: 4 })]);
  });

  it('appears in JSON only with --stats', async () => {
    const dir = tempDir({ 'a.txt': DOC });
    expect(JSON.parse((await cli(['a.txt', '--format', 'json'], dir)).stdout)[0].coverage).toBeUndefined();
    expect(JSON.parse((await cli(['a.txt', '--format', 'json', '--stats'], dir)).stdout)[0].coverage).toMatchObject({ found: 4, checked: 2 });
  });
});
