import type { ConfigFile, PresetName } from './types.js';

/** Presets named by `extends`; applied before the settings of the file that names them. */
export const PRESETS: Record<PresetName, ConfigFile> = {
  // The rules as shipped, at their own levels.
  recommended: {},
  // For a final check before submission: anything worth a warning blocks.
  strict: { levelMap: { warning: 'error', info: 'warning' } },
  // 政府工作报告 rarely say so in a way the title inference sees (the title is often just 政府工作报告
  // with the year on the cover), and they have no 存在问题 section in the summary sense.
  'government-report': { documentType: 'government-report', rules: { 'missing-problems-section': 'off' } },
};
