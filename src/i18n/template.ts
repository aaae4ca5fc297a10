/** Fills `{name}` placeholders; a name without a value (undefined or null) stays as written. */
export function fillTemplate(template: string, values: Record<string, unknown> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (token, name: string) => (values[name] === undefined || values[name] === null ? token : String(values[name])));
}
