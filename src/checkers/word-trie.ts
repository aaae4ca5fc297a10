interface TrieNode<T> {
  next?: Map<number, TrieNode<T>>;
  values?: T[];
}

/**
 * Words keyed by their UTF-16 code units, searched in one pass over a text: at each position whose
 * unit can start a word (a flat table lookup, so the common position costs one load), the trie is
 * walked as far as it goes. Words are short (≤ a dozen units), so the pass is linear in the text.
 * Measured on the 1-million-character corpus with a thousand words: ~20 ms, against ~150 ms for the
 * npm Aho–Corasick implementations tried (@monyone/aho-corasick, ahocorasick; modern-ahocorasick
 * segments graphemes and took minutes) — their per-character cost is paid at every position.
 */
export class WordTrie<T> {
  private readonly starts = new Uint8Array(0x10000);
  private readonly root: TrieNode<T> = {};

  add(word: string, value: T): void {
    if (word === '') return;
    this.starts[word.charCodeAt(0)] = 1;
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
  scan(text: string, found: (start: number, end: number, values: readonly T[]) => void): void {
    const { starts } = this;
    for (let i = 0; i < text.length; i++) {
      if (starts[text.charCodeAt(i)] === 0) continue;
      let node: TrieNode<T> | undefined = this.root;
      for (let j = i; j < text.length; j++) {
        node = node.next?.get(text.charCodeAt(j));
        if (!node) break;
        if (node.values) found(i, j + 1, node.values);
      }
    }
  }
}
