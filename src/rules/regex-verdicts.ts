import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheKey, userCacheDir } from '../batch/cache-key.js';

/**
 * Verdicts on the patterns of user rule files, kept between runs in the user's cache folder so
 * that a second run does not analyse them again (a pattern takes 0.1–3 s). The file is signed with
 * the lint cache's key: a verdict file planted or edited by someone else does not verify and is
 * ignored, so it cannot make an unsafe pattern pass.
 */

/** Past this many verdicts the file starts afresh rather than growing without bound. */
const MAX_ENTRIES = 20_000;

interface VerdictFile {
  version: string;
  verdicts: Record<string, string | null>;
  mac: string;
}

function sign(version: string, verdicts: Record<string, string | null>): string {
  return createHmac('sha256', cacheKey()).update(JSON.stringify([version, verdicts])).digest('hex');
}

function verdictFile(): string {
  return path.join(userCacheDir(), 'regex-verdicts.json');
}

/** The verified verdicts of `version` (the analyser's), or none. */
export function readVerdicts(version: string): Map<string, string | null> {
  try {
    const data = JSON.parse(fs.readFileSync(verdictFile(), 'utf8')) as Partial<VerdictFile>;
    if (data.version !== version || typeof data.mac !== 'string' || typeof data.verdicts !== 'object' || data.verdicts === null) return new Map();
    const expected = Buffer.from(sign(version, data.verdicts), 'hex');
    const given = Buffer.from(data.mac, 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return new Map();
    return new Map(Object.entries(data.verdicts).filter((e): e is [string, string | null] => e[1] === null || typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** Adds `fresh` to the stored verdicts (written whole to a temporary file, then renamed over). */
export function writeVerdicts(version: string, fresh: Map<string, string | null>): void {
  if (fresh.size === 0) return;
  const merged = readVerdicts(version);
  if (merged.size + fresh.size > MAX_ENTRIES) merged.clear();
  for (const [k, v] of fresh) merged.set(k, v);
  const verdicts = Object.fromEntries(merged);
  const file = verdictFile();
  // Worker threads share the process id: the thread's id keeps their temporary files apart.
  const tmp = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(tmp, JSON.stringify({ version, verdicts, mac: sign(version, verdicts) } satisfies VerdictFile), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // No writable cache folder: the verdicts are kept for this run only.
    fs.rmSync(tmp, { force: true });
  }
}
