import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { ROOT, startServer, type LspClient } from '../helpers/lsp-client.js';

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
    expect(actions.map((a) => a.title)).toEqual(['修复：将“,”改为“，”', '在本行停用规则 test-fullwidth-comma', '在本文件中停用规则 test-fullwidth-comma', '修复本文件中所有可自动修复的问题（2 处）']);
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
      ['source.fixAll.gongwen-lint', '修复本文件中所有可自动修复的问题（2 处）'],
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
