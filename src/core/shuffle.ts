import { createRng } from './rng';

// A seeded order, for choices that must not give their answer away by where they sit (the
// lesson's slips): the same seed and key give the same order, so a link replays it.

/** A 32-bit FNV-1a hash of a string, to give each list its own stream of the seed. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A permutation of 0 … n−1 (Fisher–Yates), fixed by the seed and the key. */
export function seededOrder(n: number, seed: number, key: string): number[] {
  const rng = createRng((Math.floor(seed) ^ hashKey(key)) >>> 0);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The items in a seeded order (a new array; the input is left as it is). */
export const seededShuffle = <T>(items: readonly T[], seed: number, key: string): T[] =>
  seededOrder(items.length, seed, key).map((i) => items[i]);
