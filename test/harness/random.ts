// A small seeded pseudo-random generator (mulberry32) for tests and benches: the same sequence on every run, so a
// failure can name its seed and two bench runs make the same edits.

/** Numbers in [0, 1), determined by `seed`. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
