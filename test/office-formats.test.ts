import fs from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';
import { cjkPdf, ofdPackage, word2003Xml } from './helpers/layout.js';

// Written for these tests: two pages of a draft with a placeholder, a half-width comma and a wrong ordinal mark.
const PAGE1 = ['青禾乡2025年工作计划', '一、重点任务', '新建高标准农田XX亩,年底前完工。'];
const PAGE2 = ['二、保障措施', '落实资金*万元，确保按期完成。'];

type Message = { ruleId: string; message: string; line: number; column: number };

async function findings(root: string, file: string): Promise<Message[]> {
  const run = await cli(['-f', 'json', file], root);
  const [result] = JSON.parse(run.stdout) as Array<{ messages: Message[] }>;
  return result.messages.map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }));
}

describe('fixed-layout and legacy formats, read by content', () => {
  it('reads an OFD package page by page in reading order, with the findings of the text it holds', async () => {
    const root = tempDir({ 'plan.ofd': ofdPackage([PAGE1, PAGE2]), 'plan.txt': [...PAGE1, ...PAGE2].join('\n') });
    const expected = await findings(root, 'plan.txt');
    expect(expected.map((f) => f.ruleId)).toContain('no-placeholder');
    expect(await findings(root, 'plan.ofd')).toEqual(expected);
    // Locations are page and visual line.
    const stylish = await cli(['plan.ofd'], root);
    expect(stylish.stdout).toMatch(/第2页 2:5 +错误 +占位符“\*”/);
    expect((await cli(['--locale', 'en', 'plan.ofd'], root)).stdout).toMatch(/p\.2 2:5 /);
  });

  it('reads a PDF’s text layer through the CJK CMaps, one line per visual line, and names a scan', async () => {
    const root = tempDir({ 'plan.pdf': cjkPdf([PAGE1, PAGE2]), 'plan.txt': [...PAGE1, ...PAGE2].join('\n'), 'scan.pdf': cjkPdf([null, null]) });
    expect(await findings(root, 'plan.pdf')).toEqual(await findings(root, 'plan.txt'));
    const scan = await cli(['scan.pdf', 'plan.pdf'], root);
    expect(scan.code).toBe(2);
    expect(scan.stderr).toBe('gongwen-lint: scan.pdf: PDF 中没有文字（可能是扫描件），无法检查；请先做文字识别（OCR），或检查原始 Word 文档\n');
    expect(scan.stdout).toContain('plan.pdf');
  });

  it('reads Word 2003 XML saved under a Word name', async () => {
    const root = tempDir({ 'plan.doc': word2003Xml([...PAGE1, ...PAGE2]), 'plan.txt': [...PAGE1, ...PAGE2].join('\n') });
    expect(await findings(root, 'plan.doc')).toEqual(await findings(root, 'plan.txt'));
  });

  it('says why --fix and --annotate leave them alone', async () => {
    const root = tempDir({ 'plan.pdf': cjkPdf([PAGE1]), 'plan.ofd': ofdPackage([PAGE1]) });
    const before = fs.readFileSync(path.join(root, 'plan.pdf'));
    const fix = await cli(['--fix', 'plan.pdf'], root);
    expect(fix.stderr).toContain('plan.pdf: PDF 文件只能检查，不能自动修复；请在原始文档中修改');
    expect(fs.readFileSync(path.join(root, 'plan.pdf')).equals(before)).toBe(true);
    const annotate = await cli(['--annotate', 'plan.ofd'], root);
    expect(annotate.stderr).toContain('plan.ofd: OFD 文件不能添加批注（只能检查）');
    expect(fs.readdirSync(root).sort()).toEqual(['plan.ofd', 'plan.pdf']);
  });

  it('gives each hostile file one line and goes on with the others', async () => {
    const pdf = cjkPdf([PAGE1]);
    const cfb = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb);
    Buffer.from('EncryptionInfo', 'utf16le').copy(cfb, 1024);
    const bomb = Buffer.from(zipSync({ 'OFD.xml': new Uint8Array(1024) }));
    bomb.writeUInt32LE(300 * 1024 * 1024, bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const root = tempDir({
      'a-truncated.pdf': pdf.subarray(0, 200),
      'b-empty.pdf': new Uint8Array(0),
      'c-encrypted.doc': cfb,
      'd-bomb.ofd': bomb,
      'e-text-named.pdf': '这不是PDF文件。',
      'f-pdf-named.docx': pdf,
      'g-good.ofd': ofdPackage([PAGE1]),
    });
    const run = await cli(['-f', 'json', '.'], root);
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^gongwen-lint: a-truncated\.pdf: 无法作为 PDF 读取/);
    expect(lines[1]).toBe('gongwen-lint: b-empty.pdf: 文件为空');
    expect(lines[2]).toMatch(/^gongwen-lint: c-encrypted\.doc: 文档已加密/);
    expect(lines[3]).toMatch(/^gongwen-lint: d-bomb\.ofd: .*300/);
    expect(lines[4]).toMatch(/^gongwen-lint: e-text-named\.pdf: 无法作为 PDF 读取/);
    const report = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Message[] }>;
    // Read by content: the PDF named .docx is linted as the PDF it is.
    for (const name of ['f-pdf-named.docx', 'g-good.ofd']) {
      expect(report.find((r) => r.filePath === name)?.messages.map((m) => m.ruleId)).toContain('no-placeholder');
    }
  });
});
