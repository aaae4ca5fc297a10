import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheKey } from './cache-key.js';
import type { ResolvedConfig } from '../config/types.js';
import { BUILTIN_RULES_DIR } from '../rules/load-files.js';
import type { FileJob, FileOutcome } from './lint-file.js';

/** Bumped when what an entry holds or how the file is written changes, so that an older cache is dropped rather than misread. */
const FORMAT = 4;
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
  /** HMAC of the entry (file, content, settings, outcome) with this machine's cache key. */
  mac: string;
}

/** What binds an entry to its file, its content, its settings, the tool's version and this machine's key. */
export function entryMac(key: Buffer, version: string, file: string, e: { content: string; settings: string; outcome: unknown }): string {
  return createHmac('sha256', key).update(JSON.stringify([version, file, e.content, e.settings, e.outcome])).digest('hex');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape an entry must have before its MAC is even computed. */
function wellFormed(e: unknown): e is Entry {
  return (
    isObject(e) &&
    typeof e.content === 'string' &&
    typeof e.settings === 'string' &&
    typeof e.mac === 'string' &&
    Number.isFinite(e.size) &&
    Number.isFinite(e.mtimeMs) &&
    isObject(e.outcome) &&
    Array.isArray(e.outcome.findings) &&
    Array.isArray(e.outcome.suppressed) &&
    Array.isArray(e.outcome.failures)
  );
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
  private key: Buffer | undefined;

  constructor(
    readonly file: string,
    toolVersion: string,
  ) {
    const version = `${toolVersion}+cache${FORMAT}`;
    this.data = { version, entries: {} };
    try {
      const loaded = JSON.parse(fs.readFileSync(file).toString(ENCODING)) as unknown;
      // A cache of another shape (hand-made, damaged, another version) is rebuilt, never misread.
      if (isObject(loaded) && loaded.version === version && isObject(loaded.entries)) this.data = loaded as unknown as CacheData;
    } catch {
      // No cache yet, or an unreadable one: start afresh.
    }
  }

  private mac(file: string, e: Omit<Entry, 'mac' | 'size' | 'mtimeMs'>): string {
    this.key ??= cacheKey();
    return entryMac(this.key, this.data.version, file, e);
  }

  private verified(file: string, e: unknown): Entry | undefined {
    if (!wellFormed(e)) return undefined;
    const expected = Buffer.from(this.mac(file, e), 'hex');
    const given = Buffer.from(e.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? e : undefined;
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
    const entry = this.verified(job.path, this.data.entries[job.path]);
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
    const entry = { content: sha1(bytes), settings: this.settingsKey(job), outcome: stored };
    this.data.entries[job.path] = { ...entry, size: stat.size, mtimeMs: stat.mtimeMs, mac: this.mac(job.path, entry) };
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
