import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver } from '../config/resolve.js';
import { RuleRegistry } from '../config/rule-set.js';
import { INIT_FILE, INIT_TEXT } from '../config/init.js';
import { t } from '../i18n/messages.js';
import type { CliOptions } from './args.js';
import { displayPath } from './jobs.js';

/** --print-config FILE: the configuration files that apply, and every rule's effective level and options. */
export async function printConfig(file: string, options: CliOptions, cwd: string): Promise<string> {
  const abs = path.resolve(cwd, file);
  const resolver = new ConfigResolver(cwd, options.workflow.config && path.resolve(cwd, options.workflow.config), options.rules.map((d) => path.resolve(cwd, d)), options.allowOutsideRules);
  const { config, ignored } = await resolver.resolve(abs);
  const { levels, rules } = await new RuleRegistry(cwd).prepare(config);
  const options_ = new Map(rules.map((r) => [r.definition.id, r.definition.options]));
  const out = {
    file: displayPath(abs, cwd),
    configFiles: config.files.map((f) => displayPath(f, cwd)),
    ignored,
    ...(config.documentType && { documentType: config.documentType }),
    ...(config.year !== undefined && { year: config.year }),
    ruleDirs: config.ruleDirs.map((d) => displayPath(d, cwd)),
    rules: Object.fromEntries(
      [...levels].map(([id, level]) => [id, config.rules[id]?.options || config.rules[id]?.extendOptions ? { level, options: options_.get(id) } : level]),
    ),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** --init: a commented starter configuration in the working directory; never overwrites. */
export function writeInit(options: CliOptions, cwd: string): { ok: boolean; message: string } {
  const file = path.join(cwd, INIT_FILE);
  if (fs.existsSync(file)) return { ok: false, message: t(options.locale, 'config.init.exists', { file: INIT_FILE }) };
  fs.writeFileSync(file, INIT_TEXT);
  return { ok: true, message: t(options.locale, 'config.init.written', { file: INIT_FILE }) };
}
