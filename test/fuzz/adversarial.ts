// Adversarial documents built from what the rules look for. Each rule file is read for its trigger
// characters (the literals and character-class members of its patterns, the characters of its
// phrases) and its phrases (literal runs of its patterns, the strings of its options); from those
// come families of documents that grow with a size n: long runs of one trigger character, one
// phrase repeated without a break, triggers interleaved, brackets nested. A stage whose time grows
// faster than the document on any family (a scan that starts again from every position, a nested
// loop over claims) shows up as a ratio far above 16 between sizes n and 16n.
import type { RuleDefinition } from '../../src/rules/definition.js';
import type { SourceFormat } from '../../src/types.js';

export interface Family {
  name: string;
  format: SourceFormat;
  /** A document of about n characters. */
  make: (n: number) => string;
}

/** Repeats `unit` (joined by `sep`) to about n characters. */
export function repeatTo(n: number, unit: string, sep = ''): string {
  const count = Math.max(1, Math.ceil(n / (unit.length + sep.length)));
  return Array(count).fill(unit).join(sep);
}

// A representative of each escape and of a class range: what the class matches, not all of it.
const ESCAPES: Record<string, string> = { d: '7', w: 'a', s: ' ', D: '甲', W: '，', S: '甲', n: '\n', t: '\t', b: '', B: '' };

/** Characters and literal runs a regex source looks for (a rough reading: it only has to cover triggers). */
export function regexTriggers(source: string): { chars: Set<string>; phrases: Set<string> } {
  const chars = new Set<string>();
  const phrases = new Set<string>();
  let literal = '';
  const flush = () => {
    if ([...literal].length >= 2) phrases.add(literal);
    literal = '';
  };
  const add = (c: string, inLiteral: boolean) => {
    if (c === '') return;
    chars.add(c);
    if (inLiteral) literal += c;
    else flush();
  };
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      if (e === 'u' && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        add(String.fromCodePoint(parseInt(source.slice(i + 3, end), 16)), true);
        i = end + 1;
      } else if (e === 'u') {
        add(String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16)), true);
        i += 6;
      } else if (e === 'x') {
        add(String.fromCharCode(parseInt(source.slice(i + 2, i + 4), 16)), true);
        i += 4;
      } else if (e === 'p' || e === 'P') {
        add('甲', false);
        i = source.indexOf('}', i) + 1;
      } else if (e === 'k') {
        flush();
        i = source.indexOf('>', i) + 1;
      } else {
        add(e in ESCAPES ? ESCAPES[e] : e, !(e in ESCAPES));
        i += 2;
      }
    } else if (c === '[') {
      flush();
      let j = i + 1;
      if (source[j] === '^') {
        // A negated class matches nearly anything: a CJK character and an ASCII letter stand for it.
        add('甲', false);
        add('a', false);
      }
      for (; j < source.length && source[j] !== ']'; j++) {
        let m = source[j];
        if (m === '\\') {
          const e = source[++j];
          if (e === 'u') {
            m = String.fromCharCode(parseInt(source.slice(j + 1, j + 5), 16));
            j += 4;
          } else if (e === 'x') {
            m = String.fromCharCode(parseInt(source.slice(j + 1, j + 3), 16));
            j += 2;
          } else m = e in ESCAPES ? ESCAPES[e] : e;
        }
        if (source[i + 1] !== '^') add(m, false);
      }
      i = j + 1;
    } else if (c === '(') {
      flush();
      // Skip group syntax: (?: (?= (?! (?<= (?<! (?<name>
      const m = /^\(\?(?::|=|!|<=|<!|<[A-Za-z_]\w*>)?/.exec(source.slice(i));
      i += m ? m[0].length : 1;
    } else if (c === '{') {
      flush();
      i = source.indexOf('}', i) + 1 || source.length;
    } else if ('|)*+?^$.'.includes(c)) {
      flush();
      if (c === '.') add('甲', false);
      i++;
    } else {
      add(c, true);
      i++;
    }
  }
  flush();
  chars.delete('');
  return { chars, phrases };
}

const REGEX_KEY = /^(regex|match|ignore|label|headings|leads|pattern|patterns|before|after)$/i;

/** Every string in a rule's options: regexes read as regexes, the rest as phrases. */
export function ruleTriggers(rule: RuleDefinition): { chars: string[]; phrases: string[] } {
  const chars = new Set<string>();
  const phrases = new Set<string>();
  const visit = (value: unknown, key: string, regexContext: boolean) => {
    if (typeof value === 'string') {
      if (regexContext || REGEX_KEY.test(key)) {
        const t = regexTriggers(value);
        t.chars.forEach((c) => chars.add(c));
        t.phrases.forEach((p) => phrases.add(p));
      } else if (value.length <= 12 && !/[{}]/.test(value)) {
        phrases.add(value);
        for (const c of value) chars.add(c);
      }
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key, regexContext || REGEX_KEY.test(key)));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (k !== 'message' && k !== 'docs') visit(v, k, regexContext && !/^(message|note|use)$/.test(k));
    }
  };
  visit((rule as { options?: unknown }).options ?? {}, '', false);
  // The invalid examples say what the rule finds, whatever its checker reads from its options.
  for (const example of rule.examples?.invalid ?? []) {
    const text = typeof example === 'string' ? example : (example as { text?: string }).text;
    if (text) phrases.add(text.length <= 40 ? text : text.slice(0, 40));
  }
  chars.delete('\n');
  return { chars: [...chars], phrases: [...phrases].filter((p) => p.trim() !== '') };
}

/** Spread picks: at most `max` items, evenly over the list, so families stay few but varied. */
function pick<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}

const PAIRS: Array<[string, string]> = [['（', '）'], ['(', ')'], ['“', '”'], ['《', '》'], ['[', ']'], ['【', '】']];

/** Families derived from one rule. `breadth` bounds how many characters and phrases are used. */
export function ruleFamilies(rule: RuleDefinition, breadth: number, markdown = true): Family[] {
  const { chars, phrases } = ruleTriggers(rule);
  const out: Family[] = [];
  const id = rule.id;
  for (const c of pick(chars, breadth)) {
    out.push({ name: `${id}: run of ${JSON.stringify(c)}`, format: 'text', make: (n) => repeatTo(n, c) });
  }
  for (const p of pick(phrases, breadth)) {
    out.push({ name: `${id}: ${JSON.stringify(p)} repeated`, format: 'text', make: (n) => repeatTo(n, p) });
    if (markdown) out.push({ name: `${id}: ${JSON.stringify(p)} on every line`, format: 'markdown', make: (n) => repeatTo(n, p, '\n') });
  }
  if (chars.length > 1) {
    const mix = pick(chars, 24).join('');
    out.push({ name: `${id}: its triggers interleaved`, format: 'text', make: (n) => repeatTo(n, mix) });
  }
  if (phrases.length > 1) {
    // Every phrase run into the next, then each followed by a long run of the rule's characters.
    const all = pick(phrases, 24);
    out.push({ name: `${id}: its phrases run together`, format: 'text', make: (n) => repeatTo(n, all.join('')) });
    const c = chars[0] ?? '甲';
    out.push({ name: `${id}: a long run, then a phrase`, format: 'text', make: (n) => repeatTo(n - all[0].length, c) + all[0] });
  }
  return out;
}

/** Families that follow the document's structure rather than one rule: what the parsers, the model, the extractor and the suppression filter see. */
export const STRUCTURE: Family[] = [
  { name: 'digits', format: 'text', make: (n) => repeatTo(n, '1') },
  { name: 'digits then 元', format: 'text', make: (n) => `${repeatTo(n, '7')}元` },
  { name: 'digits separated by dots', format: 'text', make: (n) => repeatTo(n, '1.') },
  { name: 'digits separated by commas', format: 'text', make: (n) => repeatTo(n, '1,') },
  { name: 'runs of X', format: 'text', make: (n) => repeatTo(n, 'X') },
  { name: 'runs of *', format: 'text', make: (n) => repeatTo(n, '*') },
  { name: 'runs of * before 总书记', format: 'text', make: (n) => `${repeatTo(n, '*')}总书记新时代中国特色社会主义思想` },
  { name: 'URL-like text', format: 'text', make: (n) => `http://${repeatTo(n, 'a')}` },
  { name: 'URL-like runs', format: 'text', make: (n) => repeatTo(n, 'www.') },
  { name: 'e-mail-like text', format: 'text', make: (n) => repeatTo(n, 'a.') },
  { name: 'e-mail-like @', format: 'text', make: (n) => repeatTo(n, 'a@a') },
  { name: 'spaces', format: 'text', make: (n) => repeatTo(n, ' ') },
  { name: 'CJK without punctuation', format: 'text', make: (n) => repeatTo(n, '工作') },
  { name: 'suppression markers', format: 'text', make: (n) => repeatTo(n, '【gongwen-lint-disable-next-line no-placeholder】\nXX', '\n') },
  { name: 'suppression comments', format: 'markdown', make: (n) => repeatTo(n, '<!-- gongwen-lint-disable-next-line -->\nXX', '\n') },
  { name: 'disable/enable comments', format: 'markdown', make: (n) => repeatTo(n, '<!-- gongwen-lint-disable no-placeholder -->\nXX\n<!-- gongwen-lint-enable -->', '\n') },
  { name: 'setext headings', format: 'markdown', make: (n) => repeatTo(n, '标题\n===', '\n') },
  { name: 'setext headings without blank lines', format: 'markdown', make: (n) => repeatTo(n, '甲\n---', '\n') },
  { name: 'Markdown table rows', format: 'markdown', make: (n) => `| 甲 | 乙 |\n| - | - |\n${repeatTo(n, '| 1 | 2 |', '\n')}` },
  { name: 'ATX headings', format: 'markdown', make: (n) => repeatTo(n, '## 一、工作', '\n') },
  { name: 'ordinal headings', format: 'text', make: (n) => repeatTo(n, '一、工作', '\n') },
  { name: 'numbered headings', format: 'text', make: (n) => repeatTo(n, '1.工作', '\n') },
  { name: 'bracketed headings', format: 'text', make: (n) => repeatTo(n, '（一）工作', '\n') },
  { name: 'one long 其中 list', format: 'text', make: (n) => `共有100个，其中${repeatTo(n - 9, '甲村1个', '、')}。` },
  { name: '一是 chains', format: 'text', make: (n) => repeatTo(n, '一是工作；', '') },
  { name: 'growth claims', format: 'text', make: (n) => repeatTo(n, '投资3亿元，比上年2亿元增长50%，') },
  { name: 'rates', format: 'text', make: (n) => repeatTo(n, '受理10件，办结9件，办结率90%；') },
  { name: 'enumeration', format: 'text', make: (n) => `${repeatTo(n, '甲村', '、')}等3个村` },
  { name: 'indicator mentions', format: 'text', make: (n) => repeatTo(n, '地区生产总值3亿元。') },
  { name: 'nested brackets', format: 'text', make: (n) => '（'.repeat(n / 2) + '）'.repeat(n / 2) },
  ...PAIRS.map(([open, close]): Family => ({ name: `unclosed ${open}${close}`, format: 'text', make: (n) => repeatTo(n, open) + close })),
  { name: 'one long line of a paragraph', format: 'text', make: (n) => repeatTo(n, '全年完成投资15.6亿元，同比增长8.2%，完成计划的103.5%。') },
  { name: 'many short lines', format: 'text', make: (n) => repeatTo(n, '甲', '\n') },
  { name: 'Markdown emphasis', format: 'markdown', make: (n) => repeatTo(n, '*甲*') },
  { name: 'Markdown links', format: 'markdown', make: (n) => repeatTo(n, '[甲](http://a)') },
  { name: 'Markdown list items', format: 'markdown', make: (n) => repeatTo(n, '- 甲', '\n') },
  { name: 'Markdown inline code', format: 'markdown', make: (n) => repeatTo(n, '`1`') },
  { name: 'HTML comments', format: 'markdown', make: (n) => repeatTo(n, '<!-- x -->') },
];

/**
 * Every family: the structural ones and, per rule, those built from its triggers (at most `breadth`
 * characters and phrases each; `markdown`: each phrase also on every line of a Markdown document).
 */
export function adversarialFamilies(rules: RuleDefinition[], breadth: number, markdown = true): Family[] {
  const seen = new Set<string>();
  const out: Family[] = [];
  for (const f of [...STRUCTURE, ...rules.flatMap((r) => ruleFamilies(r, breadth, markdown))]) {
    // Identical documents from two rules are one family (timed once).
    const key = `${f.format}\u0000${f.make(64)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
