import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol';
import { ROOT, startServer, type LspClient } from './helpers/lsp-client.js';

// The VS Code extension as a user installs it: the .vsix that `npm run package` makes, unpacked far from
// this repository (so nothing can be found in its node_modules), must start its own language server.
const EXTENSION = path.join(ROOT, 'editors/vscode');
const hasVsce = fs.existsSync(path.join(EXTENSION, 'node_modules/.bin/vsce'));
if (!hasVsce) console.warn('test/vsix.test.ts: skipped — run `npm ci` in editors/vscode to install vsce');

/** Which server the packaged extension picks, asked of its bundle in a Node without VS Code. */
function serverModuleOf(bundle: string, configured: string, folder: string, extensionDir: string): string {
  const script = `
    const Module = require('node:module');
    const load = Module._load;
    // The bundle needs only vscode's API objects at activation; a stub that answers anything suffices to load it.
    const stub = new Proxy(function () {}, { get: (t, k) => (k === 'prototype' ? {} : stub), construct: () => stub });
    Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
    const [bundle, configured, folder, dir] = process.argv.slice(1);
    process.stdout.write(require(bundle).serverModule(configured, folder, dir));
  `;
  return execFileSync(process.execPath, ['-e', script, bundle, configured, folder, extensionDir], { cwd: os.tmpdir(), encoding: 'utf8' });
}

describe.skipIf(!hasVsce)('the packaged VS Code extension', () => {
  let dir: string;
  let extensionDir: string;
  let manifest: { main: string; scripts: Record<string, string> };
  let client: LspClient | undefined;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gwl-vsix-'));
    const vsix = path.join(dir, 'gongwen-lint.vsix');
    // The extension's own packaging script (vscode:prepublish bundles the extension and the server).
    execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: EXTENSION, stdio: ['ignore', 'ignore', 'pipe'] });
    for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(vsix)))) {
      if (name.endsWith('/')) continue;
      fs.mkdirSync(path.dirname(path.join(dir, 'unpacked', name)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'unpacked', name), data);
    }
    extensionDir = path.join(dir, 'unpacked', 'extension');
    manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  }, 120_000);

  afterAll(() => {
    if (client?.child.exitCode === null) client.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is packaged with its licence, which is the project licence', () => {
    const script = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')).scripts.package;
    expect(script).not.toContain('--skip-license');
    expect(fs.readFileSync(path.join(extensionDir, 'LICENSE.txt'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'));
  });

  it('starts the server it carries, which answers the LSP handshake and lints, rules of a workspace folder included', async () => {
    const bundle = path.join(extensionDir, manifest.main);
    expect(fs.existsSync(bundle)).toBe(true);
    const workspace = fs.mkdtempSync(path.join(dir, 'workspace-'));
    const entry = serverModuleOf(bundle, '', workspace, extensionDir);
    expect(path.relative(extensionDir, entry).startsWith('..')).toBe(false);
    expect(fs.existsSync(entry)).toBe(true);

    // A rule folder of the workspace: the server vets its regular expressions with recheck, which it must carry too.
    fs.mkdirSync(path.join(workspace, 'rules'));
    fs.writeFileSync(
      path.join(workspace, 'rules', 'house-term.yaml'),
      [
        'id: house-term',
        'type: pattern',
        'severity: warning',
        'message: { zh: 用“乡镇”, en: Write 乡镇 }',
        'docs: { summary: { zh: 本单位用语, en: House term }, what: { zh: 镇乡 }, why: { zh: 统一用语 }, source: { zh: 本单位规定 } }',
        'examples: { valid: ["乡镇"], invalid: ["镇乡"] }',
        'options:',
        "  patterns: [{ regex: '镇乡' }]",
        '',
      ].join('\n'),
    );
    client = startServer(entry, workspace);
    const init = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(workspace).href,
      capabilities: {},
      initializationOptions: { rules: ['rules'], debounceMs: 0 },
    });
    expect(init.serverInfo?.name).toBe('gongwen-lint');
    expect(init.capabilities.textDocumentSync).toMatchObject({ openClose: true });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const uri = pathToFileURL(path.join(workspace, '总结.txt')).href;
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'plaintext', version: 1, text: '2024年工作计划\n各镇乡新建道路XX公里。\n' },
    });
    const published = await client.diagnostics(uri, (p) => p.diagnostics.length > 0, 20_000);
    expect(published.diagnostics.map((d) => d.code).sort(), published.diagnostics.map((d) => d.message).join("\n")).toEqual(['house-term', 'no-placeholder']);
  }, 60_000);

  it("prefers the workspace's own gongwen-lint, then a configured path", () => {
    const bundle = path.join(extensionDir, manifest.main);
    const workspace = fs.mkdtempSync(path.join(dir, 'pinned-'));
    const local = path.join(workspace, 'node_modules/gongwen-lint/bin/gongwen-lint.js');
    fs.mkdirSync(path.dirname(local), { recursive: true });
    fs.writeFileSync(local, '');
    expect(serverModuleOf(bundle, '', workspace, extensionDir)).toBe(local);
    expect(serverModuleOf(bundle, '/opt/gwl/bin/gongwen-lint.js', workspace, extensionDir)).toBe('/opt/gwl/bin/gongwen-lint.js');
  });
});
