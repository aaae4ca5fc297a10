// Starts `gongwen-lint lsp --stdio` for plain-text and Markdown files; everything else is the server's job.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The configured entry point, else the workspace's own gongwen-lint, else the command on PATH. */
function serverOptions() {
  const configured = vscode.workspace.getConfiguration('gongwenLint').get('server.path');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder && path.join(folder, 'node_modules', 'gongwen-lint', 'bin', 'gongwen-lint.js');
  const module = configured || (local && fs.existsSync(local) ? local : undefined);
  // A module runs in VS Code's own Node; the client adds --stdio for the stdio transport.
  if (module) return { module, args: ['lsp'], transport: TransportKind.stdio };
  return { command: 'gongwen-lint', args: ['lsp', '--stdio'], options: { shell: process.platform === 'win32' } };
}

function activate(context) {
  client = new LanguageClient('gongwenLint', 'gongwen-lint', serverOptions(), {
    documentSelector: ['plaintext', 'markdown'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    synchronize: { configurationSection: 'gongwenLint' },
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
