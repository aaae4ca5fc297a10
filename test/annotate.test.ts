import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annotateDocx } from '../src/annotate/docx.js';
import { AnnotateError } from '../src/annotate/package.js';
import { applyEdits, planFixes } from '../src/fix/apply.js';
import { readDocx } from '../src/input/docx.js';
import type { Finding } from '../src/types.js';
import { cli, tempDir } from './helpers/cli.js';
import { makeDocx } from './helpers/docx.js';
import { characterFormats, commentSpans, parts, resolveRevisions, wAttr, wElements, wordLikeDraft, xmlOf } from './helpers/word.js';

interface Reported {
  ruleId: string;
  message: string;
  offset: number;
  length: number;
  fix?: { start: number; end: number; text: string };
}

/** Lints and annotates `name` in `root` through the CLI; the findings come from its JSON report. */
async function annotate(root: string, name: string, extra: string[] = []) {
  const run = await cli(['--annotate', '-f', 'json', ...extra, name], root);
  const report = JSON.parse(run.stdout) as Array<{ messages: Reported[] }>;
  const findings: Finding[] = report[0].messages.map((m) => ({ ruleId: m.ruleId, level: 'warning', message: m.message, start: m.offset, end: m.offset + m.length, ...(m.fix && { fix: m.fix }) }));
  return { run, findings };
}

const copyOf = (root: string, name: string) => path.join(root, name.replace(/\.docx$/, '.gongwen-lint.docx'));

describe('--annotate: findings as comments, safe fixes as tracked changes', () => {
  it('anchors a comment to each finding’s exact span, in runs of any formatting, tables and hyperlinks', async () => {
    const original = await wordLikeDraft();
    const root = tempDir({ '初稿.docx': original });
    const { run, findings } = await annotate(root, '初稿.docx');
    expect(run.stderr).toMatch(/初稿\.docx: 已写出带批注的副本 初稿\.gongwen-lint\.docx（\d+ 条批注，\d+ 处修订）/);
    const { text } = await readDocx(path.join(root, '初稿.docx'));
    const out = fs.readFileSync(copyOf(root, '初稿.docx'));
    // What this draft must give, whatever else the rules find in it.
    const rules = new Set(findings.map((f) => f.ruleId));
    for (const id of ['no-placeholder', 'punctuation-width', 'missing-problems-section']) expect(rules).toContain(id);

    const comments = wElements(xmlOf(out, 'word/comments.xml'), 'comment');
    const ours = comments.filter((c) => wAttr(c, 'author') === 'gongwen-lint');
    expect(ours).toHaveLength(findings.length);
    // The reviewer's comment is still there, on the same span.
    expect(comments.find((c) => wAttr(c, 'author') === '李审核')?.textContent).toContain('请核实危房改造数据');
    const spans = commentSpans(out);
    expect(spans.get('0')).toBe('改造危房XX户，新建产业路3条。');
    for (const [i, f] of findings.entries()) {
      const c = ours[i];
      expect(spans.get(wAttr(c, 'id'))).toBe(text.slice(f.start, f.end));
      expect(c.textContent).toContain(f.message);
      expect(c.textContent).toContain(f.ruleId);
    }
    // The placeholder split over two runs, the one in a table cell, and the document-level finding on the title.
    const placeholders = findings.filter((f) => f.ruleId === 'no-placeholder').map((f) => text.slice(f.start, f.end));
    expect(placeholders).toEqual(['XX', 'XX', 'XX']);
    const missing = findings.find((f) => f.ruleId === 'missing-problems-section')!;
    expect(text.slice(missing.start, missing.end)).toBe('石桥镇2025年上半年工作总结');
  });

  it('writes every safe fix as w:del/w:ins by gongwen-lint: rejected gives the original text and formatting, accepted the fixed text', async () => {
    const original = await wordLikeDraft();
    const root = tempDir({ 'a.docx': original });
    const { findings } = await annotate(root, 'a.docx');
    const out = fs.readFileSync(copyOf(root, 'a.docx'));
    const { text } = await readDocx(path.join(root, 'a.docx'));
    const plan = planFixes(text, findings);
    expect(plan.edits.length).toBeGreaterThanOrEqual(3);

    const doc = xmlOf(out, 'word/document.xml');
    const dels = wElements(doc, 'del');
    const inss = wElements(doc, 'ins');
    expect(dels.map((d) => wElements(d, 'delText').map((t) => t.textContent).join(''))).toEqual(plan.edits.map((e) => text.slice(e.start, e.end)));
    expect(inss.map((d) => d.textContent)).toEqual(plan.edits.map((e) => e.text));
    for (const r of [...dels, ...inss]) expect(wAttr(r, 'author')).toBe('gongwen-lint');
    // The comma was a red run of its own: the full-width comma that replaces it is red too.
    const comma = inss.find((i) => i.textContent === '，')!;
    expect(wElements(comma, 'color').map((c) => wAttr(c, 'val'))).toEqual(['FF0000']);

    const rejected = resolveRevisions(out, 'reject');
    expect((await readDocx('rejected.docx', rejected)).text).toBe(text);
    expect(characterFormats(rejected, 'original')).toEqual(characterFormats(original, 'original'));
    expect(characterFormats(out, 'rejected')).toEqual(characterFormats(original, 'original'));
    expect((await readDocx('accepted.docx', resolveRevisions(out, 'accept'))).text).toBe(applyEdits(text, plan.edits));
  });

  it('copies every part it does not need byte for byte, and leaves the original as it was', async () => {
    const original = await wordLikeDraft();
    const root = tempDir({ 'a.docx': original });
    await annotate(root, 'a.docx');
    expect(fs.readFileSync(path.join(root, 'a.docx')).equals(original)).toBe(true);
    const before = parts(original);
    const after = parts(fs.readFileSync(copyOf(root, 'a.docx')));
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((k) => !Buffer.from(before[k]).equals(Buffer.from(after[k])));
    expect(changed.sort()).toEqual(['word/comments.xml', 'word/document.xml']);
  });

  it('adds the comments part, its relationship and content type to a draft without comments', async () => {
    const original = await wordLikeDraft({ comment: false });
    const root = tempDir({ 'a.docx': original });
    const { findings } = await annotate(root, 'a.docx');
    const before = parts(original);
    const after = parts(fs.readFileSync(copyOf(root, 'a.docx')));
    expect(before['word/comments.xml']).toBeUndefined();
    expect(wElements(xmlOf(fs.readFileSync(copyOf(root, 'a.docx')), 'word/comments.xml'), 'comment')).toHaveLength(findings.length);
    expect(strFromU8(after['word/_rels/document.xml.rels'])).toMatch(/Type="[^"]*\/comments" Target="comments\.xml"/);
    expect(strFromU8(after['[Content_Types].xml'])).toContain('PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"');
    const changed = Object.keys(before).filter((k) => !Buffer.from(before[k]).equals(Buffer.from(after[k])));
    expect(changed.sort()).toEqual(['[Content_Types].xml', 'word/_rels/document.xml.rels', 'word/document.xml']);
  });

  it('--no-revisions writes comments only; a suppressed finding gets no comment', async () => {
    const root = tempDir({ 'a.docx': await wordLikeDraft({ directive: true }) });
    const { run, findings } = await annotate(root, 'a.docx', ['--no-revisions']);
    expect(run.stderr).toContain('0 处修订');
    const out = fs.readFileSync(copyOf(root, 'a.docx'));
    const doc = xmlOf(out, 'word/document.xml');
    expect(wElements(doc, 'ins')).toHaveLength(0);
    expect(wElements(doc, 'del')).toHaveLength(0);
    // The directive keeps the last paragraph's placeholder out of the report and out of the copy.
    expect(findings.filter((f) => f.ruleId === 'no-placeholder')).toHaveLength(2);
    const texts = wElements(xmlOf(out, 'word/comments.xml'), 'comment').map((c) => c.textContent ?? '');
    expect(texts.filter((t) => t.includes('no-placeholder'))).toHaveLength(2);
    expect([...commentSpans(out).values()].every((s) => !s.includes('XX工程'))).toBe(true);
  });

  it('annotates a directory of drafts, skips its own copies, and writes one line per document that cannot be annotated', async () => {
    const good = await makeDocx(['柳河乡2025年工作计划', '完成XX项目。']);
    const bad = { ...parts(good) };
    delete bad['word/document.xml'];
    const root = tempDir({
      'drafts/a.docx': good,
      'drafts/b.docx': good,
      'drafts/old.gongwen-lint.docx': good,
      'drafts/notes.txt': '完成XX项目。\n',
      'drafts/broken.docx': zipSync(bad),
    });
    const run = await cli(['--annotate', 'drafts'], root);
    expect(run.code).toBe(2);
    expect(fs.existsSync(path.join(root, 'drafts/a.gongwen-lint.docx'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'drafts/b.gongwen-lint.docx'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'drafts/broken.gongwen-lint.docx'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'drafts/old.gongwen-lint.gongwen-lint.docx'))).toBe(false);
    expect(run.stderr).not.toContain('notes.txt');
    expect(run.stderr.split('\n').filter((l) => l.includes('broken.docx'))).toHaveLength(1);

    const one = await cli(['--annotate', '-o', 'out/审阅稿.docx', 'drafts/a.docx'], root);
    expect(one.stderr).toContain('out/审阅稿.docx');
    expect(fs.existsSync(path.join(root, 'out/审阅稿.docx'))).toBe(true);
    const txt = await cli(['--annotate', 'drafts/notes.txt'], root);
    expect(txt.code).toBe(2);
    expect(txt.stderr).toContain('只能为 Word 文档（.docx）生成带批注的副本');
  });

  it('refuses encrypted, legacy, macro-enabled, damaged and non-ZIP documents with their own reason', async () => {
    const good = await makeDocx(['柳河乡2025年工作计划', '完成XX项目。']);
    const files = parts(good);
    const cfb = (stream: string) => {
      const b = Buffer.alloc(1024);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from(stream, 'utf16le').copy(b, 512);
      return b;
    };
    const docm = zipSync({
      ...files,
      '[Content_Types].xml': strToU8(strFromU8(files['[Content_Types].xml']).replace('wordprocessingml.document.main+xml', '../vnd.ms-word.document.macroEnabled.main+xml')),
    });
    const cases: Array<[Uint8Array, string]> = [
      [cfb('EncryptionInfo'), 'encrypted'],
      [cfb('WordDocument'), 'legacy'],
      [docm, 'macro'],
      [good.subarray(0, good.length >> 1), 'malformed'],
      [strToU8('完成XX项目。'), 'not-zip'],
    ];
    for (const [bytes, code] of cases) {
      let error: unknown;
      try {
        annotateDocx(bytes, '柳河乡2025年工作计划\n完成XX项目。', [], { locale: 'zh' });
      } catch (e) {
        error = e;
      }
      expect(error, code).toBeInstanceOf(AnnotateError);
      expect((error as AnnotateError).code).toBe(code);
    }
    const root = tempDir({ 'a.docm': docm, 'ok.docx': good });
    fs.copyFileSync(path.join(root, 'a.docm'), path.join(root, 'm.docx'));
    const run = await cli(['--annotate', 'm.docx', 'ok.docx'], root);
    expect(run.stderr).toContain('m.docx: 文档含宏（.docm）');
    expect(fs.existsSync(path.join(root, 'm.gongwen-lint.docx'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'ok.gongwen-lint.docx'))).toBe(true);
  });

  it('refuses a ZIP whose parts claim more than the limit before inflating them', () => {
    // A zip bomb's central directory declares what its parts inflate to: 300 MB here, for a 1 KB part.
    const bomb = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(1024) }));
    const central = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(300 * 1024 * 1024, central + 24);
    expect(() => annotateDocx(bomb, 'x', [], { locale: 'zh' })).toThrow(/too-large/);
  });

  it('says usage errors plainly', async () => {
    const root = tempDir({});
    expect((await cli(['--no-revisions', 'a.docx', '--locale', 'en'], root)).stderr).toContain('--no-revisions needs --annotate');
    expect((await cli(['--annotate', '--fix', 'a.docx', '--locale', 'en'], root)).stderr).toContain('cannot be combined with --fix');
  });
});
