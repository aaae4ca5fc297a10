import { elementChildren, firstW, MC_NS, wName } from './xml.js';

/** A piece of a run that contributes text: a w:t, or a w:tab/w:br/hyphen that counts as one character. */
export interface Atom {
  run: Element;
  node: Element;
  /** Offsets within the line. */
  start: number;
  end: number;
}

/** One line of the text gongwen-lint lints, with the document nodes its characters come from. */
export interface Line {
  text: string;
  atoms: Atom[];
  /** The w:p the line ends in (a paragraph with no text is anchored here). */
  paragraph: Element;
  /** False when the line holds something whose text this walk cannot know exactly (a symbol font character). */
  exact: boolean;
}

const VML_NS = 'urn:schemas-microsoft-com:vml';
const VML_CONTAINERS = new Set(['roundrect', 'shape', 'textbox', 'group', 'rect']);
/** Elements mammoth reads through (it ignores elements it does not know, with their content). */
const W_CONTAINERS = new Set(['hyperlink', 'smartTag', 'customXml', 'ins', 'moveTo', 'object', 'txbxContent', 'tbl', 'tc']);

class Builder {
  text = '';
  atoms: Atom[] = [];
  exact = true;
  add(run: Element, node: Element, text: string): void {
    if (text === '') return;
    this.atoms.push({ run, node, start: this.text.length, end: this.text.length + text.length });
    this.text += text;
  }
}

interface Extra {
  b: Builder;
  p: Element;
}

function runChar(el: Element): string | undefined {
  switch (wName(el)) {
    case 't':
      // As docx-tree.ts makes every paragraph one line.
      return (el.textContent ?? '').replace(/[\r\n]/g, ' ');
    case 'tab':
      return '\t';
    case 'br': {
      const type = el.getAttributeNS(el.namespaceURI, 'type') || el.getAttribute('w:type');
      return !type || type === 'textWrapping' || type === 'page' || type === 'column' ? ' ' : '';
    }
    case 'noBreakHyphen':
      return '\u2011';
    case 'softHyphen':
      return '\u00AD';
    default:
      return undefined;
  }
}

function isDeletedMark(p: Element): boolean {
  const rPr = firstW(firstW(p, 'pPr') ?? p, 'rPr');
  return !!(firstW(p, 'pPr') && rPr && firstW(rPr, 'del'));
}

/**
 * The lines of word/document.xml's body as src/input/docx-tree.ts makes them from mammoth's tree:
 * one line per paragraph (table cells included, in document order), deleted text left out, inserted
 * text kept, the Fallback of alternate content, text box paragraphs of a VML picture as lines after
 * their paragraph. The annotator checks these lines against the linted text before it trusts them.
 */
export function readLines(doc: Document): Line[] {
  const lines: Line[] = [];
  const body = firstW(doc.documentElement, 'body');
  if (!body) return lines;
  let pending: Builder | undefined;

  /** Reads `el`'s content into `b`; paragraphs of pictures go to `extras`. */
  const inline = (el: Element, b: Builder, extras: Extra[], inPict: boolean): void => {
    for (const c of elementChildren(el)) {
      const n = wName(c);
      if (n === 'r') {
        for (const part of elementChildren(c)) {
          const ch = runChar(part);
          if (ch !== undefined) b.add(c, part, ch);
          else if (wName(part) === 'sym') b.exact = false;
          else inline(part, b, extras, inPict);
        }
      } else if (n === 'p') {
        if (inPict) {
          const nb = new Builder();
          const nested: Extra[] = [];
          inline(c, nb, nested, false);
          extras.push({ b: nb, p: c }, ...nested);
        } else {
          inline(c, b, extras, false);
        }
      } else if (n === 'pict') {
        inline(c, b, extras, true);
      } else if (n === 'sdt') {
        const content = firstW(c, 'sdtContent');
        // mammoth shows a check box content control as a box, not its character.
        const pr = firstW(c, 'sdtPr');
        if (pr && elementChildren(pr).some((e) => e.localName === 'checkbox')) b.exact = false;
        else if (content) inline(content, b, extras, inPict);
      } else if (n === 'tr') {
        const pr = firstW(c, 'trPr');
        if (!(pr && firstW(pr, 'del'))) inline(c, b, extras, inPict);
      } else if (W_CONTAINERS.has(n)) {
        inline(c, b, extras, inPict);
      } else if (c.namespaceURI === MC_NS && c.localName === 'AlternateContent') {
        const fallback = elementChildren(c).find((e) => e.namespaceURI === MC_NS && e.localName === 'Fallback');
        if (fallback) inline(fallback, b, extras, inPict);
      } else if (c.namespaceURI === VML_NS && VML_CONTAINERS.has(c.localName)) {
        inline(c, b, extras, inPict);
      }
    }
  };

  const block = (el: Element): void => {
    for (const c of elementChildren(el)) {
      const n = wName(c);
      if (n === 'p') {
        const b = pending ?? new Builder();
        pending = undefined;
        const extras: Extra[] = [];
        inline(c, b, extras, false);
        if (isDeletedMark(c)) {
          // mammoth joins a paragraph whose mark is deleted to the next one.
          pending = b;
          continue;
        }
        lines.push({ text: b.text, atoms: b.atoms, paragraph: c, exact: b.exact });
        for (const e of extras) lines.push({ text: e.b.text, atoms: e.b.atoms, paragraph: e.p, exact: e.b.exact });
      } else if (n === 'tr') {
        const pr = firstW(c, 'trPr');
        if (!(pr && firstW(pr, 'del'))) block(c);
      } else if (n === 'sdt') {
        const content = firstW(c, 'sdtContent');
        if (content) block(content);
      } else if (W_CONTAINERS.has(n)) {
        block(c);
      } else if (c.namespaceURI === MC_NS && c.localName === 'AlternateContent') {
        const fallback = elementChildren(c).find((e) => e.namespaceURI === MC_NS && e.localName === 'Fallback');
        if (fallback) block(fallback);
      }
    }
  };
  block(body);
  return lines;
}
