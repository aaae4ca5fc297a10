import { createRequire } from 'node:module';
import path from 'node:path';
import { InputError } from '../decode.js';
import { visualLines, type Placed } from './lines.js';

const CJK = /[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]/;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded on first use. Without the optional canvas package it says on import that it cannot
 * render, on console.log: text extraction needs no canvas, and the CLI's standard output is a report.
 */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const log = console.log;
    console.log = () => {};
    try {
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return loaded;
}

/**
 * A PDF's text layer: one line per visual line, pages in order; `pages` are each page's first line
 * (1-based). Chinese fonts that use Adobe's predefined CMaps are decoded with the CMaps that ship in
 * pdfjs-dist. A PDF without any text (a scan) is refused with a message saying so.
 */
export async function readPdf(bytes: Uint8Array): Promise<{ lines: string[]; pages: number[] }> {
  const { getDocument } = await pdfjs();
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: `${path.join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(root, 'standard_fonts')}/`,
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as Error).name;
    throw name === 'PasswordException' ? new InputError('encrypted', 'PDF') : new InputError('bad-pdf', (e as Error).message.split('\n')[0]);
  }
  try {
    const lines: string[] = [];
    const pages: number[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const pieces: Placed[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        // pdf.js adds a space where glyphs leave a gap; between Chinese characters and digits that is
        // only the renderer's spacing (LibreOffice and Word space CJK from Latin), not a typed space.
        pieces.push({ text: item.str, x: item.transform[4], y: item.transform[5], size: Math.hypot(item.transform[2], item.transform[3]) || item.height || 10, ...(item.height === 0 && item.str.trim() === '' && { gap: true }) });
      }
      pages.push(lines.length + 1);
      lines.push(...visualLines(pieces, false).map(dropRendererSpaces));
    }
    if (lines.every((l) => l.trim() === '')) throw new InputError('scanned-pdf');
    return { lines, pages };
  } finally {
    await doc.destroy();
  }
}

/** Gaps pdf.js filled with a space come through visualLines as U+0000 marks; drop those next to a Chinese character. */
function dropRendererSpaces(line: string): string {
  return line.replace(/(.?)\u0000(.?)/gu, (_, a: string, b: string) => (CJK.test(a) || CJK.test(b) ? a + b : `${a} ${b}`));
}
