import fs from 'node:fs';
import { unzipSync } from 'fflate';
import type { Parsed } from '../../parse/blocks.js';
import { parse } from '../../parse/index.js';
import { InputError } from '../decode.js';
import { readDocx } from '../docx.js';
import { checkSize } from '../read.js';
import { containerOf } from './sniff.js';

/** The formats a Word-like or fixed-layout file turns out to be, by its content. */
export type OfficeFormat = 'docx' | 'doc' | 'word2003' | 'pdf' | 'ofd';

export interface OfficeText {
  text: string;
  parsed: Parsed;
  format: OfficeFormat;
  /** PDF and OFD: the first line (1-based) of each page, lines being visual lines. */
  pages?: number[];
}

const NOT_WHAT_IT_SAYS: Record<string, InputError['code']> = { pdf: 'bad-pdf', ofd: 'bad-ofd', doc: 'bad-doc', wps: 'bad-doc' };

function readBytes(file: string, given?: Uint8Array): Uint8Array {
  try {
    if (given) {
      checkSize(given.length);
      return given;
    }
    checkSize(fs.statSync(file).size);
    return fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'ENOENT' ? new InputError('not-found') : new InputError('unreadable', code ?? (e as Error).message);
  }
}

function isOfd(bytes: Uint8Array): boolean {
  let found = false;
  try {
    unzipSync(bytes, { filter: (f) => ((found ||= f.name === 'OFD.xml'), false) });
  } catch {
    return false;
  }
  return found;
}

async function lines(format: Exclude<OfficeFormat, 'docx'>, all: string[], pages?: number[]): Promise<OfficeText> {
  const text = all.join('\n');
  if (text.trim() === '') throw new InputError('empty');
  return { text, parsed: await parse(text, 'text'), format, ...(pages && { pages }) };
}

/**
 * A .docx, .doc, .wps, .pdf or .ofd file, read as what its bytes are rather than what its name says:
 * a ZIP is OOXML (or OFD when it holds OFD.xml), a compound file with a WordDocument stream is Word
 * 97–2003, Word 2003 XML is read as such, and %PDF is a PDF. Each reader is loaded when first needed.
 */
export async function readOffice(file: string, given?: Uint8Array): Promise<OfficeText> {
  const bytes = readBytes(file, given);
  if (bytes.length === 0) throw new InputError('empty');
  const extension = /\.([^./\\]+)$/.exec(file)?.[1].toLowerCase() ?? '';
  switch (containerOf(bytes)) {
    case 'zip':
      if (isOfd(bytes)) {
        const { readOfd } = await import('./ofd.js');
        const { lines: all, pages } = readOfd(bytes);
        return lines('ofd', all, pages);
      }
      return { ...(await readDocx(file, bytes)), format: 'docx' };
    case 'cfb': {
      const { readWord97 } = await import('./doc.js');
      return lines('doc', await readWord97(bytes));
    }
    case 'pdf': {
      const { readPdf } = await import('./pdf.js');
      const { lines: all, pages } = await readPdf(bytes);
      return lines('pdf', all, pages);
    }
    case 'xml': {
      const { isWord2003Xml, readWord2003 } = await import('./word2003.js');
      if (isWord2003Xml(new TextDecoder().decode(bytes.subarray(0, 4096)))) return lines('word2003', readWord2003(bytes));
    }
    // falls through
    default:
      throw new InputError(NOT_WHAT_IT_SAYS[extension] ?? 'bad-docx', 'unknown content');
  }
}
