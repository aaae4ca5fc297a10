import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleError } from '../../src/rules/definition.js';
import { builtinDefinitions } from '../../src/rules/builtin.js';
import { gongwenRules } from '../../web/rules-plugin.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Runs the plugin's load hook as Vite would for `virtual:gongwen-rules`. */
async function load(dirs: string[]): Promise<{ code: string; watched: string[] }> {
  const plugin = gongwenRules(dirs, root);
  const resolveId = plugin.resolveId as (id: string) => string | undefined;
  const id = resolveId('virtual:gongwen-rules')!;
  const watched: string[] = [];
  const code = await (plugin.load as (this: unknown, id: string) => Promise<string>).call({ addWatchFile: (f: string) => watched.push(f) }, id);
  return { code, watched };
}

describe('the rules plugin', () => {
  it('bundles every rule in rules/, validated, and watches them', async () => {
    const { code, watched } = await load([]);
    const bundled = JSON.parse(code.replace(/^export default /, '').replace(/;$/, '')) as Array<{ id: string; file: string }>;
    expect(bundled.map((d) => d.id)).toEqual((await builtinDefinitions()).map((d) => d.id));
    expect(bundled.every((d) => d.file.startsWith('rules/'))).toBe(true);
    expect(watched).toContain(path.join(root, 'rules', 'no-placeholder.yaml'));
  });

  it('fails the build on a broken rule, naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-rules-'));
    try {
      const text = fs.readFileSync(path.join(root, 'test/fixtures/web-rules/web-test-comma.yaml'), 'utf8').replace("regex: '(?<=", "regex: '((?<=");
      fs.writeFileSync(path.join(dir, 'broken.yaml'), text);
      await expect(load([dir])).rejects.toThrow(RuleError);
      await expect(load([dir])).rejects.toThrow(/broken\.yaml: \/options\/patterns\/0\/regex invalid regular expression/);
      // The same file next to the built-in rules is accepted: the extra folder really is read.
      fs.writeFileSync(path.join(dir, 'broken.yaml'), text.replace("regex: '((?<=", "regex: '(?<="));
      await expect(load([dir])).resolves.toMatchObject({ code: expect.stringContaining('"id":"web-test-comma"') });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
