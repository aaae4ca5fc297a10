import { run } from './main.js';

const debug = process.argv.includes('--debug');
if (process.argv[2] !== 'lsp') {
  // A reader that stops early (`gongwen-lint docs | head`) closes the pipe: stop quietly, as grep and git do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    process.stderr.write(`gongwen-lint: cannot write the report: ${error.code ?? error.message}\n`);
    process.exit(2);
  });
}
// `lsp` starts the language server: a chunk of its own, which the ordinary CLI never loads.
const started = process.argv[2] === 'lsp' ? import('../lsp/main.js').then((lsp) => lsp.startLanguageServer(process.argv.slice(3))) : run(process.argv.slice(2));
started.then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    // An internal error: one line for the user, the stack only on request.
    process.stderr.write(`gongwen-lint: internal error: ${error.message}\n`);
    if (debug) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('gongwen-lint: run again with --debug for details\n');
    process.exitCode = 2;
  },
);
