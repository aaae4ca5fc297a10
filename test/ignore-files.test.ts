import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers/cli.js';

const DRAFT = '2024年工作计划\n新建道路XX公里。\n';

function linted(stdout: string): string[] {
  return JSON.parse(stdout).map((r: { filePath: string }) => r.filePath.replaceAll('\\', '/')).sort();
}

describe('ignore files when walking a folder', () => {
  it('honours .gitignore and .gongwenlintignore from the repository root down, as git does', async () => {
    const dir = tempDir({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n*.tmp.md\n',
      // As in git, a file is re-included only when its folder itself is not excluded (草稿/* rather than 草稿/).
      'docs/.gongwenlintignore': '草稿/*\n!草稿/定稿.txt\n',
      'docs/a.txt': DRAFT,
      'docs/b.tmp.md': DRAFT,
      'docs/build/c.txt': DRAFT,
      'docs/草稿/d.txt': DRAFT,
      'docs/草稿/定稿.txt': DRAFT,
    });
    // Walking docs/ still reads the .gitignore at the repository root above it.
    const r = await cli(['docs', '-f', 'json'], dir);
    expect(linted(r.stdout)).toEqual(['docs/a.txt', 'docs/草稿/定稿.txt']);
    const globbed = await cli(['docs/**/*.txt', '-f', 'json'], dir);
    expect(linted(globbed.stdout)).toEqual(['docs/a.txt', 'docs/草稿/定稿.txt']);
  });

  it('lints an ignored file named explicitly, and everything with --no-ignore-files', async () => {
    const dir = tempDir({ '.gitignore': 'old/\n', 'a.txt': DRAFT, 'old/b.txt': DRAFT });
    expect(linted((await cli(['old/b.txt', '-f', 'json'], dir)).stdout)).toEqual(['old/b.txt']);
    expect(linted((await cli(['.', '-f', 'json'], dir)).stdout)).toEqual(['a.txt']);
    expect(linted((await cli(['.', '--no-ignore-files', '-f', 'json'], dir)).stdout)).toEqual(['a.txt', 'old/b.txt']);
  });
});
