import type { MessagePort } from 'node:worker_threads';
import type { AnalysisSettings } from '../engine/analyze.js';
import { observeParses } from '../engine/progress.js';

/**
 * A worker that has not answered in 10 × the file's time budget is stopped: the budget stops
 * the rules from inside, and this bounds whatever does not check it. The floor keeps a garbage
 * collection or a busy machine from stopping a healthy file.
 */
export function hardLimitMs(settings: AnalysisSettings): number {
  return Math.max(10 * (settings.timeBudgetMs ?? 1_500), 2_000);
}

/**
 * How long the compiler may take to parse `chars` characters: 2 s plus 2 s per MB, several
 * times what a real file of that size takes on a busy machine (about 0.1–0.3 s per MB), while
 * the inputs on which the compiler's parse is exponential run for tens of seconds.
 */
export function parseLimitMs(chars: number): number {
  return 2_000 + 2_000 * (chars / 1_000_000);
}

/** What a worker says about the job `seq` while it runs. */
export type ParseProgress = { seq: number; parsing: number } | { seq: number; parsed: true };

export function isParseProgress(message: object): message is ParseProgress {
  return 'parsing' in message || 'parsed' in message;
}

/** Worker side: every compiler parse is reported to the watchdog, as progress of the job running now. */
export function reportParses(port: MessagePort, currentSeq: () => number): void {
  observeParses({
    parsing: (chars) => port.postMessage({ seq: currentSeq(), parsing: chars } satisfies ParseProgress),
    parsed: () => port.postMessage({ seq: currentSeq(), parsed: true } satisfies ParseProgress),
  });
}

/**
 * Main-thread side, one per job: calls `expired` with the reason when the job runs past its
 * limit, the parse's while the compiler parses and the hard limit otherwise.
 */
export class JobWatchdog {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly hardMs: number,
    private readonly expired: (reason: string) => void,
  ) {
    this.armHard();
  }

  progress(message: ParseProgress): void {
    if ('parsing' in message) {
      const limit = Math.round(parseLimitMs(message.parsing));
      this.arm(limit, `the parser did not finish within ${limit} ms (TypeScript's parser is exponential on some unclosed nestings): the analysis was stopped`);
    } else {
      this.armHard();
    }
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private armHard(): void {
    this.arm(this.hardMs, `no answer within ${this.hardMs} ms (10 × the time budget): the analysis was stopped`);
  }

  private arm(ms: number, reason: string): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.expired(reason), ms);
  }
}
