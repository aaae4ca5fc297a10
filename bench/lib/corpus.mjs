// The documents the benchmark runs on: a folder of unique documents for in-process figures, and a
// batch folder of ~1,000 files for whole-program runs (the reference set is the five seed
// documents of the shared corpus ×200, 11 MB).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : walk(p);
      return /\.(txt|md|markdown)$/i.test(e.name) ? [p] : [];
    })
    .sort();
}

/** The folder to read when none is named: the shared corpus when it is beside the project, else samples/. */
export function defaultCorpus(root) {
  const shared = path.resolve(root, '..', 'shared', 'corpus');
  return fs.existsSync(shared) ? shared : path.join(root, 'samples');
}

/**
 * Copies `sources` `copies` times into a fresh temporary folder (flat, unique names). The seeds of
 * the shared corpus when present, else every document of the corpus folder.
 */
export function batchSet(corpusDir, copies) {
  const all = walk(corpusDir);
  const seeds = all.filter((f) => /^seed-\d+\.txt$/.test(path.basename(f)));
  const sources = seeds.length ? seeds : all;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-bench-batch-'));
  let bytes = 0;
  for (let i = 0; i < copies; i++) {
    for (const src of sources) {
      const name = `${String(i).padStart(4, '0')}-${path.basename(src)}`;
      fs.copyFileSync(src, path.join(dir, name));
      bytes += fs.statSync(src).size;
    }
  }
  const label = `${seeds.length ? `${seeds.length} seeds` : `${sources.length} documents`} ×${copies}`;
  return { dir, files: sources.length * copies, bytes, label, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
