import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { ScanOutcome, ScanTask, WorkerMessage } from './scanWorker.js';
import { SCAN_WORKER, startWorker } from './threads.js';
import { hardLimitMs, isParseProgress, JobWatchdog } from './watchdog.js';

export interface PoolOptions {
  /** The bundle the workers run: the CLI's or the server's own, which serves scans when started as a scan worker. */
  script: string;
  /** Workers at most (never more than the files): one per core unless set. */
  size?: number;
  /** What a file comes back as when its worker had to be stopped (no answer within the hard limit, or it died). */
  stopped: (task: ScanTask, reason: string) => ScanOutcome;
  /** Stops the scan: no further file is started, and the outcomes not yet delivered are dropped. */
  cancelled?: () => boolean;
}

const MB = 1024 * 1024;

/**
 * A scan worker's old generation, by the largest file it may be given: V8 grows an isolate's
 * heap long before it collects, so uncapped each worker peaked near 370 MB on the bench corpus;
 * capped at 256 MB the scan's peak fell from 787 to 505 MiB for about 5% more CPU. A 1 MB file
 * of real code needs under 90 MB. A file whose analysis needs more than its worker may hold
 * comes back not analysed (with the text checks), never as a crash.
 */
export function scanHeapLimitMb(maxFileSize: number): number {
  return 256 + Math.ceil(192 * Math.max(0, maxFileSize / MB - 1));
}

/**
 * A scan worker's young generation: V8 lets it grow to 48 MB per isolate and never gives it back.
 * At 12 MB the bench corpus's scan peaked at 282 MiB against 337 MiB, its wall and CPU time the
 * same within the runs' spread (median of 8 alternating pairs, ratio 1.01). The young generation
 * bounds how often short-lived objects are swept, not how much a file may hold.
 */
const SCAN_YOUNG_GENERATION_MB = 12;

/** Why a worker went, as the file's not-analysed reason says it. */
function workerErrorReason(error: Error & { code?: string }, limitMb: number): string {
  if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return `the analysis needed more memory than a scan worker may use (${limitMb} MB)`;
  return `the analysis failed: ${error.message}`;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: { seq: number; task: ScanTask; watchdog: JobWatchdog };
  gone: boolean;
}

/**
 * Analyses files on a pool of worker threads and hands each outcome to `onOutcome` in the
 * order of `tasks`, whatever order the workers finish in, so the result is the same for any
 * pool size. Tasks are pulled as workers free up and at most a few per worker wait undelivered,
 * so memory stays flat however many files there are; a worker keeps no tree after its file.
 */
export function scanInPool(tasks: Iterable<ScanTask>, options: PoolOptions, onOutcome: (task: ScanTask, outcome: ScanOutcome) => void): Promise<void> {
  const size = Math.max(1, options.size ?? availableParallelism());
  const window = size * 8;
  const iterator = tasks[Symbol.iterator]();
  const slots = new Set<Slot>();
  const waiting: Array<{ seq: number; task: ScanTask }> = [];
  const finished = new Map<number, { task: ScanTask; outcome: ScanOutcome }>();
  let pulled = 0;
  let delivered = 0;
  let exhausted = false;

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: unknown): void => {
      if (settled) return;
      settled = true;
      for (const slot of slots) retire(slot);
      if (error) reject(error);
      else resolve();
    };

    const retire = (slot: Slot): void => {
      slot.gone = true;
      slot.job?.watchdog.stop();
      slots.delete(slot);
      void slot.worker.terminate();
    };

    const finish = (seq: number, task: ScanTask, outcome: ScanOutcome): void => {
      finished.set(seq, { task, outcome });
      for (let next = finished.get(delivered); next; next = finished.get(delivered)) {
        finished.delete(delivered);
        delivered++;
        try {
          onOutcome(next.task, next.outcome);
        } catch (error) {
          return settle(error);
        }
      }
      pump();
    };

    /** The slot's worker will not answer for its file: the file gets the stopped treatment, a new worker takes over. */
    const lose = (slot: Slot, reason: string): void => {
      if (slot.gone) return;
      const { job } = slot;
      retire(slot);
      if (!job) {
        // A worker that cannot even load the analysis is the installation's failure, not a file's.
        if (!slot.ready) return settle(new Error(`a scan worker failed to start: ${reason}`));
        return pump();
      }
      finish(job.seq, job.task, options.stopped(job.task, reason));
    };

    const dispatch = (slot: Slot): void => {
      const next = waiting.shift();
      if (!next) return;
      const watchdog = new JobWatchdog(hardLimitMs(next.task.settings), (reason) => lose(slot, reason));
      slot.job = { ...next, watchdog };
      slot.worker.postMessage(next);
    };

    const spawn = (): void => {
      const limitMb = scanHeapLimitMb(Math.max(0, ...waiting.map(({ task }) => task.maxFileSize)));
      const worker = startWorker(options.script, SCAN_WORKER, { maxOldGenerationSizeMb: limitMb, maxYoungGenerationSizeMb: SCAN_YOUNG_GENERATION_MB });
      const slot: Slot = { worker, ready: false, gone: false };
      slots.add(slot);
      worker.on('message', (message: WorkerMessage) => {
        if (slot.gone) return;
        if ('ready' in message) slot.ready = true;
        else if (isParseProgress(message)) {
          if (slot.job?.seq === message.seq) slot.job.watchdog.progress(message);
          return;
        } else if (slot.job && message.seq === slot.job.seq) {
          const { task, watchdog } = slot.job;
          watchdog.stop();
          slot.job = undefined;
          finish(message.seq, task, message.outcome);
          return;
        }
        dispatch(slot);
      });
      worker.on('error', (error) => lose(slot, workerErrorReason(error, limitMb)));
      worker.on('exit', (code) => lose(slot, `the worker exited (code ${code})`));
    };

    const pump = (): void => {
      if (settled) return;
      try {
        if (options.cancelled?.()) return settle();
        while (!exhausted && pulled - delivered < window) {
          const next = iterator.next();
          if (next.done) exhausted = true;
          else waiting.push({ seq: pulled++, task: next.value });
        }
        for (const slot of slots) if (slot.ready && !slot.job) dispatch(slot);
        const starting = [...slots].filter((slot) => !slot.ready).length;
        for (let more = Math.min(waiting.length - starting, size - slots.size); more > 0; more--) spawn();
        if (exhausted && delivered === pulled) settle();
      } catch (error) {
        // The file walk failed, or a worker could not be created.
        settle(error);
      }
    };

    pump();
  });
}
