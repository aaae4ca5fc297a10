import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { PublishDiagnosticsNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/cli.js');

export interface LspClient {
  connection: MessageConnection;
  child: ChildProcess;
  /** Resolves with the first publishDiagnostics for `uri` that satisfies `accept` (already received or still to come). */
  diagnostics(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Every publishDiagnostics so far, in order. */
  received: PublishDiagnosticsParams[];
  /** What the server wrote to its log (window/logMessage). */
  log: string[];
  exited: Promise<number | null>;
}

/** Starts `gongwen-lint lsp --stdio` from the built bundle (or another entry file) and speaks LSP to it as an editor would. */
export function startServer(entry = CLI, cwd = ROOT): LspClient {
  const child = spawn(process.execPath, [entry, 'lsp', '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const received: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const log: string[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    received.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    log.push(p.message);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.listen();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    connection,
    child,
    received,
    log,
    exited,
    diagnostics(uri, accept = () => true, timeoutMs = 10_000) {
      const seen = received.find((p) => p.uri === uri && accept(p));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; log:\n${log.join('\n')}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
  };
}
