import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Debian's libreoffice-writer-nogui; tests that need it skip with a message where it is missing. */
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));

/**
 * Converts `files` (all at once: LibreOffice takes ~10 s to start) to `format` in `outDir`, with a
 * profile of its own so that it never meets a LibreOffice the user has open. Returns the outputs' paths.
 */
export function sofficeConvert(files: string[], format: string, outDir: string, profile: string): string[] {
  execFileSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', format, '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 240_000,
  });
  const ext = format.split(':')[0];
  return files.map((f) => path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${ext}`));
}
