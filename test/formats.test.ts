import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../src/model/line-index.js';
import { formatGithub } from '../src/report/github.js';
import { formatGitlab } from '../src/report/gitlab.js';
import type { FileResult } from '../src/report/result.js';
import { cli, tempDir } from './helpers/cli.js';

const DOC = '2024年上半年工作总结\n一、主要成效\n投资XX万元，新建XX公里。\n二、下半年打算\n继续推进。\n';

describe('--format github (workflow commands)', () => {
  it('writes one annotation per finding in the documented ::level file=,line=,col=::message shape', async () => {
    const root = tempDir({ 'docs/a.txt': DOC });
    const { code, stdout } = await cli(['docs', '-f', 'github', '--locale', 'en'], root);
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=[^,:]+,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=[a-z-]+::[^\n]+$/);
    expect(lines[1]).toBe('::error file=docs/a.txt,line=3,endLine=3,col=3,endColumn=5,title=no-placeholder::Placeholder "XX" was left in the text');
  });

  it('escapes property separators and message line breaks', () => {
    const text = '50%完成\n';
    const result: FileResult = {
      path: '/x/a,b:c.txt',
      display: 'a,b:c.txt',
      lines: new LineIndex(text),
      findings: [{ ruleId: 'r', level: 'info', message: '100%\n第二行', start: 0, end: 3 }],
    };
    expect(formatGithub([result])).toBe('::notice file=a%2Cb%3Ac.txt,line=1,endLine=1,col=1,endColumn=4,title=r::100%25%0A第二行\n');
  });
});

// The fields GitLab reads from a Code Quality report (docs.gitlab.com/ci/testing/code_quality, "Code Quality report format").
const CODE_QUALITY = {
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', pattern: '^[^/]' },
          lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 } } },
        },
      },
    },
  },
};

describe('--format gitlab (Code Quality)', () => {
  it('matches the documented report shape with unique, stable fingerprints', async () => {
    const root = tempDir({ 'docs/a.txt': DOC, 'docs/b.txt': DOC });
    const { stdout } = await cli(['docs', '-f', 'gitlab'], root);
    const report = JSON.parse(stdout);
    const validate = new Ajv({ allErrors: true }).compile(CODE_QUALITY);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report).toHaveLength(6);
    const prints = report.map((i: { fingerprint: string }) => i.fingerprint);
    expect(new Set(prints).size).toBe(6);
    expect(report[1]).toMatchObject({ check_name: 'no-placeholder', severity: 'major', location: { path: 'docs/a.txt', lines: { begin: 3 } } });
    // An unrelated edit above a finding moves it but keeps its fingerprint.
    const moved = tempDir({ 'docs/a.txt': DOC.replace('一、主要成效\n', '一、主要成效\n各项工作有序推进。\n'), 'docs/b.txt': DOC });
    const again = JSON.parse((await cli(['docs', '-f', 'gitlab'], moved)).stdout);
    expect(again[1].location.lines.begin).toBe(4);
    expect(again.map((i: { fingerprint: string }) => i.fingerprint)).toEqual(prints);
  });
});
