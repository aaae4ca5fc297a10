import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The composite action's own steps: what it installs and which actions it calls. (.ci/install-tests.sh
// runs these steps at a release tag; this checks what a run there cannot see, cheaply.)
const root = path.resolve(import.meta.dirname, '..');
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  runs: { steps: Array<{ name?: string; uses?: string; run?: string }> };
};
const steps = action.runs.steps;

/**
 * The oldest major versions that run on GitHub's runners without the Node 20 deprecation (the node24
 * action runtime): setup-node@v4 and checkout@v4 run on node20, which the runners no longer offer.
 */
const CURRENT_MAJOR: Record<string, number> = { 'github/codeql-action/upload-sarif': 4, 'actions/setup-node': 6, 'actions/checkout': 6 };

function tooOld(uses: string[]): string[] {
  return uses.filter((uses) => {
    const [name, ref] = uses.split('@');
    return name in CURRENT_MAJOR && !(Number(/^v(\d+)/.exec(ref)?.[1]) >= CURRENT_MAJOR[name]);
  });
}

describe('the GitHub Action', () => {
  it("calls current major versions of the SARIF upload and setup-node actions, as the README's workflow does", () => {
    const used = steps.filter((s) => s.uses).map((s) => s.uses!);
    expect(used.some((u) => u.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
    expect(used.some((u) => u.startsWith('actions/setup-node@'))).toBe(true);
    expect(tooOld(used)).toEqual([]);
    const documented = [...fs.readFileSync(path.join(root, 'README.md'), 'utf8').matchAll(/uses:\s*(\S+@\S+)/g)].map((m) => m[1]);
    expect(documented.some((u) => u.startsWith('actions/checkout@'))).toBe(true);
    expect(tooOld(documented)).toEqual([]);
  });

  it('installs production dependencies only at a release, and never builds the web page', () => {
    const install = steps.find((s) => s.name === 'Install gongwen-lint')!.run!;
    const lines = install.split('\n').map((l) => l.trim());
    // A release tag carries dist/: production dependencies, no install scripts, no build.
    const released = lines.slice(lines.indexOf('if [ -f dist/cli.js ]; then') + 1, lines.indexOf('else'));
    expect(released).toEqual(['npm ci --omit=dev --ignore-scripts --no-audit --no-fund']);
    // Any other ref builds the command line only.
    expect(install).toContain('node scripts/build.mjs --no-web');
    expect(install).not.toMatch(/build:web|vite|npm (?:ci|install)(?![^\n]*--ignore-scripts)/);
  });
});
