import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode, detectEol, encode, InputError } from '../src/input/decode.js';

const TEXT = '２０２３年上半年工作总结\r\n一、主要成效\r\n全镇完成固定资产投资3.2亿元，同比增长8.5%。\r\n';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof InputError ? e.code : `not an InputError: ${e}`;
  }
  return undefined;
}

describe('decode', () => {
  it('reads UTF-8 without a BOM', () => {
    const d = decode(Buffer.from(TEXT, 'utf8'));
    expect(d).toMatchObject({ text: TEXT, encoding: 'utf-8', bom: false, eol: '\r\n' });
  });

  it('reads UTF-8 with a BOM, keeps the BOM out of the text and remembers it', () => {
    const d = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]));
    expect(d.text).toBe(TEXT);
    expect(d).toMatchObject({ encoding: 'utf-8', bom: true });
  });

  it('detects GB18030 (files saved by Chinese Windows)', () => {
    const d = decode(iconv.encode(TEXT, 'gb18030'));
    expect(d).toMatchObject({ text: TEXT, encoding: 'gb18030', bom: false });
  });

  it('detects a short GBK line', () => {
    const d = decode(iconv.encode('某镇工作总结\n', 'gbk'));
    expect(d.text).toBe('某镇工作总结\n');
    expect(d.encoding).toBe('gb18030');
  });

  it.each(['utf-16le', 'utf-16be'])('reads %s with a BOM', async (enc) => {
    const bytes = await encode(TEXT, enc, true);
    const d = decode(bytes);
    expect(d).toMatchObject({ text: TEXT, encoding: enc, bom: true });
  });

  it('honours a forced encoding', () => {
    const d = decode(iconv.encode('工作總結', 'big5'), 'big5');
    expect(d.text).toBe('工作總結');
    expect(d.encoding).toBe('big5');
  });

  it('rejects an unknown forced encoding', () => {
    expect(codeOf(() => decode(Buffer.from('abc'), 'no-such-encoding'))).toBe('unknown-encoding');
  });

  it('rejects empty and whitespace-only files', () => {
    expect(codeOf(() => decode(new Uint8Array()))).toBe('empty');
    expect(codeOf(() => decode(Buffer.from(' \r\n\u3000\n', 'utf8')))).toBe('empty');
  });

  it('rejects binary files', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(codeOf(() => decode(png))).toBe('binary');
  });

  it('rejects a UTF-8 BOM followed by invalid UTF-8', () => {
    expect(codeOf(() => decode(Buffer.from([0xef, 0xbb, 0xbf, 0xe5, 0x9c, 0x28, 0x41])))).toBe('undecodable');
  });

  it('detects Big5 when GB18030 cannot decode the bytes', () => {
    const text = '臺灣地區年度工作總結報告，各項工作穩步推進，成效顯著。'.repeat(3);
    expect(decode(iconv.encode(text, 'big5'))).toMatchObject({ text, encoding: 'big5' });
  });

  it('round-trips through encode in the original form', async () => {
    for (const [enc, bom] of [['utf-8', false], ['utf-8', true], ['gb18030', false], ['utf-16le', true], ['utf-16be', true]] as const) {
      const bytes = await encode(TEXT, enc, bom);
      const d = decode(bytes);
      expect(Buffer.from(await encode(d.text, d.encoding, d.bom)).equals(Buffer.from(bytes))).toBe(true);
    }
  });
});

describe('detectEol', () => {
  it.each([
    ['a\nb\n', '\n'],
    ['a\r\nb\r\n', '\r\n'],
    ['a\rb', '\r'],
    ['a\r\nb\n', 'mixed'],
    ['ab', 'none'],
  ])('%j → %j', (text, eol) => {
    expect(detectEol(text)).toBe(eol);
  });
});
