/**
 * When a crashed language server is started again: at most `limit` restarts within `windowMs`
 * (a server that keeps crashing on the same input must not restart for ever), counted over a
 * sliding window so an occasional crash far apart from the others is always restarted.
 */
export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    readonly limit = 5,
    readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server may be restarted once more. */
  crashed(): boolean {
    const time = this.now();
    this.crashes.push(time);
    while (time - this.crashes[0] > this.windowMs) this.crashes.shift();
    return this.crashes.length <= this.limit;
  }

  /** A restart the user asked for starts the count afresh. */
  reset(): void {
    this.crashes.length = 0;
  }
}
