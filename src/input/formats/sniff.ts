/** What a document's bytes are, whatever its name says. */
export type Container = 'zip' | 'cfb' | 'pdf' | 'xml' | 'other';

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function containerOf(bytes: Uint8Array): Container {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  if (CFB.every((b, i) => bytes[i] === b)) return 'cfb';
  // %PDF may follow some junk bytes (the specification allows the header within the first 1024).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (/^(\ufeff|\xef\xbb\xbf)?\s*<\?xml|^\s*</.test(head)) return 'xml';
  return 'other';
}

/** A UTF-16LE stream name as a compound file's directory holds it. */
export function hasCfbStream(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = bytes.indexOf(needle[0]); i !== -1 && i <= bytes.length - needle.length; i = bytes.indexOf(needle[0], i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
