import { strToU8, zipSync } from 'fflate';

/**
 * A PDF written by hand: each page's lines in STSong-Light, a font PDF readers do not embed, through
 * Adobe's predefined UniGB-UCS2-H CMap, as Chinese government PDFs often are; reading it needs the CMaps.
 * `null` for a page gives a page with a drawing and no text (a scan).
 */
export function cjkPdf(pages: Array<string[] | null>): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 1 + 1;
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>');
  add('<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R >>');
  add('<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>');
  const kids: number[] = [];
  for (const lines of pages) {
    let stream: string;
    if (lines === null) stream = '0.5 g 72 400 300 300 re f';
    else {
      stream = lines
        .map((line, i) => {
          const hex = [...line].map((ch) => ch.codePointAt(0)!.toString(16).padStart(4, '0')).join('').toUpperCase();
          return `BT /F1 12 Tf 72 ${760 - i * 20} Td <${hex}> Tj ET`;
        })
        .join('\n');
    }
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * An OFD package (GB/T 33190) assembled from its XML: OFD.xml → Doc_0/Document.xml → one Content.xml per
 * page. Each line is a TextObject; objects are written in reverse order and the last line's characters as
 * separate TextCodes, so that reading order has to come from the coordinates.
 */
export function ofdPackage(pages: string[][]): Uint8Array {
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  const files: Record<string, Uint8Array> = {
    'OFD.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`),
    'Doc_0/Document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Document ${ns}><ofd:CommonData><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox><ofd:MaxUnitID>999</ofd:MaxUnitID></ofd:CommonData><ofd:Pages>${pages
        .map((_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_${i}/Content.xml"/>`)
        .join('')}</ofd:Pages></ofd:Document>`,
    ),
  };
  pages.forEach((lines, p) => {
    const objects = lines.map((line, i) => {
      const y = 30 + i * 8;
      const codes =
        i === lines.length - 1
          ? [...line].map((ch, k) => `<ofd:TextCode X="${k * 4.2}" Y="4">${ch}</ofd:TextCode>`).reverse().join('')
          : `<ofd:TextCode X="0" Y="4">${line}</ofd:TextCode>`;
      return `<ofd:TextObject ID="${p * 100 + i + 10}" Boundary="25 ${y} 160 6" Font="1" Size="4.2">${codes}</ofd:TextObject>`;
    });
    files[`Doc_0/Pages/Page_${p}/Content.xml`] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${ns}><ofd:Content><ofd:Layer ID="${p + 2}">${objects.reverse().join('')}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  });
  return zipSync(files);
}

/** A Word 2003 XML document ("Word XML Document", .xml or renamed .doc): one w:p per line. */
export function word2003Xml(lines: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><wx:sect xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint">${lines
    .map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`)
    .join('')}</wx:sect></w:body></w:wordDocument>`;
}
