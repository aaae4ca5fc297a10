import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { InputError } from '../decode.js';
import { visualLines, type Placed } from './lines.js';

// OFD (GB/T 33190-2016): a ZIP whose OFD.xml names each document's Document.xml, which lists its pages'
// Content.xml; text is in TextObject/TextCode elements placed by coordinates (millimetres, y downwards).

const MAX_UNZIPPED = 256 * 1024 * 1024;

function parse(files: Record<string, Uint8Array>, part: string): Document {
  const bytes = files[part];
  if (!bytes) throw new InputError('bad-ofd', part);
  const text = new TextDecoder().decode(bytes);
  if (/<!DOCTYPE/i.test(text)) throw new InputError('bad-ofd', `${part}: DOCTYPE`);
  const fail = (m: string) => {
    throw new InputError('bad-ofd', `${part}: ${String(m).split('\n')[0]}`);
  };
  return new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(text, 'text/xml') as unknown as Document;
}

function descendants(root: Node, local: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      if ((c as Element).localName === local) out.push(c as Element);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** A location inside the package: absolute (leading /) or relative to `base`'s folder. */
function resolve(base: string, loc: string): string {
  const clean = loc.trim().replace(/\\/g, '/');
  if (clean.startsWith('/')) return clean.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of clean.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const numbers = (s: string | null): number[] => (s ?? '').trim().split(/\s+/).map(Number);

/** An OFD package's text: one line per visual line, pages in order; `pages` are the first line of each page (1-based). */
export function readOfd(bytes: Uint8Array): { lines: string[]; pages: number[] } {
  let files: Record<string, Uint8Array>;
  let total = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        if (total > MAX_UNZIPPED) throw new InputError('too-large', `${Math.round(total / 1048576)} MB`);
        return f.name.endsWith('.xml');
      },
    });
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('bad-ofd', (e as Error).message);
  }
  const ofd = parse(files, 'OFD.xml');
  const root = descendants(ofd, 'DocRoot')[0]?.textContent;
  if (!root) throw new InputError('bad-ofd', 'OFD.xml: DocRoot');
  const documentPart = resolve('OFD.xml', root);
  const document = parse(files, documentPart);
  const lines: string[] = [];
  const pages: number[] = [];
  for (const page of descendants(document, 'Page')) {
    const loc = page.getAttribute('BaseLoc');
    if (!loc) continue;
    const content = parse(files, resolve(documentPart, loc));
    const pieces: Placed[] = [];
    for (const obj of descendants(content, 'TextObject')) {
      const [bx = 0, by = 0] = numbers(obj.getAttribute('Boundary'));
      const size = Number(obj.getAttribute('Size')) || 3.5;
      // A TextCode without X or Y continues from the previous one.
      let x = 0;
      let y = 0;
      for (const code of descendants(obj, 'TextCode')) {
        if (code.hasAttribute('X')) x = Number(code.getAttribute('X'));
        if (code.hasAttribute('Y')) y = Number(code.getAttribute('Y'));
        pieces.push({ text: code.textContent ?? '', x: bx + x, y: by + y, size });
      }
    }
    pages.push(lines.length + 1);
    lines.push(...visualLines(pieces, true));
  }
  return { lines, pages };
}
