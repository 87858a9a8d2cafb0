// The one seeded PRNG (mulberry32) behind initialisation, sampling and splits.
// tools/golden_nb201.py mirrors it bit for bit, so PyTorch can rebuild our weights.
export class Random {
  private state: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new Error(`Random: seed ${seed} must be an integer`);
    this.state = seed >>> 0;
  }

  /** A stream at `position` (a state that `position` gave, or a wasm fill returned). */
  static at(position: number): Random {
    const random = new Random(0);
    random.seek(position);
    return random;
  }

  /** Where the stream is: a kernel that draws the same values (assembly/seededInit.ts) starts from it. */
  get position(): number {
    return this.state;
  }

  /** Moves the stream to `position` (as an int32 or uint32, the kernels return the former). */
  seek(position: number): void {
    this.state = position >>> 0;
  }

  /** Next uint32. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1) with 32 random bits. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [-bound, bound): the PyTorch default Conv/Linear init with bound = 1/sqrt(fan_in). */
  symmetric(bound: number): number {
    return (2 * this.uniform() - 1) * bound;
  }

  /** Standard normal (Box-Muller, one value per call). */
  normal(): number {
    const u1 = 1 - this.uniform(); // (0, 1]
    const u2 = this.uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.uniform() * n);
  }

  /** Fisher-Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}
