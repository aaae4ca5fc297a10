import { run } from './main.js';

const debug = process.argv.includes('--debug');
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
