import type { DecodedText } from '../input/decode.js';
import { buildModel, type Section } from '../model/document.js';
import type { Parsed } from '../parse/blocks.js';
import { parse } from '../parse/index.js';
import { extractDirectives } from '../suppress/directives.js';
import type { SourceFormat } from '../types.js';

/** The model as JSON for --print-model: what the linter understood, with 1-based lines for reading. */
export async function printModel(decoded: DecodedText, format: SourceFormat, display: string, parsedAlready?: Parsed): Promise<string> {
  // Suppression markers are not part of the document, here as when linting. A Word document comes parsed (styles, numbering).
  const parsed = parsedAlready ?? (await parse(decoded.text, format));
  const model = buildModel(decoded.text, format, extractDirectives(decoded.text, parsed).parsed);
  const line = (offset: number) => model.lines.position(offset).line;
  const excerpt = (start: number, end: number) => {
    const s = model.text.slice(start, Math.min(end, start + 40));
    return end - start > 40 ? `${s}…` : s;
  };
  const section = (s: Section): unknown => ({
    level: s.level,
    ...(s.heading && {
      ordinal: s.heading.ordinal ? { raw: s.heading.ordinal.raw, value: s.heading.ordinal.value, style: s.heading.ordinal.style, inferred: s.heading.ordinal.inferred } : undefined,
      kind: s.heading.kind,
      title: s.heading.title,
      inline: s.heading.inline,
      line: line(s.heading.start),
    }),
    start: s.start,
    end: s.end,
    children: s.children.map(section),
  });
  const out = {
    file: display,
    format,
    encoding: decoded.encoding,
    bom: decoded.bom,
    eol: decoded.eol,
    facts: {
      ...model.facts,
      title: model.facts.title && { ...model.facts.title, line: line(model.facts.title.start) },
    },
    sections: model.root.children.map(section),
    pageMarkers: model.pageMarkers.map((p) => ({ ...p, line: line(p.start), text: model.text.slice(p.start, p.end) })),
    paragraphs: model.paragraphs.map((p) => ({ kind: p.kind, start: p.start, end: p.end, line: line(p.start), text: excerpt(p.start, p.end) })),
    sentenceCount: model.sentences.length,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
