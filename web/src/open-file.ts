import { decode, InputError } from '../../src/input/decode.js';
import { formatOf } from '../../src/parse/index.js';
import type { SourceFormat } from '../../src/types.js';
import { extractDocxText } from './docx.js';

/** The CLI's limit: larger files are refused rather than read into memory. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

export interface OpenedFile {
  name: string;
  text: string;
  format: SourceFormat;
  /** utf-8, gb18030 … or "docx". */
  encoding: string;
  bom: boolean;
  /** A Word document's own bytes, for its annotated copy. */
  docx?: Uint8Array;
}

/** A dropped or chosen file → text; throws InputError with the CLI's codes. */
export async function openFile(file: File): Promise<OpenedFile> {
  if (file.size > MAX_FILE_BYTES) throw new InputError('too-large', `${(file.size / 1048576).toFixed(1)} MB > 32 MB`);
  const extension = /\.[^.]+$/.exec(file.name)?.[0].toLowerCase() ?? '';
  if (extension === '.docx') {
    let text: string;
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      text = await extractDocxText(bytes.slice().buffer);
    } catch {
      throw new InputError('unreadable', '.docx');
    }
    if (text.trim() === '') throw new InputError('empty');
    return { name: file.name, text, format: 'text', encoding: 'docx', bom: false, docx: bytes };
  }
  if (/^\.(docm?|dotx?|wps|pdf|xlsx?|pptx?|odt|rtf|zip|png|jpe?g)$/.test(extension)) throw new InputError('unsupported-type', extension);
  // The CLI's own decoder: BOM, strict UTF-8, then GB18030 (or a confident chardet guess), all through TextDecoder.
  const decoded = decode(new Uint8Array(await file.arrayBuffer()));
  return { name: file.name, text: decoded.text, format: formatOf(file.name), encoding: decoded.encoding, bom: decoded.bom };
}
