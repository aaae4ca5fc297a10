/**
 * A name (a file name, an argument) as it may be printed to a terminal: control characters are
 * shown escaped (\n, \x1b …), so that a file named with an escape sequence or a line break cannot
 * move the cursor, recolour or forge lines of the report.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function terminalSafe(name: string): string {
  return name.replace(CONTROL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}
