import { LEVELS, type Level, type Locale } from '../types.js';

/**
 * The server's settings: from the client's initializationOptions and its `gongwenLint` configuration
 * section (VS Code settings, Neovim's `settings`, eglot's workspace configuration). They apply over
 * the configuration files (gongwen-lint.config.json, .gongwenlintrc.yaml), which the lint worker
 * resolves per document as the CLI does.
 */
export interface Settings {
  locale: Locale;
  /** Extra rule directories (like --rules), relative to the workspace root; added to the configuration files' ruleDirs. */
  rules: string[];
  /** Per-rule levels over the configuration files' ones; 'off' disables a rule. */
  ruleLevels: Record<string, Level | 'off'>;
  /** Quiet time after an edit before the document is linted again. */
  debounceMs: number;
  /** A lint running longer than this is abandoned and the document gets a notice instead. */
  timeoutMs: number;
  /** A longer document is not linted (one notice says why): its lint would take a minute and gigabytes. */
  maxCharacters: number;
}

export const DEFAULT_SETTINGS: Settings = { locale: 'zh', rules: [], ruleLevels: {}, debounceMs: 200, timeoutMs: 10_000, maxCharacters: 1_000_000 };

export const CONFIG_FILE_GLOBS = ['**/gongwen-lint.config.json', '**/.gongwenlintrc.yaml', '**/.gongwenlintrc.yml'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Applies what is valid in `raw` over `base`; each ignored key is reported through `warn`
 * (a typo in an editor's settings must not stop the server).
 */
export function mergeSettings(base: Settings, raw: unknown, warn: (message: string) => void): Settings {
  if (raw === undefined || raw === null) return base;
  if (!isRecord(raw)) {
    warn('settings must be an object; ignored');
    return base;
  }
  const out: Settings = { ...base };
  for (const [key, value] of Object.entries(raw)) {
    switch (key) {
      case 'locale':
        if (value === 'zh' || value === 'en') out.locale = value;
        else warn(`locale must be "zh" or "en" (got ${JSON.stringify(value)}); ignored`);
        break;
      case 'rules':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out.rules = value;
        else warn('rules must be a list of rule directories; ignored');
        break;
      case 'ruleLevels':
        if (isRecord(value) && Object.values(value).every((v) => v === 'off' || LEVELS.includes(v as Level))) out.ruleLevels = value as Settings['ruleLevels'];
        else warn(`ruleLevels must map rule ids to "off", ${LEVELS.map((l) => `"${l}"`).join(', ')}; ignored`);
        break;
      case 'debounceMs':
      case 'timeoutMs':
        if (typeof value === 'number' && Number.isFinite(value) && value >= 0) out[key] = value;
        else warn(`${key} must be a number ≥ 0; ignored`);
        break;
      case 'maxCharacters':
        if (Number.isInteger(value) && (value as number) > 0) out.maxCharacters = value as number;
        else warn('maxCharacters must be a whole number > 0; ignored');
        break;
      case 'server':
      case 'trace':
        // The editor extension's own settings (where the server is, protocol tracing).
        break;
      default:
        warn(`unknown setting "${key}"; ignored`);
    }
  }
  return out;
}
