/**
 * Where a file stops being UTF-8. A file that is valid UTF-8 (with Chinese in it) up to some byte
 * is a UTF-8 file: decoding all of it as GB18030 would turn its first part into mojibake, so the
 * reader names the byte and the line instead (an invalid sequence in an otherwise UTF-8 file, or a
 * second encoding appended to it).
 */

/** Byte offset of the first invalid UTF-8 sequence, or -1; `multibyte` counts the valid multi-byte characters before it. */
export function firstInvalidUtf8(bytes: Uint8Array): { offset: number; multibyte: number } {
  let multibyte = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return { offset: i, multibyte };
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { offset: i, multibyte };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { offset: i, multibyte };
    multibyte++;
    i += n + 1;
  }
  return { offset: -1, multibyte };
}

/** 1-based line of a byte offset (LF and lone CR end lines, as in the line index). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return line;
}

/** Share of the rest (from `offset`) that is not UTF-8: U+FFFD per character when decoded leniently. */
export function invalidShare(bytes: Uint8Array, offset: number): number {
  const rest = new TextDecoder('utf-8').decode(bytes.subarray(offset));
  let bad = 0;
  for (let i = rest.indexOf('\ufffd'); i !== -1; i = rest.indexOf('\ufffd', i + 1)) bad++;
  return rest.length ? bad / rest.length : 0;
}
