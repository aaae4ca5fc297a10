import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// gongwen-lint is not on the npm registry: the documentation may name only the ways in that
// .ci/install-tests.sh tries (the release tarball, git at a release tag, pre-commit, the GitHub
// Action at a release tag, a clone), never the registry package or a tag no release makes.
const root = path.resolve(import.meta.dirname, '..');
const DOCS = ['README.md', 'docs/editors.md', 'editors/vscode/README.md', 'editors/vscode/package.json', 'action.yml', '.pre-commit-hooks.yaml'];

/** Commands and references that would fetch gongwen-lint from where it is not. */
const UNTESTED: Array<[RegExp, string]> = [
  [/npm (?:install|i|add)\b[^\n`&;|]*?(?<![\w/.#:+-])gongwen-lint(?![\w.-]*\.tgz|\.git|[\w-])(?!`\s*目前找不到)/, 'the registry package'],
  [/npx (?:-y |--yes )?gongwen-lint@/, 'a registry version'],
  [/gongwen-lint\/gongwen-lint@v\d+(?![.\d])/, 'a major-version tag that npm run release does not make'],
  [/rev:\s*v\d+\s*$/m, 'a major-version tag that npm run release does not make'],
];

describe('the documented ways to install', () => {
  it('are only those that the install tests try', () => {
    const found: string[] = [];
    for (const file of DOCS) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      text.split('\n').forEach((line, i) => {
        for (const [re, what] of UNTESTED) if (re.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('name the release tag that package.json gives', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const tags = new Set([...readme.matchAll(/(?:#|@|rev: )v(\d+\.\d+\.\d+)/g)].map((m) => m[1]));
    expect([...tags]).toEqual([version]);
    const script = fs.readFileSync(path.join(root, '.ci/install-tests.sh'), 'utf8');
    for (const way of ['npm install -g', 'npm install -g --install-links', 'npm install --save-dev', 'pre-commit run', 'action.yml']) expect(script).toContain(way);
  });
});
