// Starts `gongwen-lint lsp --stdio` for plain-text and Markdown files; everything else is the server's job.
// build.mjs bundles this file with vscode-languageclient into out/extension.cjs, next to server/.
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/**
 * The server's entry file: the configured one, else the workspace's own gongwen-lint (the version its
 * repository pins), else the server inside the extension (server/, see build.mjs).
 */
function serverModule(configured, folder, extensionDir) {
  if (configured) return configured;
  const local = folder && path.join(folder, 'node_modules', 'gongwen-lint', 'bin', 'gongwen-lint.js');
  if (local && fs.existsSync(local)) return local;
  return path.join(extensionDir, 'server', 'bin', 'gongwen-lint.js');
}

function activate(context) {
  const module = serverModule(
    vscode.workspace.getConfiguration('gongwenLint').get('server.path'),
    vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    context.extensionPath,
  );
  // A module runs in VS Code's own Node; the client adds --stdio for the stdio transport.
  client = new LanguageClient('gongwenLint', 'gongwen-lint', { module, args: ['lsp'], transport: TransportKind.stdio }, {
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

module.exports = { activate, deactivate, serverModule };
