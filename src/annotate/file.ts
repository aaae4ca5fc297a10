import fs from 'node:fs';
import path from 'node:path';
import { checkSize } from '../input/read.js';
import type { Finding, Locale } from '../types.js';
import { annotateDocx } from './docx.js';
import { AnnotateError, type AnnotateErrorCode } from './package.js';

export interface AnnotateRequest {
  /** Where the copy goes (absolute). */
  output: string;
  revisions: boolean;
}

export interface AnnotatedCopy {
  output: string;
  comments: number;
  revisions: number;
  approximate: number;
}

export type AnnotateFailure = { code: AnnotateErrorCode | 'not-docx' | 'read-only' | 'same-file' | 'write-failed'; detail: string };

/** `初稿.docx` → `初稿.gongwen-lint.docx` beside it. */
export function annotatedName(file: string): string {
  return file.replace(/(\.docx)?$/i, '.gongwen-lint.docx');
}

/**
 * Writes the annotated copy of `file` (or of `given`, its bytes) to `request.output`. The copy is
 * written to a temporary file beside its destination and renamed, so that a failure leaves no half
 * copy; the original is only ever read.
 */
export function annotateFile(file: string, text: string, findings: readonly Finding[], request: AnnotateRequest, locale: Locale, given?: Uint8Array): AnnotatedCopy | AnnotateFailure {
  const output = path.resolve(request.output);
  if (path.resolve(file) === output) return { code: 'same-file', detail: '' };
  let result;
  try {
    let bytes = given;
    if (!bytes) {
      checkSize(fs.statSync(file).size);
      bytes = fs.readFileSync(file);
    }
    result = annotateDocx(bytes, text, findings, { revisions: request.revisions, locale });
  } catch (e) {
    if (e instanceof AnnotateError) return { code: e.code, detail: e.detail };
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return { code: 'write-failed', detail: code };
    throw e;
  }
  const temp = `${output}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(output), { recursive: true });
    fs.writeFileSync(temp, result.bytes);
    fs.renameSync(temp, output);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    return { code: 'write-failed', detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  return { output, comments: result.comments, revisions: result.revisions, approximate: result.approximate };
}
