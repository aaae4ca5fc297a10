import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';
import { makeDocx } from './helpers/docx.js';
import { SOFFICE, sofficeConvert } from './helpers/soffice.js';
import { wordLikeDraft } from './helpers/word.js';

/**
 * A real client opens the annotated copy: LibreOffice (headless) converts it to ODT and PDF, and the
 * comments and tracked changes must come through. LibreOffice is slow to start, so each format is one
 * conversion run. The first page, rendered to PNG (poppler's pdftoppm), is kept in test-artifacts/.
 */
const PDFTOPPM = fs.existsSync('/usr/bin/pdftoppm') ? '/usr/bin/pdftoppm' : undefined;
if (!SOFFICE) console.warn('test/annotate-libreoffice.test.ts: skipped — LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui)');

const artifacts = path.resolve(import.meta.dirname, '../test-artifacts');
// Written for this test.
const PLAN = ['石门镇2025年工作计划', '一、重点任务', '新建村道XX公里,年内完工。', '二、保障措施', '落实资金*万元，按期完成。'];

describe.skipIf(!SOFFICE)('the annotated copy in LibreOffice', () => {
  let root: string;
  let profile: string;
  let odt: string;
  let pdf: string;
  let report: Array<{ messages: Array<{ ruleId: string; message: string; fix?: unknown }> }>;
  const legacy = { doc: '', pdf: '' };

  beforeAll(async () => {
    // A plain draft for the .doc, .wps and PDF readers: short paragraphs, so that each is one visual line.
    root = tempDir({ '初稿.docx': await wordLikeDraft(), '计划.docx': await makeDocx(PLAN), '计划.txt': PLAN.join('\n') });
    profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lo-'));
    const run = await cli(['--annotate', '-f', 'json', '初稿.docx'], root);
    report = JSON.parse(run.stdout);
    const copy = path.join(root, '初稿.gongwen-lint.docx');
    [odt] = sofficeConvert([copy], 'odt', path.join(root, 'odt'), profile);
    // Comments become PDF notes only when asked for (a fresh profile's default is not to).
    const plan = path.join(root, '计划.docx');
    [pdf, legacy.pdf] = sofficeConvert([copy, plan], 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', path.join(root, 'pdf'), profile);
    [legacy.doc] = sofficeConvert([plan], 'doc', path.join(root, 'doc'), profile);
  }, 600_000);

  afterAll(() => {
    for (const d of [root, profile]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('keeps every comment (author, text, span) and every tracked change in the ODT it writes', () => {
    const content = strFromU8(unzipSync(fs.readFileSync(odt))['content.xml']);
    const messages = report[0].messages;
    const annotations = [...content.matchAll(/<office:annotation\b[^>]*>([\s\S]*?)<\/office:annotation>/g)].map((m) => m[1]);
    const ours = annotations.filter((a) => a.includes('<dc:creator>gongwen-lint</dc:creator>'));
    expect(ours).toHaveLength(messages.length);
    for (const m of messages) expect(ours.some((a) => a.includes(m.message) && a.includes(m.ruleId)), m.ruleId).toBe(true);
    expect(annotations.some((a) => a.includes('<dc:creator>李审核</dc:creator>'))).toBe(true);
    // A comment on a span is a named annotation with its end: the placeholder split over two runs spans "XX".
    const placeholder = /<office:annotation office:name="([^"]+)"(?:(?!<\/office:annotation>)[\s\S])*?占位符“XX”[\s\S]*?<\/office:annotation>([\s\S]*?)<office:annotation-end office:name="\1"\/>/.exec(content);
    expect(placeholder?.[2].replace(/<[^>]+>/g, '')).toBe('XX');

    const regions = [...content.matchAll(/<text:changed-region\b[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0]);
    const fixes = messages.filter((m) => m.fix).length;
    expect(regions.filter((r) => r.includes('<text:deletion>') && r.includes('<dc:creator>gongwen-lint</dc:creator>'))).toHaveLength(fixes);
    expect(regions.filter((r) => r.includes('<text:insertion>') && r.includes('<dc:creator>gongwen-lint</dc:creator>'))).toHaveLength(fixes);
  });

  it('exports the comments to PDF as notes, and renders the first page with their marks (test-artifacts/annotated-docx-page1.png)', () => {
    const bytes = fs.readFileSync(pdf).toString('latin1');
    // PDF text annotations carry each comment's text as a UTF-16BE string.
    const notes = [...bytes.matchAll(/\/Subtype\s*\/Text\b[^>]*?\/Contents\s*<FEFF([0-9A-F]+)>/g)].map((m) => Buffer.from(m[1], 'hex').swap16().toString('utf16le'));
    expect(notes.some((n) => n.includes('占位符“XX”未替换为实际内容') && n.includes('no-placeholder'))).toBe(true);
    if (!PDFTOPPM) return console.warn('pdftoppm is not installed (apt-get install -y poppler-utils): no page image');
    fs.mkdirSync(artifacts, { recursive: true });
    execFileSync(PDFTOPPM, ['-png', '-r', '110', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(artifacts, 'annotated-docx-page1')], { stdio: 'pipe' });
    expect(fs.statSync(path.join(artifacts, 'annotated-docx-page1.png')).size).toBeGreaterThan(10_000);
  });

  it('reads the .doc LibreOffice writes (also as .wps) and its PDF with the findings of the text they hold', async () => {
    fs.copyFileSync(legacy.doc, path.join(root, '计划.doc'));
    fs.copyFileSync(legacy.doc, path.join(root, '计划.wps'));
    fs.copyFileSync(legacy.pdf, path.join(root, '计划.pdf'));
    const found = async (file: string) => {
      const [r] = JSON.parse((await cli(['-f', 'json', file], root)).stdout) as Array<{ messages: Array<{ ruleId: string; message: string; line: number; column: number }> }>;
      return r.messages.map(({ ruleId, message, line, column }) => ({ ruleId, message, line, column }));
    };
    const expected = await found('计划.txt');
    expect(expected.map((m) => m.ruleId)).toContain('no-placeholder');
    for (const file of ['计划.doc', '计划.wps', '计划.pdf']) expect(await found(file), file).toEqual(expected);
  });
});
