/**
 * Notices a language server that has stopped answering (an endless loop, a stuck event loop):
 * every `intervalMs` it sends a request the server answers at once, and when no answer comes
 * within `timeoutMs` it calls `hung`, once, and stops watching until started again. A crash is
 * seen by the client's error handler; a hang is not, since the process is still alive.
 */
export class HangWatch {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private watching = false;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly hung: () => void,
    readonly intervalMs = 10_000,
    readonly timeoutMs = 30_000,
  ) {}

  start(): void {
    if (this.watching) return;
    this.watching = true;
    this.timer = setTimeout(() => this.check(), this.intervalMs);
  }

  stop(): void {
    this.watching = false;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private check(): void {
    if (!this.watching) return;
    let answered = false;
    const deadline = setTimeout(() => {
      if (answered || !this.watching) return;
      this.stop();
      this.hung();
    }, this.timeoutMs);
    this.timer = deadline;
    // An error answer is an answer: the server's loop is turning.
    const settle = (): void => {
      if (answered) return;
      answered = true;
      clearTimeout(deadline);
      if (this.watching) this.timer = setTimeout(() => this.check(), this.intervalMs);
    };
    this.ping().then(settle, settle);
  }
}
