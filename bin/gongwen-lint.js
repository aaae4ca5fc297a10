#!/usr/bin/env node
import './v8-tuning.js';

import('../dist/cli.js').catch((error) => {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('gongwen-lint: the build output is missing; run `npm install` (or `npm run build`) in the package folder\n');
  } else {
    process.stderr.write(`gongwen-lint: ${error?.stack ?? error}\n`);
  }
  process.exitCode = 2;
});
