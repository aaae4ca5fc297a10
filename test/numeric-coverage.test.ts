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

  it('counts the rates whose counts are in the text but not linked, on the summary line and with --stats', async () => {
    const doc = '2024年工作总结\n全县应参保人数19.8万人，参保率96.3%，其中新增参保3,200人。\n';
    const dir = tempDir({ 'a.txt': doc });
    expect((await cli(['a.txt'], dir)).stdout).toMatch(/无法核查 1 项（其中1项比率的数据在文中但未能对应）/);
    const stats = (await cli(['a.txt', '--stats', '--locale', 'en'], dir)).stdout;
    expect(stats).toMatch(/1 not checkable \(1 rate whose counts are in the text but not linked\)/);
    // The breakdown (19.8万人, 其中3,200人) is checked; the rate is not linked.
    expect(stats).toMatch(/a\.txt +2 numeric claims: 1 checked, 1 not checkable \(not linked 1\)/);
    // Without counts to link, the summary says nothing more.
    expect((await cli(['a.txt'], tempDir({ 'a.txt': '2024年工作总结\n全县城镇化率52.3%。\n' }))).stdout).not.toMatch(/未能对应/);
  });

  it('appears in JSON only with --stats', async () => {
    const dir = tempDir({ 'a.txt': DOC });
    expect(JSON.parse((await cli(['a.txt', '--format', 'json'], dir)).stdout)[0].coverage).toBeUndefined();
    expect(JSON.parse((await cli(['a.txt', '--format', 'json', '--stats'], dir)).stdout)[0].coverage).toMatchObject({ found: 4, checked: 2 });
  });
});
