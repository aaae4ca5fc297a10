import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/input/decode.js';
import { decodeWeb } from '../../src/input/decode-web.js';

const TEXT = '云岭镇2024年工作总结\r\n一、主要成效\r\n完成投资3.2亿元。\r\n';

/** The browser's decoder must read every file the CLI reads the same way. */
describe('decodeWeb agrees with the CLI decoder', () => {
  const cases: Array<[string, Uint8Array]> = [
    ['utf-8', Buffer.from(TEXT)],
    ['utf-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])],
    ['utf-16le with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')])],
    ['utf-16be with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')])],
    ['gb18030', iconv.encode(TEXT, 'gb18030')],
  ];
  it.each(cases)('%s', (_name, bytes) => {
    expect(decodeWeb(bytes)).toEqual(decode(bytes));
    expect(decodeWeb(bytes).text).toBe(TEXT);
  });

  it.each<[string, Uint8Array, string]>([
    ['empty', new Uint8Array(), 'empty'],
    ['blank', Buffer.from(' \n\n'), 'empty'],
    ['binary', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'binary'],
    ['odd-length utf-16', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'undecodable'],
  ])('refuses %s input', (_name, bytes, code) => {
    expect(() => decodeWeb(bytes)).toThrow(expect.objectContaining({ code }));
    expect(() => decode(bytes)).toThrow(expect.objectContaining({ code }));
  });
});
