import { buildModel, type DocumentModel } from '../../src/model/document.js';
import { parse } from '../../src/parse/index.js';
import type { SourceFormat } from '../../src/types.js';

export async function model(text: string, format: SourceFormat = 'text'): Promise<DocumentModel> {
  return buildModel(text, format, await parse(text, format));
}

/** Headings as compact strings: `<level>:<raw ordinal>:<title>` (inline ones marked with ~). */
export function headingList(m: DocumentModel): string[] {
  return m.headings.map((h) => `${h.inline ? '~' : ''}${h.level}:${h.ordinal?.raw ?? '#'}:${h.title}`);
}
