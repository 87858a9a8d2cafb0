// A bump allocator over a growable byte store (wasm linear memory). Networks allocate
// weights, then each pass allocates activations and gradients; reset(mark) drops
// everything after a mark, so memory stays flat over thousands of networks. Views are
// made on demand because memory.grow() detaches every existing view.
const ALIGN = 64; // cache line; also satisfies v128 alignment
const PAGE = 65536;
// Each memory.grow() costs V8 a full garbage collection, and a first pass on an NB101 cell makes
// hundreds of allocations past the end: growing by at least this share of the memory so far makes
// that a handful (untouched pages cost no RAM).
const GROWTH = 1 / 4;

export class Arena {
  private readonly base: number;
  private top: number;
  private highWater: number;

  constructor(
    readonly memory: WebAssembly.Memory,
    heapBase: number,
  ) {
    this.base = alignUp(heapBase, ALIGN);
    this.top = this.base;
    this.highWater = this.base;
  }

  /** Reserve `bytes` (uninitialised); returns a 64-byte aligned pointer. */
  alloc(bytes: number): number {
    const ptr = this.top;
    const end = alignUp(ptr + bytes, ALIGN);
    const have = this.memory.buffer.byteLength;
    if (end > have) this.grow(Math.ceil((end - have) / PAGE));
    this.top = end;
    if (end > this.highWater) this.highWater = end;
    return ptr;
  }

  /** At least `pages` more, and GROWTH of the memory when the address space has room for it. */
  private grow(pages: number): void {
    const generous = Math.max(pages, Math.ceil((this.memory.buffer.byteLength / PAGE) * GROWTH));
    try {
      this.memory.grow(generous);
    } catch (error) {
      if (generous === pages) throw error;
      this.memory.grow(pages);
    }
  }

  /** Reserve `bytes`, zero-filled. */
  allocZeroed(bytes: number): number {
    const ptr = this.alloc(bytes);
    new Uint8Array(this.memory.buffer, ptr, bytes).fill(0);
    return ptr;
  }

  mark(): number {
    return this.top;
  }

  reset(mark: number = this.base): void {
    if (mark < this.base || mark > this.top) {
      throw new Error(`Arena.reset: mark ${mark} is outside [${this.base}, ${this.top}]`);
    }
    this.top = mark;
  }

  /** Bytes handed out now, and the most ever handed out (for memory-flatness checks). */
  stats(): { used: number; highWater: number; memoryBytes: number } {
    return { used: this.top - this.base, highWater: this.highWater - this.base, memoryBytes: this.memory.buffer.byteLength };
  }

  f32(ptr: number, count: number): Float32Array {
    return new Float32Array(this.memory.buffer, ptr, count);
  }

  f64(ptr: number, count: number): Float64Array {
    return new Float64Array(this.memory.buffer, ptr, count);
  }

  i32(ptr: number, count: number): Int32Array {
    return new Int32Array(this.memory.buffer, ptr, count);
  }
}

export function alignUp(value: number, alignment: number): number {
  return Math.ceil(value / alignment) * alignment;
}
