import { run } from './main.js';

const debug = process.argv.includes('--debug');
run(process.argv.slice(2)).then(
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
