import { DOMParser } from '@xmldom/xmldom';
import { InputError } from '../decode.js';

const WORDML = 'http://schemas.microsoft.com/office/word/2003/wordml';

/** Is this XML a Word 2003 XML document (WordprocessingML 2003, "Word XML Document")? */
export function isWord2003Xml(head: string): boolean {
  return head.includes(WORDML) || /<\?mso-application\s+progid="Word\.Document"/.test(head);
}

/** A Word 2003 XML document's body, one line per paragraph (table cells' paragraphs included). */
export function readWord2003(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  if (/<!DOCTYPE/i.test(text)) throw new InputError('bad-doc', 'DOCTYPE');
  const fail = (m: string) => {
    throw new InputError('bad-doc', String(m).split('\n')[0]);
  };
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml');
  const lines: string[] = [];
  const inline = (n: Node): string => {
    let out = '';
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI !== WORDML) out += inline(e);
      else if (e.localName === 't') out += e.textContent ?? '';
      else if (e.localName === 'tab') out += '\t';
      else if (e.localName === 'br') out += ' ';
      else if (e.localName !== 'delText' && e.localName !== 'instrText' && e.localName !== 'pPr' && e.localName !== 'rPr') out += inline(e);
    }
    return out;
  };
  const block = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      if (e.namespaceURI === WORDML && e.localName === 'p') lines.push(inline(e).replace(/[\r\n]/g, ' '));
      else block(e);
    }
  };
  const body = doc.getElementsByTagNameNS(WORDML, 'body').item(0);
  if (!body) throw new InputError('bad-doc', 'no w:body');
  block(body);
  return lines;
}
