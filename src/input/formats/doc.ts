import { InputError } from '../decode.js';
import { hasCfbStream } from './sniff.js';

/**
 * A Word 97–2003 document (.doc, and WPS's .wps, which WPS writes in the same compound-file format):
 * its main text through word-extractor, one line per paragraph. Table cells come as word-extractor
 * gives them, tab-separated on one line per row.
 */
export async function readWord97(bytes: Uint8Array): Promise<string[]> {
  if (hasCfbStream(bytes, 'EncryptionInfo') || hasCfbStream(bytes, 'EncryptedPackage')) throw new InputError('encrypted', 'Office');
  if (!hasCfbStream(bytes, 'WordDocument')) throw new InputError('bad-doc', 'no WordDocument stream');
  const WordExtractor = (await import('word-extractor')).default;
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody();
  } catch (e) {
    const message = (e as Error).message.split('\n')[0];
    throw new InputError(/encrypt/i.test(message) ? 'encrypted' : 'bad-doc', message);
  }
  return body.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
}
