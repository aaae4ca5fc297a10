import v8 from 'node:v8';

// V8 11 (Node 20) optimizes a function after little feedback, then throws the code away when a branch
// it has not seen runs: the linter's large rule functions were recompiled four to seven times, on
// every worker. A larger budget waits for fuller feedback. Measured with 1,000 documents (56 MB) on
// two cores: one thread 5.2 -> 4.4 s of CPU for the same wall time, the worker pool 3.45 -> 2.9 s.
// Flags are process-wide, so worker threads get it too. Other V8 versions are left to their defaults.
// Imported first by bin/gongwen-lint.js, and by the benchmark's child processes to run as the CLI does.
const tuned = process.versions.v8.startsWith('11.') && ![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('interrupt-budget'));
if (tuned) v8.setFlagsFromString('--interrupt-budget=600000');
