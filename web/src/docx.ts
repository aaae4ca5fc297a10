import mammoth from 'mammoth/mammoth.browser.min.js';
import { docxToParsed, type Element } from '../../src/input/docx-tree.js';

/**
 * A .docx file's text exactly as the CLI reads it (one line per Word paragraph, table cells
 * included), through mammoth's prebuilt browser bundle. The page lints it as plain text: headings
 * that Word marks only by style or automatic numbering are not recognised here (the CLI's
 * structure comes from blocks the page cannot keep through edits).
 */
export async function extractDocxText(bytes: ArrayBuffer): Promise<string> {
  let tree: Element | undefined;
  await mammoth.convertToHtml(
    { arrayBuffer: bytes },
    {
      transformDocument: (doc: Element) => {
        tree = doc;
        return doc;
      },
    },
  );
  return docxToParsed(tree!).text;
}
