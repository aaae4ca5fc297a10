import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type FileSystemWatcher,
  type InitializeResult,
  type Position,
  type Range,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import pkg from '../../package.json' with { type: 'json' };
import type { SourceFormat } from '../types.js';
import { codeActions, FIX_ALL_KIND } from './actions.js';
import { tooLarge, toLinted, type LintedDocument } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { WorkerLinter } from './linter.js';
import { Scheduler } from './scheduler.js';
import { CONFIG_FILE_GLOBS, DEFAULT_SETTINGS, mergeSettings, type Settings } from './settings.js';

const LANGUAGES = new Set(['plaintext', 'text', 'markdown']);

function formatOf(doc: TextDocument): SourceFormat {
  return doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri) ? 'markdown' : 'text';
}

function lintable(doc: TextDocument): boolean {
  return LANGUAGES.has(doc.languageId) || /\.(txt|md|markdown)$/i.test(doc.uri);
}

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
const isPosition = (p: unknown): boolean => !!p && typeof p === 'object' && isCount((p as Position).line) && isCount((p as Position).character);
const isRange = (r: unknown): boolean => !!r && typeof r === 'object' && isPosition((r as Range).start) && isPosition((r as Range).end);
const hasUri = (params: unknown): boolean => typeof (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri === 'string';

/** A request's parameters are checked before use: a malformed request gets InvalidParams, not an internal error with a stack. */
function checked<P, R>(what: string, valid: (p: P) => boolean, handler: (p: P) => R): (p: P) => R {
  return (params) => {
    if (!valid(params)) throw new ResponseError(ErrorCodes.InvalidParams, `${what}: invalid parameters`);
    return handler(params);
  };
}

function validChange(params: unknown): boolean {
  const p = params as { textDocument?: { version?: unknown }; contentChanges?: unknown } | null;
  if (!hasUri(p) || !Number.isInteger(p!.textDocument!.version) || !Array.isArray(p!.contentChanges)) return false;
  return p!.contentChanges.every((c: unknown) => {
    const change = c as { text?: unknown; range?: unknown } | null;
    return typeof change?.text === 'string' && (change.range === undefined || isRange(change.range));
  });
}

function validOpen(params: unknown): boolean {
  const doc = (params as { textDocument?: { text?: unknown; version?: unknown; languageId?: unknown } } | null)?.textDocument;
  return hasUri(params) && typeof doc?.text === 'string' && Number.isInteger(doc.version) && typeof doc.languageId === 'string';
}

/**
 * The connection as TextDocuments sees it: document notifications with malformed parameters (a
 * null range, a missing text) are dropped with a warning instead of throwing inside its handlers.
 */
function guardedDocuments(connection: Connection, warn: (message: string) => void): Connection {
  const guard = (name: string, valid: (p: unknown) => boolean) => (handler: (p: never) => void) =>
    (connection as unknown as Record<string, (h: (p: unknown) => void) => unknown>)[name]((params: unknown) => {
      if (valid(params)) handler(params as never);
      else warn(`gongwen-lint: ignored a ${name.replace(/^on/, '')} notification with invalid parameters`);
    });
  const wrapped: Record<string, unknown> = {
    onDidOpenTextDocument: guard('onDidOpenTextDocument', validOpen),
    onDidChangeTextDocument: guard('onDidChangeTextDocument', validChange),
    onDidCloseTextDocument: guard('onDidCloseTextDocument', hasUri),
    onWillSaveTextDocument: guard('onWillSaveTextDocument', hasUri),
    onDidSaveTextDocument: guard('onDidSaveTextDocument', hasUri),
  };
  return new Proxy(connection, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in wrapped) return wrapped[prop];
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Wires the language server's handlers onto `connection`; the engine runs in the worker at `workerScript`. */
export function startServer(connection: Connection, workerScript: URL): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, LintedDocument>();
  // Documents whose last lint hit the time limit: linted again on save only, so typing in one
  // does not hold up every other document's lint for the whole limit, edit after edit.
  const tooSlow = new Set<string>();
  const log = (message: string) => connection.console.log(message);
  const warn = (message: string) => connection.console.warn(message);

  let root = process.cwd();
  let initOptions: unknown;
  let settings: Settings = DEFAULT_SETTINGS;
  let versionedEdits = false;
  let pullConfiguration = false;
  let registerConfiguration = false;
  let watchFiles = false;
  let relativePatterns = false;

  const linter = new WorkerLinter(workerScript, warn, settings.timeoutMs);
  // Raised when a watched configuration or rule file changes: the worker then reads them afresh.
  let generation = 0;
  const noted = new Set<string>();

  const request = (text: string, format: SourceFormat, file?: string) =>
    linter.lint({ text, format, path: file, locale: settings.locale, ruleDirs: settings.rules, levels: settings.ruleLevels, root, generation });

  async function lintDocument(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc || !lintable(doc)) return;
    if (doc.getText().length > settings.maxCharacters) {
      tooSlow.delete(uri);
      const result = tooLarge(doc, settings.locale, settings.maxCharacters);
      linted.set(uri, result);
      await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: result.diagnostics });
      return;
    }
    const outcome = await request(doc.getText(), formatOf(doc), uri.startsWith('file:') ? fileURLToPath(uri) : undefined);
    // Edited or closed meanwhile: the newer version has its own lint coming.
    if (documents.get(uri)?.version !== doc.version) return;
    if (outcome.type === 'ok') {
      for (const f of outcome.failures) warn(`${uri}: rule ${f.ruleId} failed: ${f.stack ?? f.message}`);
      for (const note of outcome.notes.filter((n) => !noted.has(n))) {
        noted.add(note);
        warn(note);
      }
    } else if (outcome.type === 'error') {
      warn(`${uri}: lint failed: ${outcome.stack ?? outcome.message}`);
    } else if (outcome.type === 'rules-error') {
      warn(`rules: ${outcome.message}`);
    }
    if (outcome.type === 'timeout') tooSlow.add(uri);
    else tooSlow.delete(uri);
    const result = toLinted(outcome, doc, settings.locale);
    linted.set(uri, result);
    await connection.sendDiagnostics({ uri, version: doc.version, diagnostics: result.diagnostics });
  }

  const scheduler = new Scheduler(lintDocument, warn);
  const relintAll = () => documents.all().forEach((doc) => scheduler.now(doc.uri));

  async function refreshSettings(): Promise<void> {
    let next = mergeSettings(DEFAULT_SETTINGS, initOptions, warn);
    if (pullConfiguration) next = mergeSettings(next, await connection.workspace.getConfiguration('gongwenLint'), warn);
    settings = next;
    linter.timeoutMs = settings.timeoutMs;
  }

  connection.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    initOptions = params.initializationOptions;
    const caps = params.capabilities;
    versionedEdits = !!caps.workspace?.workspaceEdit?.documentChanges;
    pullConfiguration = !!caps.workspace?.configuration;
    registerConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    watchFiles = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    relativePatterns = !!caps.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    settings = mergeSettings(DEFAULT_SETTINGS, initOptions, warn);
    linter.timeoutMs = settings.timeoutMs;
    return {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
      },
      serverInfo: { name: 'gongwen-lint', version: pkg.version },
    };
  });

  connection.onInitialized(async () => {
    log(`gongwen-lint ${pkg.version} language server, workspace ${root}`);
    if (registerConfiguration) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwenLint' });
    await refreshSettings();
    if (watchFiles) {
      const watchers: FileSystemWatcher[] = CONFIG_FILE_GLOBS.map((globPattern) => ({ globPattern }));
      if (relativePatterns) for (const dir of settings.rules) watchers.push({ globPattern: { baseUri: pathToFileURL(path.resolve(root, dir)).href, pattern: '*.{yaml,yml}' } });
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    }
    // Load the rules now rather than on the first document, and say at once if they cannot be.
    const warm = await request('', 'text');
    if (warm.type === 'rules-error') void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `gongwen-lint: ${warm.message}` });
  });

  // TextDocuments fires onDidChangeContent right after onDidOpen for the same open: lint that once, at once.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    scheduler.now(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (!justOpened.delete(e.document.uri) && !tooSlow.has(e.document.uri)) scheduler.later(e.document.uri, settings.debounceMs);
  });
  documents.onDidSave((e) => scheduler.now(e.document.uri));
  documents.onDidClose((e) => {
    scheduler.forget(e.document.uri);
    tooSlow.delete(e.document.uri);
    linted.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(async () => {
    await refreshSettings();
    relintAll();
  });
  connection.onDidChangeWatchedFiles(() => {
    // A configuration or rule file changed: what the worker read and compiled is stale.
    generation++;
    relintAll();
  });

  connection.onCodeAction(
    checked('textDocument/codeAction', (p) => hasUri(p) && isRange(p.range) && Array.isArray(p.context?.diagnostics), (params) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return [];
      return codeActions(params, { doc, format: formatOf(doc), linted: linted.get(doc.uri), locale: settings.locale, versionedEdits });
    }),
  );
  connection.onHover(
    checked('textDocument/hover', (p) => hasUri(p) && isPosition(p.position), (params) => {
      const doc = documents.get(params.textDocument.uri);
      return doc ? hoverAt(linted.get(doc.uri), doc.version, params.position, settings.locale) : null;
    }),
  );
  connection.onShutdown(() => linter.dispose());

  documents.listen(guardedDocuments(connection, warn));
  connection.listen();
}
