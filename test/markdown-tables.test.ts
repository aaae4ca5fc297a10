// A long Markdown table is parsed in pieces of rows, each under the table's header and delimiter
// rows (src/parse/markdown.ts): the pieces must parse as the whole does. (Its time and memory:
// npm run stress, table.md.)
import { describe, expect, it } from 'vitest';
import { parse } from '../src/parse/index.js';

const PLAIN = ['甲', '丁\\|戊', '', 'XX', '1,234', '3.5亿元'];
// Markup in a few rows only: a table counts as one paragraph for the 2,000-marker limit.
const MARKUP = ['*乙*', '`1`', '[丙](http://a)', '**12**亿元', '<b>己</b>'];

/** A table of `rows` rows with varied cells (a row may have fewer or more cells than the header). */
function table(rows: number, eol = '\n', markup = true): string {
  const lines = ['| 项目 | 数值 | 备注 |', '| :- | -: | :-: |'];
  for (let i = 0; i < rows; i++) {
    const n = 2 + (i % 3);
    const cells = markup && i % 20 === 0 ? MARKUP : PLAIN;
    lines.push(`| ${Array.from({ length: n }, (_, k) => cells[(i * 7 + k * 3) % cells.length]).join(' | ')} |`);
  }
  return lines.join(eol) + eol;
}

/** The document parsed whole: a link reference definition keeps the parser from cutting it. */
async function whole(text: string) {
  const p = await parse(`${text}\n[ref]: http://example.com\n`, 'markdown');
  return { content: p.content.slice(0, text.length), blocks: p.blocks.filter((b) => b.start < text.length), html: p.html.filter((h) => h.start < text.length) };
}

describe('long Markdown tables', () => {
  for (const [name, text] of [
    ['a table alone', table(1000)],
    ['CRLF', table(1000, '\r\n')],
    ['between paragraphs', `# 工作总结\n\n全年完成投资3亿元。\n\n${table(900)}\n本表数据为初步统计。\n\n二、存在问题\n`],
    ['with a paragraph line after its rows', `${table(900)}未完的行\n`],
  ] as const) {
    it(`parses in pieces exactly as whole: ${name}`, async () => {
      const pieces = await parse(text, 'markdown');
      expect(pieces.content).toBe((await whole(text)).content);
      expect(pieces).toEqual(await whole(text));
      expect(pieces.blocks.filter((b) => b.kind === 'table-cell').length).toBeGreaterThan(2000);
    });
  }
});
