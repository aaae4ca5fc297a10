/**
 * Sets of code-unit pairs as bits, shared by the start filters of the word tries and of MatchStarts.
 * 2^16 bits are 8 KB, which stay in the first-level cache (at 2^20 bits a load per position cost
 * 10 ns); a collision only costs a walk.
 */
export const PAIR_BITS = 16;

/** A set of PAIR_BITS-bit hashes. */
export const pairBits = () => new Int32Array(1 << (PAIR_BITS - 5));

export const pairHash = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1) >>> (32 - PAIR_BITS);

/**
 * Another hash of the same pair, independent of the first: a second set tested only where the first
 * passes turns back most of the first one's collisions at no cost to the positions it rejects.
 */
export const pairHash2 = (a: number, b: number) => Math.imul((b << 16) | a, 0x85ebca6b) >>> (32 - PAIR_BITS);

export const has = (bits: Int32Array, h: number) => (bits[h >>> 5] & (1 << (h & 31))) !== 0;

/** Sets bit `h`; whether it was clear. */
export function setBit(bits: Int32Array, h: number): boolean {
  if (has(bits, h)) return false;
  bits[h >>> 5] |= 1 << (h & 31);
  return true;
}
