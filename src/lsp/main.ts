import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

const USAGE = '用法：gongwen-lint lsp [--stdio]  启动语言服务器（经标准输入输出使用 LSP 协议，供编辑器调用）\nusage: gongwen-lint lsp [--stdio]  (a language server speaking LSP over standard input and output)';

/** `gongwen-lint lsp --stdio`: returns an exit status only when it does not start. */
export function startLanguageServer(argv: string[]): number | undefined {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const unknown = argv.find((a) => a !== '--stdio');
  if (unknown !== undefined) {
    process.stderr.write(`gongwen-lint lsp: unsupported option "${unknown}"\n${USAGE}\n`);
    return 2;
  }
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  // Standard output is the protocol channel: any stray console output goes to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(args.join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.join(' '));
  // One bad message or a bug in a handler must not take the editor's server down with it.
  process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
  process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${(e as Error)?.stack ?? e}`));
  startServer(connection, new URL('./lsp-worker.js', import.meta.url));
  return undefined;
}
