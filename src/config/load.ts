import fs from 'node:fs';
import path from 'node:path';
import { readFailure } from '../i18n/problem.js';
import { ConfigError, type ConfigFile, type LoadedConfig } from './types.js';

/** Names looked for in each folder, in order of preference. */
const CONFIG_NAMES = ['gongwen-lint.config.json', '.gongwenlintrc.yaml', '.gongwenlintrc.yml'];

export async function loadConfigFile(file: string, displayBase: string): Promise<LoadedConfig> {
  const shown = path.relative(displayBase, file) || file;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(shown, '', { id: 'file.unreadable', values: { code: readFailure(e) } });
  }
  // YAML and the schema compiler load only when a configuration file is found: start-up matters.
  const { parseConfig } = await import('./parse.js');
  return { file, dir: path.dirname(file), data: parseConfig(text.replace(/^\ufeff/, ''), shown) };
}

/** The configuration file of a folder, if it has one. */
export function configIn(dir: string): string | undefined {
  for (const name of CONFIG_NAMES) {
    const file = path.join(dir, name);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}
