/** A repeatable stream of random texts over a small alphabet (a linear congruential generator). */
export function randomText(seed: number, alphabet: string) {
  let state = seed;
  const rand = (n: number) => ((state = (state * 1103515245 + 12345) & 0x7fffffff) % n);
  const pick = (n: number) => Array.from({ length: n }, () => alphabet[rand(alphabet.length)]).join('');
  return { rand, pick };
}
