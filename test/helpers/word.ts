import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import {
  Bookmark,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document as WordDocument,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function cell(text: string): TableCell {
  return new TableCell({ children: [new Paragraph(text)] });
}

/**
 * A draft as Word writes one after some editing: a title and heading styles, a custom paragraph
 * style, a paragraph whose text is split over many runs of different formatting (a placeholder
 * split between two runs, a half-width comma in a red run of its own, a bookmark and a hyperlink
 * in the middle), a table, and a reviewer's comment already on the draft. Written for these tests.
 */
export async function wordLikeDraft(options: { comment?: boolean; directive?: boolean } = {}): Promise<Buffer> {
  const comment = options.comment ?? true;
  const doc = new WordDocument({
    styles: { paragraphStyles: [{ id: 'BodyCN', name: 'Body CN', basedOn: 'Normal', run: { font: '仿宋', size: 32 } }] },
    ...(comment && {
      comments: { children: [{ id: 0, author: '李审核', initials: 'LS', date: new Date('2025-07-01T08:00:00Z'), children: [new Paragraph('请核实危房改造数据。')] }] },
    }),
    sections: [
      {
        children: [
          new Paragraph({ text: '石桥镇2025年上半年工作总结', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: '一、主要成效', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            style: 'BodyCN',
            children: [
              new TextRun('全镇完'),
              new TextRun({ text: '成固定资产', bold: true }),
              new TextRun({ text: '投资1.2亿元', italics: true }),
              new TextRun({ text: ',', color: 'FF0000' }),
              new TextRun('同比增长15%。'),
              ...(comment ? [new CommentRangeStart(0)] : []),
              new TextRun({ text: '改造危房X', underline: {} }),
              new TextRun({ text: 'X户，', size: 28 }),
              new Bookmark({ id: 'roads', children: [new TextRun({ text: '新建', font: '黑体' })] }),
              new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun({ text: '产业路', style: 'Hyperlink' })] }),
              new TextRun('3条。'),
              ...(comment ? [new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })] : []),
            ],
          }),
          new Table({ rows: [new TableRow({ children: [cell('指标'), cell('完成情况')] }), new TableRow({ children: [cell('新修道路'), cell('完成XX公里,超额完成')] })] }),
          new Paragraph({ text: '二、下半年打算', heading: HeadingLevel.HEADING_1 }),
          ...(options.directive ? [new Paragraph('【gongwen-lint-disable-next-line no-placeholder】')] : []),
          new Paragraph({ style: 'BodyCN', children: [new TextRun('继续推进道路建设'), new TextRun({ text: ',年底前完成XX工程。', bold: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function xmlOf(bytes: Uint8Array, part: string): Document {
  return new DOMParser().parseFromString(strFromU8(unzipSync(bytes)[part]), 'text/xml') as unknown as Document;
}

function all(node: Node, local: string): Element[] {
  const out: Element[] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        if ((c as Element).namespaceURI === W && (c as Element).localName === local) out.push(c as Element);
        walk(c);
      }
    }
  };
  walk(node);
  return out;
}

export function wElements(node: Node, local: string): Element[] {
  return all(node, local);
}

export function wAttr(el: Element, name: string): string {
  return el.getAttributeNS(W, name) ?? '';
}

/**
 * Word's "Reject all changes" (`reject`) or "Accept all changes" on the main document, done on the
 * XML: what a reviewer gets after either. Other parts are kept as they are.
 */
export function resolveRevisions(bytes: Uint8Array, how: 'accept' | 'reject'): Uint8Array {
  const files = unzipSync(bytes);
  const doc = new DOMParser().parseFromString(strFromU8(files['word/document.xml']), 'text/xml');
  const [drop, keep] = how === 'accept' ? ['del', 'ins'] : ['ins', 'del'];
  for (const el of all(doc as unknown as Node, drop)) el.parentNode!.removeChild(el);
  for (const el of all(doc as unknown as Node, keep)) {
    for (const t of all(el, 'delText')) {
      const nt = doc.createElementNS(W, 'w:t');
      nt.setAttribute('xml:space', 'preserve');
      nt.appendChild(doc.createTextNode(t.textContent ?? ''));
      t.parentNode!.replaceChild(nt, t);
    }
    while (el.firstChild) el.parentNode!.insertBefore(el.firstChild, el);
    el.parentNode!.removeChild(el);
  }
  files['word/document.xml'] = strToU8(new XMLSerializer().serializeToString(doc));
  return zipSync(files);
}

/**
 * Each comment's span in the text as it was (w:t and w:delText, not our insertions), paragraphs joined by
 * line breaks as the reader joins them: id → text.
 */
export function commentSpans(bytes: Uint8Array): Map<string, string> {
  const doc = xmlOf(bytes, 'word/document.xml');
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  const walk = (n: Node, inIns: boolean) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      const name = e.namespaceURI === W ? e.localName : '';
      if (name === 'commentRangeStart') open.set(wAttr(e, 'id'), '');
      else if (name === 'commentRangeEnd') {
        const id = wAttr(e, 'id');
        done.set(id, open.get(id) ?? '');
        open.delete(id);
      } else if ((name === 't' || name === 'delText') && !inIns) {
        for (const [k, v] of open) open.set(k, v + (e.textContent ?? ''));
      } else if (name === 'tab' && !inIns) {
        for (const [k, v] of open) open.set(k, `${v}\t`);
      } else {
        walk(e, inIns || name === 'ins');
        if (name === 'p') for (const [k, v] of open) open.set(k, `${v}\n`);
      }
    }
  };
  walk(doc as unknown as Node, false);
  return done;
}

/** Every character of the document's text (w:t, and w:delText unless `accepted`), with its run's w:rPr as XML. */
export function characterFormats(bytes: Uint8Array, view: 'original' | 'rejected'): string[] {
  const doc = xmlOf(bytes, 'word/document.xml');
  const out: string[] = [];
  const ser = new XMLSerializer();
  const walk = (n: Node, inIns: boolean) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const e = c as Element;
      const name = e.namespaceURI === W ? e.localName : '';
      if (name === 't' || (name === 'delText' && view === 'rejected')) {
        if (inIns) continue;
        const rPr = all(e.parentNode!, 'rPr').find((r) => r.parentNode === e.parentNode);
        const format = rPr ? ser.serializeToString(rPr) : '';
        for (const ch of e.textContent ?? '') out.push(`${ch}${format}`);
      } else walk(e, inIns || name === 'ins');
    }
  };
  walk(doc as unknown as Node, false);
  return out;
}
