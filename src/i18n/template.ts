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

/**
 * A value quoted in the template (“{match}”) that holds double quotes itself takes single ones
 * inside, as GB/T 15834-2011 sets for quotes within quotes: “‘五五’普法”, not ““五五”普法”. A value
 * that is nothing but quote marks is the mark a message is about (unbalanced-pair's “”” ) and stays.
 */
function nested(value: string, before: string, after: string): string {
  if (!before.endsWith('“') || !after.startsWith('”') || !/[“”]/.test(value) || !/[^“”]/.test(value)) return value;
  return value.replace(/[“”]/g, (q) => (q === '“' ? '‘' : '’'));
}

/** Fills `{name}` placeholders; a name without a value (undefined or null) stays as written. */
export function fillTemplate(template: string, values: Record<string, unknown> | undefined): string {
  if (!values) return template;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]];
    out += (value === undefined || value === null ? `{${parts[i]}}` : nested(String(value), parts[i - 1], parts[i + 1])) + parts[i + 1];
  }
  return out;
}

const englishPlural = new Intl.PluralRules('en');

/** `{n|one|other}` in an English template: the form for the count n ("1 file", "0 files"). */
export function selectPlurals(template: string, values: Record<string, unknown>): string {
  if (!template.includes('|')) return template;
  return template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (whole, name: string, one: string, other: string) =>
    values[name] === undefined ? whole : englishPlural.select(Number(values[name])) === 'one' ? one : other,
  );
}
