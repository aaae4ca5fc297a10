// The linters gongwen-lint is compared with, as installed by `npm run bench:peers-install` into
// bench/.peers. Each runs over the same batch folder, its report discarded, as its users run it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PEERS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.peers');

function binScript(name) {
  const link = path.join(PEERS_DIR, 'node_modules', '.bin', name);
  return fs.existsSync(link) ? fs.realpathSync(link) : undefined;
}

/**
 * `subset`: textlint needs ~100 s for the 1,000-file set on this machine (the reference),
 * so by default it runs on the first `subset` files and its ratio is taken on those same files.
 */
export function installedPeers() {
  const peers = [
    { name: 'AutoCorrect (autocorrect-node)', id: 'autocorrect', script: binScript('autocorrect'), args: ['--lint', '--format', 'json', '.'] },
    { name: 'markdownlint-cli2', id: 'markdownlint', script: binScript('markdownlint-cli2'), args: ['**/*.txt', '**/*.md'] },
    {
      name: 'textlint + preset-ja-technical-writing',
      id: 'textlint',
      script: binScript('textlint'),
      args: ['--config', path.join(PEERS_DIR, '.textlintrc.json'), '--format', 'json', '.'],
      subset: 100,
    },
  ];
  return peers.filter((p) => p.script);
}
