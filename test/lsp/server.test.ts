import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { CLI, ROOT, startServer, type LspClient } from '../helpers/lsp-client.js';

const RULES = path.join(ROOT, 'test/fixtures/lsp-rules');
const uriOf = (name: string) => pathToFileURL(path.join(ROOT, 'test-artifacts/lsp', name)).href;

let client: LspClient;

beforeAll(async () => {
  client = startServer();
  const init = await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    capabilities: { workspace: { workspaceEdit: { documentChanges: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { rules: [RULES], debounceMs: 20 },
  });
  expect(init.capabilities.textDocumentSync).toMatchObject({ change: 2, openClose: true });
  await client.connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
  if (client.child.exitCode === null) client.child.kill();
});

function open(uri: string, text: string, languageId = 'plaintext'): TextDocument {
  void client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  return TextDocument.create(uri, languageId, 1, text);
}

function editsOf(action: CodeAction): TextEdit[] {
  const change = action.edit!.documentChanges![0] as TextDocumentEdit;
  return change.edits as TextEdit[];
}

const byRule = (diagnostics: Diagnostic[], id: string) => diagnostics.filter((d) => d.code === id);

describe('gongwen-lint lsp --stdio, driven as an editor would', () => {
  const text = '2023年上半年工作总结\n全镇新建道路,桥梁XX处。\n完成投资3亿元,超过计划。\n';
  const uri = uriOf('summary.txt');
  let doc: TextDocument;

  test('didOpen → publishDiagnostics with severity, rule id, documentation link and fix data', async () => {
    doc = open(uri, text);
    const { diagnostics, version } = await client.diagnostics(uri);
    expect(version).toBe(1);
    const [placeholder] = byRule(diagnostics, 'no-placeholder');
    expect(placeholder).toMatchObject({
      severity: 1,
      source: 'gongwen-lint',
      range: { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } },
      codeDescription: { href: 'https://github.com/gongwen-lint/gongwen-lint/blob/main/docs/rules/no-placeholder.md' },
    });
    expect(placeholder.message).toContain('占位符“XX”');
    const commas = byRule(diagnostics, 'test-fullwidth-comma');
    expect(commas.map((d) => d.range.start)).toEqual([
      { line: 1, character: 6 },
      { line: 2, character: 7 },
    ]);
    expect(commas[0].severity).toBe(2);
    // A user's rule links to its own file, not to a page the project does not have.
    expect(commas[0].codeDescription!.href).toBe(pathToFileURL(path.join(RULES, 'test-fullwidth-comma.yaml')).href);
    expect(commas[0].data).toMatchObject({ ruleId: 'test-fullwidth-comma', version: 1, fix: { newText: '，' } });
  });

  test('codeAction → quick fix, disable-on-this-line and fix-all as workspace edits', async () => {
    const { diagnostics } = await client.diagnostics(uri);
    const [comma] = byRule(diagnostics, 'test-fullwidth-comma');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: comma.range,
      context: { diagnostics: [comma] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual(['修复：将“,”改为“，”', '在本行停用规则 test-fullwidth-comma', '在本文件中停用规则 test-fullwidth-comma', '修复本文件中所有可自动修复的问题（4 处）']);
    expect((actions[0].edit!.documentChanges![0] as TextDocumentEdit).textDocument).toEqual({ uri, version: 1 });
    expect(TextDocument.applyEdits(doc, editsOf(actions[0]))).toBe(text.replace('道路,桥梁', '道路，桥梁'));
    expect(TextDocument.applyEdits(doc, editsOf(actions[1]))).toBe(text.replace('全镇', '【gongwen-lint-disable-next-line test-fullwidth-comma】\n全镇'));
    expect(TextDocument.applyEdits(doc, editsOf(actions[2]))).toBe(`【gongwen-lint-disable test-fullwidth-comma】\n${text}`);
    expect(TextDocument.applyEdits(doc, editsOf(actions[3]))).toBe(text.replaceAll(',', '，'));

    const [placeholder] = byRule(diagnostics, 'no-placeholder');
    const onPlaceholder = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: placeholder.range,
      context: { diagnostics: [placeholder] },
    })) as CodeAction[];
    // no-placeholder has no fix of its own: the suppression, and the file's fix-all as a source action.
    expect(onPlaceholder.map((a) => [a.kind, a.title])).toEqual([
      ['quickfix', '在本行停用规则 no-placeholder'],
      ['quickfix', '在本文件中停用规则 no-placeholder'],
      ['source.fixAll.gongwen-lint', '修复本文件中所有可自动修复的问题（4 处）'],
    ]);

    const fixAll = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(fixAll).toHaveLength(1);
    expect(fixAll[0].kind).toBe('source.fixAll.gongwen-lint');
    expect(TextDocument.applyEdits(doc, editsOf(fixAll[0]))).toBe(text.replaceAll(',', '，'));
  });

  test('hover on a finding shows the rule documentation', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 10 } });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('**no-placeholder**');
    for (const section of ['**说明**', '**为什么**', '**依据**']) expect(value).toContain(section);
    expect(value).toContain('docs/rules/no-placeholder.md');
    const nothing = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 2 } });
    expect(nothing).toBeNull();
  });

  test('didChange (incremental) → updated diagnostics for the new version', async () => {
    // Replace XX by 12: the placeholder finding goes, the comma findings stay (and move with their text).
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 11 } }, text: '12' }],
    });
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某某镇\n' }],
    });
    const { diagnostics, version } = await client.diagnostics(uri, (p) => p.version === 3);
    expect(version).toBe(3);
    const placeholders = byRule(diagnostics, 'no-placeholder');
    expect(placeholders.map((d) => d.range)).toEqual([{ start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }]);
    expect(byRule(diagnostics, 'test-fullwidth-comma').map((d) => d.range.start.line)).toEqual([2, 3]);
  });

  test('Markdown documents get Markdown suppression comments', async () => {
    const md = uriOf('plan.md');
    const mdDoc = open(md, '# 2024年工作计划\n\n  - 修建道路,桥梁\n', 'markdown');
    const { diagnostics } = await client.diagnostics(md);
    const [comma] = byRule(diagnostics, 'test-fullwidth-comma');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: md }, range: comma.range, context: { diagnostics: [comma] } })) as CodeAction[];
    const disable = actions.find((a) => a.title.includes('停用'))!;
    expect(TextDocument.applyEdits(mdDoc, editsOf(disable))).toBe('# 2024年工作计划\n\n  <!-- gongwen-lint-disable-next-line test-fullwidth-comma -->\n  - 修建道路,桥梁\n');
  });

  test('Markdown front matter: its title is the title line, the rest is not checked', async () => {
    const md = uriOf('page.md');
    open(md, '---\ntitle: "某镇2024年工作计划"\n\ntags: [计划, XX]\n---\n\n全年新建道路3公里。\n', 'markdown');
    const { diagnostics } = await client.diagnostics(md);
    expect(diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`)).toEqual(['no-placeholder@1:8']);
  });

  test('a rule that throws: one internal-error diagnostic, the other rules still report, the log names the rule', async () => {
    const broken = uriOf('broken.txt');
    open(broken, '设备故障20次，道路,桥梁XX处。\n');
    const { diagnostics } = await client.diagnostics(broken);
    const internal = diagnostics.filter((d) => d.code === 'internal-error');
    expect(internal).toHaveLength(1);
    expect(internal[0].message).toContain('test-throws');
    expect(byRule(diagnostics, 'no-placeholder')).toHaveLength(1);
    expect(byRule(diagnostics, 'test-fullwidth-comma')).toHaveLength(1);
    expect(client.log.some((l) => l.includes('rule test-throws failed'))).toBe(true);
  });

  test('malformed messages and text decoded with the wrong encoding do not stop the server', async () => {
    // A body that is not JSON, then a notification whose params make its handler throw, then an unknown request.
    client.child.stdin!.write('Content-Length: 9\r\n\r\n{"bad": }');
    const bad = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: {} });
    client.child.stdin!.write(`Content-Length: ${Buffer.byteLength(bad)}\r\n\r\n${bad}`);
    await expect(client.connection.sendRequest('gongwen/no-such-method', {})).rejects.toThrow(/Unhandled method/);
    const mojibake = uriOf('mojibake.txt');
    open(mojibake, `${'\ufffd'.repeat(12)}工作总结\nXX`);
    const { diagnostics } = await client.diagnostics(mojibake);
    expect(diagnostics.find((d) => d.code === 'encoding')?.message).toContain('编码');
    expect(byRule(diagnostics, 'no-placeholder')).toHaveLength(1);
  });

  test('invalid parameters get protocol errors (hover, codeAction) or are ignored (didChange), and the server stays up', async () => {
    const logged = client.log.length;
    await expect(client.connection.sendRequest('textDocument/hover', null)).rejects.toMatchObject({ code: -32602 });
    await expect(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: 1 }, position: { line: -1 } })).rejects.toMatchObject({ code: -32602 });
    await expect(client.connection.sendRequest('textDocument/codeAction', { textDocument: {} })).rejects.toMatchObject({ code: -32602 });
    const uri = uriOf('ranges.txt');
    open(uri, '一、工作总结\n完成XX项目。\n');
    await client.diagnostics(uri);
    for (const contentChanges of [null, [{ range: null, text: 'x' }], [{ range: { start: { line: 'a' } }, text: 'x' }], [{ text: 5 }]]) {
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
    }
    await client.connection.sendNotification('textDocument/didChange', null);
    // Still answering, with the document as it was before the malformed changes.
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } });
    expect(JSON.stringify(hover)).toContain('no-placeholder');
    const log = client.log.slice(logged);
    expect(log.some((l) => /\n\s+at /.test(l))).toBe(false);
    expect(log.filter((l) => l.includes('invalid parameters'))).toHaveLength(5);
  });

  test('shutdown and exit end the process with status 0', async () => {
    await client.connection.sendRequest('shutdown');
    await client.connection.sendNotification('exit');
    expect(await client.exited).toBe(0);
  });
});

describe('a document too slow to lint', () => {
  test('gets a time-out notice while the server keeps answering; it is linted again on save only, and other documents as usual', async () => {
    const slow = startServer();
    try {
      await slow.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, initializationOptions: { timeoutMs: 1500, debounceMs: 0 } });
      await slow.connection.sendNotification(InitializedNotification.type, {});
      // About 1 MB of Markdown lists: far beyond 1.5 s for the Markdown parser.
      const big = uriOf('big.md');
      const item = '- 全镇新建道路**3条**，桥梁12处，投资1.2亿元。\n\n';
      await slow.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: big, languageId: 'markdown', version: 1, text: `# 2024年工作计划\n\n${item.repeat(16_000)}` } });
      let published = false;
      const notice = slow.diagnostics(big).then((p) => ((published = true), p));
      const hover = await slow.connection.sendRequest(HoverRequest.type, { textDocument: { uri: big }, position: { line: 0, character: 0 } });
      expect(hover).toBeNull();
      expect(published).toBe(false);
      const { diagnostics } = await notice;
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'internal-error', severity: 2 });
      expect(diagnostics[0].message).toContain('超过 2 秒');
      expect(slow.log.some((l) => l.includes('worker replaced'))).toBe(true);

      // Typing in the slow document does not queue another doomed lint ahead of the small one.
      await slow.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: big, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '某' }] });
      const small = uriOf('small.txt');
      await slow.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: '2024年工作计划\n投资XX万元。\n' } });
      expect(byRule((await slow.diagnostics(small)).diagnostics, 'no-placeholder')).toHaveLength(1);
      expect(slow.received.filter((p) => p.uri === big).map((p) => p.version)).toEqual([1]);
      await slow.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: big } });
      expect((await slow.diagnostics(big, (p) => p.version === 2)).diagnostics[0].code).toBe('internal-error');
    } finally {
      slow.child.kill();
    }
  });
});

describe('a 10 MB document', () => {
  /** The server process's peak resident memory (Linux), worker thread included. */
  const peakMb = (pid: number) => {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
  };

  test('is refused with one diagnostic saying why, while hover, code actions and other documents are answered at once, in bounded memory', async () => {
    const s = startServer();
    try {
      await s.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities: {}, initializationOptions: { debounceMs: 0 } });
      await s.connection.sendNotification(InitializedNotification.type, {});
      const huge = uriOf('huge.txt');
      const line = '全镇新建道路3条、桥梁XX处，完成投资1.2亿元，同比增长百分之十二。\n';
      const text = `2024年工作总结\n${line.repeat(Math.ceil(10_000_000 / Buffer.byteLength(line)))}`;
      expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(10_000_000);
      const started = performance.now();
      await s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: huge, languageId: 'plaintext', version: 1, text } });
      const small = uriOf('next-to-huge.txt');
      await s.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: small, languageId: 'plaintext', version: 1, text: '2024年工作计划\n投资XX万元。\n' } });
      // The small document is linted without waiting behind the big one (whose lint would take minutes).
      const [placeholder] = byRule((await s.diagnostics(small, () => true, 8000)).diagnostics, 'no-placeholder');
      expect(placeholder).toBeDefined();
      const hover = await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: placeholder.range.start });
      expect(JSON.stringify(hover)).toContain('no-placeholder');
      const actions = await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: small }, range: placeholder.range, context: { diagnostics: [placeholder] } });
      expect(actions!.length).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(8000);

      const { diagnostics } = await s.diagnostics(huge, () => true, 8000);
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: 'too-large', severity: 2, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } } });
      expect(diagnostics[0].message).toBe(`本文件有 ${text.length} 个字符，超过语言服务器检查的上限 1000000（设置 gongwenLint.maxCharacters），未检查；请用命令行 gongwen-lint 检查它`);
      // Typing in it keeps it refused, cheaply.
      await s.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: huge, version: 2 }, contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '某' }] });
      expect((await s.diagnostics(huge, (p) => p.version === 2, 8000)).diagnostics.map((d) => d.code)).toEqual(['too-large']);
      expect(await s.connection.sendRequest(HoverRequest.type, { textDocument: { uri: huge }, position: { line: 5, character: 3 } })).toBeNull();
      if (process.platform === 'linux') expect(peakMb(s.child.pid!)).toBeLessThan(600);
    } finally {
      s.child.kill();
    }
  });
});

describe('a workspace with a configuration file: diagnostics as the CLI reports them', () => {
  const TEXT = '2023年上半年工作总结\n全镇新建道路,桥梁XX处。\n完成投资3亿元,超过计划。\n';
  let ws: LspClient;
  let dir: string;
  const configFile = () => path.join(dir, 'gongwen-lint.config.json');
  const uriIn = (name: string) => pathToFileURL(path.join(dir, name)).href;
  const writeConfig = (config: unknown) => fs.writeFileSync(configFile(), typeof config === 'string' ? config : JSON.stringify(config));
  const configChanged = () =>
    ws.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(configFile()).href, type: 2 }] });
  /** The first diagnostics for `uri` published after now that satisfy `accept`. */
  const next = (uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true) => {
    const mark = ws.received.length;
    return ws.diagnostics(uri, (p) => ws.received.indexOf(p) >= mark && accept(p));
  };
  const has = (p: PublishDiagnosticsParams, id: string) => byRule(p.diagnostics, id).length > 0;
  const openIn = (uri: string, text: string, languageId = 'plaintext') => {
    void ws.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return TextDocument.create(uri, languageId, 1, text);
  };
  const actionsFor = async (uri: string, d: Diagnostic) =>
    (await ws.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  /** Sends an action's edits as the editor would after applying them: an incremental didChange. */
  const apply = (uri: string, version: number, edits: TextEdit[]) =>
    ws.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })) });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-ws-'));
    fs.mkdirSync(path.join(dir, 'drafts'));
    writeConfig({
      rules: { 'punctuation-width': 'off', 'no-placeholder': 'warning' },
      overrides: [{ files: 'drafts/**', rules: { 'no-placeholder': 'off' } }],
      ignores: ['archive'],
      reportUnusedDisable: 'info',
    });
    ws = startServer();
    await ws.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
      // The editor's own levels apply over the configuration file's.
      initializationOptions: { rules: [RULES], debounceMs: 20, ruleLevels: { 'test-fullwidth-comma': 'info', 'no-such-rule': 'off' } },
    });
    await ws.connection.sendNotification(InitializedNotification.type, {});
  });

  afterAll(() => {
    ws?.child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('rules turned off or re-levelled by the configuration file and its overrides; editor levels on top', async () => {
    openIn(uriIn('report.txt'), TEXT);
    openIn(uriIn('drafts/draft.txt'), TEXT);
    const report = (await ws.diagnostics(uriIn('report.txt'))).diagnostics;
    expect(byRule(report, 'punctuation-width')).toEqual([]);
    expect(byRule(report, 'no-placeholder').map((d) => d.severity)).toEqual([2]);
    expect(byRule(report, 'test-fullwidth-comma').map((d) => [d.range.start.line, d.severity])).toEqual([
      [1, 3],
      [2, 3],
    ]);
    const draft = (await ws.diagnostics(uriIn('drafts/draft.txt'))).diagnostics;
    expect(byRule(draft, 'no-placeholder')).toEqual([]);
    expect(byRule(draft, 'test-fullwidth-comma')).toHaveLength(2);
    expect(ws.log.filter((l) => l.includes('unknown rule "no-such-rule"'))).toHaveLength(1);
    // An ignored document is not linted at all.
    openIn(uriIn('archive/old.txt'), TEXT);
    expect((await ws.diagnostics(uriIn('archive/old.txt'))).diagnostics).toEqual([]);
  });

  test('a directive that suppresses nothing is reported at the configuration’s level, with no action to disable that', async () => {
    const uri = uriIn('unused.txt');
    openIn(uri, '2024年工作计划\n【gongwen-lint-disable-next-line no-placeholder】\n投资3亿元。\n');
    const [unused] = byRule((await ws.diagnostics(uri)).diagnostics, 'unused-disable-directive');
    expect(unused).toMatchObject({ severity: 3, range: { start: { line: 1, character: 0 } } });
    expect(await actionsFor(uri, unused)).toEqual([]);
  });

  test('"disable on this line" in plain text: after the edit the diagnostic is gone, the others stay', async () => {
    const uri = uriIn('report.txt');
    const [, second] = byRule((await ws.diagnostics(uri)).diagnostics, 'test-fullwidth-comma');
    const disable = (await actionsFor(uri, second)).find((a) => a.title === '在本行停用规则 test-fullwidth-comma')!;
    const updated = next(uri, (p) => p.version === 2);
    await apply(uri, 2, editsOf(disable));
    const { diagnostics } = await updated;
    // The marker went in above line 2 (now line 3); the comma on line 1 is still reported.
    expect(byRule(diagnostics, 'test-fullwidth-comma').map((d) => d.range.start.line)).toEqual([1]);
    expect(byRule(diagnostics, 'no-placeholder').map((d) => d.range.start.line)).toEqual([1]);
    // The marker paragraph is not text: no rule reports on it.
    expect(diagnostics.filter((d) => d.range.start.line === 2)).toEqual([]);
  });

  test('"disable on this line" in Markdown: an HTML comment that the suppression filter reads', async () => {
    const uri = uriIn('plan.md');
    openIn(uri, '# 2024年工作计划\n\n修建道路,桥梁XX处。\n', 'markdown');
    const [placeholder] = byRule((await ws.diagnostics(uri)).diagnostics, 'no-placeholder');
    const disable = (await actionsFor(uri, placeholder)).find((a) => a.title === '在本行停用规则 no-placeholder')!;
    const updated = next(uri, (p) => p.version === 2);
    await apply(uri, 2, editsOf(disable));
    const { diagnostics } = await updated;
    expect(byRule(diagnostics, 'no-placeholder')).toEqual([]);
    expect(byRule(diagnostics, 'test-fullwidth-comma').map((d) => d.range.start.line)).toEqual([3]);
  });

  test('a changed configuration file (didChangeWatchedFiles) is read again and open documents re-linted', async () => {
    const uri = uriIn('report.txt');
    const relinted = next(uri, (p) => has(p, 'punctuation-width'));
    writeConfig({ rules: { 'no-placeholder': 'off' } });
    await configChanged();
    const { diagnostics, version } = await relinted;
    expect(version).toBe(2);
    expect(byRule(diagnostics, 'no-placeholder')).toEqual([]);
    // The override for drafts/ is gone with the old file: the draft is linted under the new one.
    const draft = await next(uriIn('drafts/draft.txt'), (p) => has(p, 'punctuation-width'));
    expect(byRule(draft.diagnostics, 'no-placeholder')).toEqual([]);

    // A broken file: one error naming it; fixed again, the findings are back.
    const broken = next(uri);
    writeConfig('{"rules": ');
    await configChanged();
    const notice = (await broken).diagnostics;
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ code: 'rules-error', severity: 1 });
    expect(notice[0].message).toContain('gongwen-lint.config.json');
    const restored = next(uri);
    writeConfig({ rules: { 'no-placeholder': 'error' } });
    await configChanged();
    expect(byRule((await restored).diagnostics, 'no-placeholder').map((d) => d.severity)).toEqual([1]);
  });

  test('"fix all" gives exactly what --fix writes for the same text', async () => {
    // punctuation-width fixes a whole stretch at once (both ; and the comma), and other rules fix
    // the same comma and the doubled ，， inside that stretch; a deletion ends where a comma fix starts.
    const text = '2024年工作计划\n1-5月新建道路,桥梁;涵洞，，水渠;堤坝等设施。\n计划投资约3亿元左右,超过去年。\n';
    // A folder of its own, whose configuration (root: every rule at its default) the other tests do not change.
    fs.mkdirSync(path.join(dir, 'fixes'));
    fs.writeFileSync(path.join(dir, 'fixes/gongwen-lint.config.json'), '{"root": true}');
    const uri = uriIn('fixes/fix.txt');
    const doc = openIn(uri, text);
    await ws.diagnostics(uri);
    const [fixAll] = (await ws.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    const fromEditor = TextDocument.applyEdits(doc, editsOf(fixAll));

    const file = path.join(dir, 'fixes/fix.txt');
    fs.writeFileSync(file, text);
    const cli = spawnSync(process.execPath, [CLI, '--fix', '--rules', RULES, '--format', 'json', 'fixes/fix.txt'], { cwd: dir, encoding: 'utf8' });
    expect(cli.stderr).not.toContain('Error');
    const fromCli = fs.readFileSync(file, 'utf8');
    expect(fromCli).not.toBe(text);
    expect(fromEditor).toBe(fromCli);
    // Planned by whole fixes, the stretch would lose to the one-comma fix at its start and its semicolons stay.
    expect(fromEditor).toContain('道路，桥梁；涵洞，水渠；堤坝');
  });
});
