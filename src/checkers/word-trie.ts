import { SharedFilter, StartFilter } from './start-filter.js';

interface TrieNode<T> {
  next?: Map<number, TrieNode<T>>;
  values?: T[];
}

type Found<T> = (start: number, end: number, values: readonly T[]) => void;

/**
 * The union of every trie's filter. The rules of a pack (misspelling, variant-form, …) each have a
 * trie but search the same document one after another: the pass over the text is made once, with
 * the union (and with the other shared filters), and kept for the last text; each trie then tests
 * only those few positions against its own filter.
 */
const union = new SharedFilter();

/**
 * Words keyed by their UTF-16 code units, searched in one pass over a text. A position is a
 * candidate only if its unit is a one-unit word or the hash of its unit and the next one is that of
 * some word's first two units; only candidates walk the trie. The filter is exact — every word's
 * start passes it, a hash collision only costs a walk. Words are short (≤ a dozen units), so the
 * search is linear in the text. Measured on the 1-million-character corpus with a thousand words:
 * ~3 ms, against ~15 ms with a table of first units alone (a fifth of Chinese text starts some
 * word) and ~150 ms for the npm Aho–Corasick implementations tried (@monyone/aho-corasick,
 * ahocorasick; modern-ahocorasick segments graphemes and took minutes).
 */
export class WordTrie<T> {
  private readonly filter = new StartFilter();
  private readonly root: TrieNode<T> = {};
  private empty = true;

  add(word: string, value: T): void {
    if (word === '') return;
    this.empty = false;
    this.filter.add(word);
    union.add(word);
    let node = this.root;
    for (let i = 0; i < word.length; i++) {
      node.next ??= new Map();
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = {}));
      node = child;
    }
    (node.values ??= []).push(value);
  }

  /** Calls `found` for every occurrence of every word, by start then length. */
  scan(text: string, found: Found<T>): void {
    // The shared candidates are every trie's: an empty one would still test them all.
    if (this.empty) return;
    for (const i of union.positions(text)) if (this.filter.passes(text, i)) this.walk(text, i, found);
  }

  private walk(text: string, i: number, found: Found<T>): void {
    let node: TrieNode<T> | undefined = this.root;
    for (let j = i; j < text.length; j++) {
      node = node.next?.get(text.charCodeAt(j));
      if (!node) return;
      if (node.values) found(i, j + 1, node.values);
    }
  }
}
