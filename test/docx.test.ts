import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../src/input/docx.js';
import { buildModel } from '../src/model/document.js';
import { cli, tempDir } from './helpers/cli.js';

/** A Word file written from known text: a title, numbered headings (Word's own numbering, not typed), a heading style, a table. */
async function sampleDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: '青山县2024年上半年工作总结' }),
          new Paragraph({ text: '主要成效', numbering: { reference: 'outline', level: 0 } }),
          new Paragraph({ text: '项目建设', numbering: { reference: 'outline', level: 1 } }),
          new Paragraph({ children: [new TextRun('完成投资'), new TextRun({ text: 'XX', bold: true }), new TextRun('万元。')] }),
          new Paragraph({ text: '' }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('指标')] }), new TableCell({ children: [new Paragraph('数值')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('新建道路')] }), new TableCell({ children: [new Paragraph('XX公里')] })] }),
            ],
          }),
          new Paragraph({ text: '下半年打算', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '继续推进项目建设。' }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('.docx input', () => {
  it('makes paragraphs lines, numbered lists and heading styles sections, table cells paragraphs', async () => {
    const root = tempDir({ 'a.docx': await sampleDocx() });
    const { text, parsed } = await readDocx(`${root}/a.docx`);
    expect(text.split('\n')).toEqual(['青山县2024年上半年工作总结', '主要成效', '项目建设', '完成投资XX万元。', '', '指标', '数值', '新建道路', 'XX公里', '下半年打算', '继续推进项目建设。']);
    const model = buildModel(text, 'text', parsed);
    expect(model.facts.title?.text).toBe('青山县2024年上半年工作总结');
    expect(model.facts.type).toBe('summary');
    const outline = (s: typeof model.root): unknown[] => s.children.map((c) => [c.heading!.title, ...outline(c)]);
    expect(outline(model.root)).toEqual([['主要成效', ['项目建设']], ['下半年打算']]);
    expect(parsed.blocks.filter((b) => b.kind === 'table-cell')).toHaveLength(4);
    const printed = JSON.parse((await cli(['--print-model', 'a.docx'], root)).stdout);
    expect(printed.sections.map((sec: { title: string; line: number }) => `${sec.title}@${sec.line}`)).toEqual(['主要成效@2', '下半年打算@10']);
  });

  it('locates findings by paragraph and column, and refuses what it cannot read', async () => {
    // ~$a.docx is the lock file Word keeps beside an open document: not a document.
    const root = tempDir({ 'a.docx': await sampleDocx(), '~$a.docx': 'lock', 'broken.docx': 'not a zip file', 'a.txt': '2024年工作计划\n投资XX万元。\n' });
    const { code, stdout, stderr } = await cli(['.', '-f', 'json', '--locale', 'en'], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^gongwen-lint: broken\.docx: cannot be read as a Word document \(\.docx\): .+\n$/);
    const report = JSON.parse(stdout);
    expect(report.map((f: { filePath: string }) => f.filePath)).toEqual(['a.docx', 'a.txt', 'broken.docx']);
    const at = report[0].messages.map((m: { ruleId: string; line: number; column: number }) => `${m.ruleId}@${m.line}:${m.column}`);
    expect(at).toEqual(['missing-problems-section@1:1', 'no-placeholder@4:5', 'no-placeholder@9:1']);
    const stylish = await cli(['a.docx', '--locale', 'en'], root);
    expect(stylish.stdout).toContain('  ¶4:5  error');
  });

  it('--fix refuses a Word document in one line and still reports its findings', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('2024年工作计划'), new Paragraph('道路建设顺利完成。。')] }] });
    const bytes = await Packer.toBuffer(doc);
    const root = tempDir({ 'a.docx': bytes });
    const r = await cli(['--fix', 'a.docx', '-f', 'json', '--locale', 'en'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gongwen-lint: a.docx: cannot fix a .docx file in place (its formatting would be lost); --annotate writes a copy with comments and tracked changes to accept in Word\n');
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('duplicate-punctuation');
    expect(fs.readFileSync(`${root}/a.docx`).equals(bytes)).toBe(true);
  });

  it('takes suppression markers typed as their own paragraph out of the text', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('2024年工作计划'), new Paragraph('【gongwen-lint-disable-next-line no-placeholder】'), new Paragraph('投资XX万元。'), new Paragraph('新建XX公里。')] }],
    });
    const root = tempDir({ 'b.docx': await Packer.toBuffer(doc) });
    const report = JSON.parse((await cli(['b.docx', '-f', 'json'], root)).stdout);
    expect(report[0].messages.map((m: { line: number }) => m.line)).toEqual([4]);
  });
});
