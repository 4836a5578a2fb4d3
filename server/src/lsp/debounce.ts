/**
 * How long to wait for more keystrokes before analysing a document, from how long its last
 * analysis took: a file analysed in a frame's time is analysed at once; a slower one waits
 * about twice its analysis time (so typing is not queued behind analyses), never over 150 ms.
 */
export function debounceDelay(lastAnalysisMs: number | undefined): number {
  if (lastAnalysisMs === undefined || lastAnalysisMs <= 16) return 0;
  return Math.min(150, Math.round(2 * lastAnalysisMs));
}

/** Runs the latest call per key after its delay of quiet; older pending calls are dropped. */
export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  schedule(key: string, delay: number, run: () => void): void {
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      run();
    }, delay));
  }

  get pending(): number {
    return this.timers.size;
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }
}
