import { isMap, isScalar, parseDocument, Scalar } from 'yaml';
import type { Span } from '../types.js';

/**
 * Where the `title` of a front matter block stands in the document, without quotes: a site
 * generator (Hugo, Jekyll, VitePress) makes it the page's title, so the linter takes it for the
 * document's title line. The rest of the block is metadata and is not checked. `start`–`end` is the
 * block as remark-frontmatter found it, fences included.
 */
export function frontMatterTitle(text: string, start: number, end: number, kind: 'yaml' | 'toml'): Span | undefined {
  const bodyStart = text.indexOf('\n', start) + 1;
  const bodyEnd = text.lastIndexOf('\n', end - 1) + 1;
  if (bodyStart === 0 || bodyEnd <= bodyStart) return undefined;
  const body = text.slice(bodyStart, bodyEnd);
  const span = kind === 'yaml' ? yamlTitle(body) : tomlTitle(body);
  return span && span.end > span.start ? { start: bodyStart + span.start, end: bodyStart + span.end } : undefined;
}

function yamlTitle(body: string): Span | undefined {
  const doc = parseDocument(body, { prettyErrors: false });
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || pair.key.value !== 'title') continue;
    const value = pair.value;
    if (!isScalar(value) || typeof value.value !== 'string' || !value.range) return undefined;
    const [from, to] = value.range;
    switch (value.type) {
      case Scalar.PLAIN:
        return { start: from, end: to };
      case Scalar.QUOTE_DOUBLE:
      case Scalar.QUOTE_SINGLE:
        return { start: from + 1, end: to - 1 };
      default:
        // A block scalar (| or >): its lines are not one title line.
        return undefined;
    }
  }
  return undefined;
}

/** TOML front matter (Hugo's +++): a one-line `title = "…"`, the only form a title takes in practice. */
const TOML_TITLE = /^title[ \t]*=[ \t]*(?:"([^"\\\n]*)"|'([^'\n]*)')[ \t]*$/m;

function tomlTitle(body: string): Span | undefined {
  const m = TOML_TITLE.exec(body);
  if (!m) return undefined;
  const value = m[1] ?? m[2];
  const start = m.index + m[0].indexOf(value, m[0].indexOf('=') + 1);
  return { start, end: start + value.length };
}
