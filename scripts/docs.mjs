// Regenerates docs/rules/<id>.md from every rule file in rules/ (run through `npm run docs`, after a build).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES_DIR, readRuleDir, writeRulePages } from '../dist/index.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const rules = await readRuleDir(BUILTIN_RULES_DIR, root, 'rules');
const n = writeRulePages(rules, path.join(root, 'docs', 'rules'));
console.error(`gongwen-lint: wrote ${n} rule pages to docs/rules/`);
