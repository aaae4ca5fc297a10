import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from '../config/types.js';
import { BUILTIN_RULES_DIR } from '../rules/load-files.js';
import type { FileJob, FileOutcome } from './lint-file.js';

/** Bumped when what an entry holds or how the file is written changes, so that an older cache is dropped rather than misread. */
const FORMAT = 3;
/**
 * The file is JSON in UTF-16: a cache is mostly Chinese messages and excerpts, which take 30 ms to
 * decode from UTF-8 per 8 MB (1,000 documents) and almost nothing from UTF-16, a quarter of a
 * second-run's work after start-up. Both encodings take about the same room for Chinese text.
 */
const ENCODING = 'utf16le';

/** ESLint's name, so the habit of ignoring it carries over. */
export const DEFAULT_CACHE_FILE = '.gongwen-lint-cache';

interface Entry {
  /** Hash of the file's bytes. */
  content: string;
  /** Size and modification time when the hash was taken: when both are unchanged the file is not hashed again. */
  size: number;
  mtimeMs: number;
  /** Hash of everything else the outcome depends on for this file (configuration, rule files, options). */
  settings: string;
  outcome: Omit<FileOutcome, 'path' | 'display'>;
}

interface CacheData {
  version: string;
  entries: Record<string, Entry>;
}

function sha1(data: string | Uint8Array): string {
  return createHash('sha1').update(data).digest('hex');
}

/**
 * Results of earlier runs, keyed by file and valid while the file's bytes, its resolved
 * configuration, the rule files and the tool's version are the same.
 */
export class LintCache {
  private data: CacheData;
  private readonly dirHashes = new Map<string, string>();
  private readonly settingsHashes = new Map<string, string>();
  private dirty = false;

  constructor(
    readonly file: string,
    toolVersion: string,
  ) {
    const version = `${toolVersion}+cache${FORMAT}`;
    this.data = { version, entries: {} };
    try {
      const loaded = JSON.parse(fs.readFileSync(file).toString(ENCODING)) as CacheData;
      if (loaded.version === version && loaded.entries) this.data = loaded;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  /** Rule files are part of the key: editing a rule (or a config's ruleDirs) invalidates what it found. */
  private rulesHash(dir: string): string {
    let h = this.dirHashes.get(dir);
    if (h === undefined) {
      let names: string[] = [];
      try {
        names = fs.readdirSync(dir).filter((n) => /\.ya?ml$/i.test(n)).sort();
      } catch {
        // A missing rule directory fails later, with its own message.
      }
      h = sha1(names.map((n) => `${n}\0${fs.readFileSync(path.join(dir, n), 'utf8')}`).join('\0'));
      this.dirHashes.set(dir, h);
    }
    return h;
  }

  settingsKey(job: FileJob): string {
    const config: ResolvedConfig = job.config;
    const plain = JSON.stringify([job.locale, job.encoding ?? null, job.reportUnusedDisable, config], (k, v: unknown) => (k === 'source' || k === 'files' ? undefined : v));
    let h = this.settingsHashes.get(plain);
    if (h === undefined) {
      h = sha1([plain, ...[BUILTIN_RULES_DIR, ...config.ruleDirs].map((d) => this.rulesHash(d))].join('\0'));
      this.settingsHashes.set(plain, h);
    }
    return h;
  }

  /**
   * The stored outcome if the file and its settings are unchanged. The file's size and mtime
   * vouch for its content (as ESLint's cache does); otherwise `read()` gives its bytes and their
   * hash decides, so a file touched but not changed is still a hit.
   */
  get(job: FileJob, stat: fs.Stats, read: () => Uint8Array | undefined): Omit<FileOutcome, 'path' | 'display'> | undefined {
    const entry = this.data.entries[job.path];
    if (!entry || entry.settings !== this.settingsKey(job)) return undefined;
    if (entry.size === stat.size && entry.mtimeMs === stat.mtimeMs) return entry.outcome;
    const bytes = read();
    if (!bytes || entry.content !== sha1(bytes)) return undefined;
    entry.size = stat.size;
    entry.mtimeMs = stat.mtimeMs;
    this.dirty = true;
    return entry.outcome;
  }

  set(job: FileJob, bytes: Uint8Array, stat: fs.Stats, outcome: FileOutcome): void {
    // Unreadable files and rule crashes are not results: try again next time.
    if (outcome.inputError || outcome.failures.length) {
      if (this.data.entries[job.path]) delete this.data.entries[job.path];
      return;
    }
    const { path: _path, display: _display, ...stored } = outcome;
    this.data.entries[job.path] = { content: sha1(bytes), size: stat.size, mtimeMs: stat.mtimeMs, settings: this.settingsKey(job), outcome: stored };
    this.dirty = true;
  }

  save(): void {
    if (!this.dirty) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.writeFileSync(tmp, Buffer.from(JSON.stringify(this.data), ENCODING));
    fs.renameSync(tmp, this.file);
  }
}
