import mammoth from 'mammoth/mammoth.browser.min.js';

/**
 * A .docx file's text, one paragraph per line. mammoth's prebuilt browser bundle needs no Node
 * polyfills; it ends every paragraph with a blank line, which the plain-text parser does not need.
 */
export async function extractDocxText(bytes: ArrayBuffer): Promise<string> {
  const { value } = await mammoth.extractRawText({ arrayBuffer: bytes });
  return value.replace(/\n\n/g, '\n').replace(/\n+$/, '\n');
}
