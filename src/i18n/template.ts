/** A template split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    // Templates come from rule files and message tables: few, each filled once per finding.
    if (compiled.size < 10_000) compiled.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders; a name without a value (undefined or null) stays as written. */
export function fillTemplate(template: string, values: Record<string, unknown> | undefined): string {
  if (!values) return template;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]];
    out += (value === undefined || value === null ? `{${parts[i]}}` : String(value)) + parts[i + 1];
  }
  return out;
}
