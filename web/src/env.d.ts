/** package.json's version, written in at build time. */
declare const __GONGWEN_VERSION__: string;

declare module 'virtual:gongwen-rules' {
  import type { RuleDefinition } from '../../src/rules/definition.js';
  const definitions: RuleDefinition[];
  export default definitions;
}

declare module 'mammoth/mammoth.browser.min.js' {
  interface Result {
    value: string;
    messages: Array<{ type: string; message: string }>;
  }
  const mammoth: {
    convertToHtml(input: { arrayBuffer: ArrayBuffer }, options: { transformDocument: (doc: never) => unknown }): Promise<Result>;
  };
  export default mammoth;
}
