import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { AnnotateError } from './package.js';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const ELEMENT = 1;

export function isElement(n: Node | null): n is Element {
  return n !== null && n.nodeType === ELEMENT;
}

export function elementChildren(el: Node): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (isElement(c)) out.push(c);
  return out;
}

/** A WordprocessingML element's local name, or '' for other namespaces (VML, DrawingML …). */
export function wName(el: Element): string {
  return el.namespaceURI === W_NS ? el.localName : '';
}

export function firstW(el: Element, local: string): Element | undefined {
  return elementChildren(el).find((c) => c.namespaceURI === W_NS && c.localName === local);
}

/** Parses a part; a part that is not well-formed XML, or declares a DTD, is refused. */
export function parseXml(bytes: Uint8Array, part: string): Document {
  const text = new TextDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8').decode(bytes);
  // OOXML forbids a DTD; refusing it rules out entity expansion.
  if (/<!DOCTYPE/i.test(text)) throw new AnnotateError('malformed', `${part}: DOCTYPE`);
  const fail = (m: string) => {
    throw new AnnotateError('malformed', `${part}: ${String(m).split('\n')[0]}`);
  };
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml');
  if (!doc.documentElement) fail('no root element');
  return doc as unknown as Document;
}

export function serializeXml(doc: Document): Uint8Array {
  let text = new XMLSerializer().serializeToString(doc as never);
  // xmldom keeps the declaration as a processing instruction but not the line break Word writes after it.
  if (!text.startsWith('<?xml')) text = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${text}`;
  return new TextEncoder().encode(text);
}

/** The prefix a document uses for a namespace (w: nearly always). */
export function prefixOf(doc: Document, ns: string, fallback: string): string {
  const root = doc.documentElement;
  if (root.namespaceURI === ns && root.prefix) return root.prefix;
  const p = root.lookupPrefix(ns);
  return p ?? fallback;
}
