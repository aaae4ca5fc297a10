import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { MarkdownSections, sectionStarts } from '../../src/lsp/markdown-sections.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

vi.mock('../../src/parse/markdown.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/parse/markdown.js')>();
  return { ...actual, parseMarkdown: vi.fn(actual.parseMarkdown) };
});

const headingsAt = (text: string) => sectionStarts(text).map((offset) => text.slice(offset, text.indexOf('\n', offset)));

const DOCS: Record<string, string> = {
  sections: '# 2024年工作计划\n\n## 一、总体思路\n\n坚持稳中求进，*镇完成投资==亿元。\n\n## 二、重点任务\n\n- 修建道路**3条**\n- 改造危房XX户\n\n> 引用一段\n> 继续\n\n## 三、保障措施\n\n| 项目 | 数量 |\n| --- | --- |\n| 道路 | 3 |\n\n    缩进代码 # 不是标题\n\n## 四、其他\n',
  fence: '# 标题\n\n```text\n正文\n\n# 代码里的井号\n```\n\n## 二、任务\n\n~~~~\n\n# 还在代码里\n~~~\n\n# 也还在\n~~~~\n\n## 三、结束\n',
  html: '# 标题\n\n<!-- 注释开始\n\n# 注释里的井号\n-->\n\n## 二、任务\n\n<!-- gongwen-lint-disable-next-line no-placeholder -->\n完成XX项。\n\n## 三、结束\n\n<pre>\n\n# 预排版里\n</pre>\n\n## 四、附件\n',
  lazy: '## 一、标题\n\n- 列表项\n继续的懒行\n\n# 新的一节\n\n> 引用\n懒行\n\n# 再一节\n段落\n# 紧跟的标题不切\n\n#不是标题\n\n####### 也不是\n',
  definitions: '# 标题\n\n见[通知][1]。\n\n## 二、附注\n\n[1]: https://example.invalid/a\n',
  lists: '一、任务\n\n- 甲\n\n- 乙\n\n  续行\n\n1. 丙\n\n2) 丁\n\n+ 戊\n\n　　全角缩进的段落XX。\n\n    缩进代码\n\n> 引用\n\n> 另一段引用\n\n---\n\n| 甲 | 乙 |\n| -- | -- |\n| 1 | 2 |\n',
  crlf: '# 标题\r\n\r\n正文一。\r\n\r\n## 二、任务\r\n\r\n正文XX。\r\n',
  frontMatter: '---\ntitle: 某镇2024年工作计划\n\ntags: [计划, XX]\n---\n\n# 2024年工作计划\n\n正文。\n\n---\ntitle: 不是元数据\n---\n\n## 二、任务\n\n+++\nx = 1\n+++\n',
};

describe('Markdown parsed section by section', () => {
  test('cuts before unindented, non-list lines after a blank line; never inside code or HTML, nor with definitions', () => {
    expect(headingsAt(DOCS.sections)).toEqual(['# 2024年工作计划', '## 一、总体思路', '坚持稳中求进，*镇完成投资==亿元。', '## 二、重点任务', '> 引用一段', '## 三、保障措施', '| 项目 | 数量 |', '## 四、其他']);
    expect(headingsAt(DOCS.fence)).toEqual(['# 标题', '```text', '## 二、任务', '~~~~', '## 三、结束']);
    expect(headingsAt(DOCS.html)).toEqual(['# 标题', '<!-- 注释开始', '## 二、任务', '<!-- gongwen-lint-disable-next-line no-placeholder -->', '完成XX项。', '## 三、结束', '<pre>', '## 四、附件']);
    expect(headingsAt(DOCS.lazy)).toEqual(['## 一、标题', '# 新的一节', '> 引用', '# 再一节', '#不是标题', '####### 也不是']);
    // Not before ---: at the start of a section it could open front matter.
    expect(headingsAt(DOCS.lists)).toEqual(['一、任务', '　　全角缩进的段落XX。', '> 引用', '> 另一段引用', '| 甲 | 乙 |']);
    expect(headingsAt(DOCS.frontMatter)).toEqual(['---', '# 2024年工作计划', '正文。', '## 二、任务']);
    expect(sectionStarts(DOCS.definitions)).toEqual([0]);
    expect(sectionStarts(DOCS.crlf)).toHaveLength(4);
  });

  test.each(Object.keys(DOCS))('%s: the same blocks, content and HTML as parsing the whole', (name) => {
    expect(new MarkdownSections().parse(DOCS[name])).toEqual(parseMarkdown(DOCS[name]));
  });

  test('random mixtures of block constructs parse the same either way', () => {
    const pieces = ['## 一、任务', '正文XX。', '- 列表', '  续行', '    缩进', '1. 有序', '> 引用', '```', '<!-- 注释', '-->', '<pre>', '</pre>', '| 甲 | 乙 |', '| -- | -- |', '---', '+++', 'title: 某镇', '　　全角*镇', '标题', '===', '---', '', '', ''];
    let seed = 1;
    const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    for (let i = 0; i < 400; i++) {
      const lines = Array.from({ length: 4 + Math.floor(rand() * 20) }, () => pieces[Math.floor(rand() * pieces.length)]);
      const text = lines.join(rand() < 0.2 ? '\r\n' : '\n');
      expect(new MarkdownSections().parse(text), JSON.stringify(text)).toEqual(parseMarkdown(text));
    }
  });

  test('the shipped Markdown samples parse the same either way', () => {
    const dir = path.resolve(import.meta.dirname, '../../samples');
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      expect(new MarkdownSections().parse(text), file).toEqual(parseMarkdown(text));
    }
  });

  test('after an edit only the edited section is parsed again, and the result matches a fresh parse', () => {
    const sections = new MarkdownSections();
    sections.parse(DOCS.sections);
    const edited = DOCS.sections.replace('改造危房XX户', '改造危房12户');
    vi.mocked(parseMarkdown).mockClear();
    const result = sections.parse(edited);
    expect(vi.mocked(parseMarkdown).mock.calls.map(([text]) => text)).toEqual(['## 二、重点任务\n\n- 修建道路**3条**\n- 改造危房12户\n\n']);
    expect(result).toEqual(parseMarkdown(edited));
    // Two sections were cached from the first parse, so a tiny cache evicts; the result is still right.
    const tiny = new MarkdownSections(10);
    expect(tiny.parse(edited)).toEqual(parseMarkdown(edited));
    expect(tiny.parse(DOCS.sections)).toEqual(parseMarkdown(DOCS.sections));
  });
});
