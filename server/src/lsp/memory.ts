import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8's full collection. Node exposes it only under `--expose-gc`; the flag set at run time
 * applies to contexts created after it, so a new context hands the function over. Undefined
 * when that fails (another engine): memory is then given back whenever V8 next collects.
 */
function fullCollection(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

/** Full collections per release: the first finds the closed documents' garbage, the next compact the old generation and return its pages. */
const ROUNDS = 3;

/**
 * Gives closed documents' memory back to the system. V8 collects its old generation when
 * allocation asks for it, not when memory turns to garbage: a server that has just closed 200
 * documents is idle, allocates nothing, and kept their 700 MB for as long as it stayed idle
 * (measured). Once no document has closed for `quietMs`, a few full collections run, each its
 * own task so a request that arrives between them is answered in between.
 */
export class MemoryRelease {
  private timer: NodeJS.Timeout | undefined;
  private collect: (() => void) | undefined | null = null;
  /** Releases that ran (the health report says it: a test waits for one rather than for a time). */
  released = 0;

  constructor(readonly quietMs = 2_000) {}

  /** A document closed: a release runs once closes have been quiet for `quietMs`. */
  closed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.release(), this.quietMs);
    // A pending release never keeps the process alive.
    this.timer.unref();
  }

  private async release(): Promise<void> {
    this.timer = undefined;
    if (this.collect === null) this.collect = fullCollection();
    for (let round = 0; round < ROUNDS && this.collect; round++) {
      this.collect();
      await new Promise((next) => setImmediate(next));
    }
    this.released++;
  }
}
