import type { Worker } from 'node:worker_threads';
import type { AnalysisResult, AnalysisSettings } from '../engine/analyze.js';
import { DOCUMENT_WORKER, startWorker, takeEarlyDocumentWorker } from '../workspace/threads.js';
import { hardLimitMs, isParseProgress, JobWatchdog } from '../workspace/watchdog.js';
import type { AnalyzeJob, DocumentAnalysis, DocumentJob, FromDocumentWorker, JobAnswer, ToDocumentWorker } from './documentWorker.js';

/** What a job resolves to when its worker could not answer (the reason it was stopped), or when its document closed before it ran. */
type Stopped = { stopped: string } | { dropped: true };

/** Why a job brought back no answer of its kind: the reason it was stopped or failed, else `otherwise`. */
function unanswered(answer: JobAnswer | Stopped, otherwise: string): string {
  return 'stopped' in answer ? answer.stopped : 'failed' in answer ? answer.failed : otherwise;
}

interface Pending {
  seq: number;
  job: DocumentJob;
  done: (answer: JobAnswer | Stopped, ranMs?: number) => void;
}

export interface DocumentAnalyzerOptions {
  /** The bundle the worker runs: the server's own, which serves documents when started as the document worker. */
  script: string;
  /** A stopped analysis's result: the text-level checks and the reason (the same as for a stopped scan). */
  stopped: (path: string, text: string, settings: AnalysisSettings, reason: string) => AnalysisResult;
  log: (message: string) => void;
}

/**
 * Analyses the editor's documents on one worker thread, one job at a time in the order asked.
 * The main thread keeps answering the editor whatever a document costs, and a job that runs
 * past its limit (the compiler's parse, exponential on some unclosed nestings, or anything
 * that ignores the time budget) is stopped: the worker is terminated, the document gets the
 * not-analysed treatment, and a new worker takes the next job (its trees are parsed afresh).
 */
export class DocumentAnalyzer {
  private worker: Worker | undefined;
  private ready = false;
  private readonly queue: Pending[] = [];
  private running: { pending: Pending; watchdog: JobWatchdog; started: number } | undefined;
  private nextSeq = 0;
  /** No document is open: the worker goes once its queue is done. */
  private retiring = false;
  /** Parsed trees the worker keeps (the server's health report says it). */
  trees = 0;

  constructor(private readonly options: DocumentAnalyzerOptions) {}

  /** Worker threads running: 0 or 1. */
  get workers(): number {
    return this.worker ? 1 : 0;
  }

  /** Starts the worker ahead of the first document, so its loading is not the first analysis's wait. */
  start(): void {
    if (!this.worker) this.spawn();
  }

  /** A document's analysis; one of the same document still waiting is dropped, its text already old. */
  async analyze(job: Omit<AnalyzeJob, 'kind'>): Promise<DocumentAnalysis> {
    if (job.keep) this.dropWaiting(job.path);
    const { answer, ranMs } = await this.submit({ kind: 'analyze', ...job });
    if ('analysis' in answer) return { ...answer.analysis, ranMs };
    if ('dropped' in answer) return { result: { findings: [], failures: [], suppressed: [], notAnalysed: 'dropped: the document changed or closed before it was analysed' }, dropped: true };
    if ('failed' in answer) this.options.log(`Analysis of ${job.path} failed: ${answer.failed}`);
    const reason = 'failed' in answer ? `the analysis failed: ${answer.failed.split('\n')[0]}` : unanswered(answer, 'no analysis came back');
    return { result: this.options.stopped(job.path, job.text, job.settings, reason), ranMs };
  }

  /** The fixed text, or undefined when fixing could not finish (nothing is changed then). */
  async fixAll(path: string, text: string, settings: AnalysisSettings): Promise<string | undefined> {
    const { answer } = await this.submit({ kind: 'fixAll', path, text, settings });
    if ('fixed' in answer) return answer.fixed;
    if (!('dropped' in answer)) this.options.log(`Fix-all of ${path} could not finish: ${unanswered(answer, 'no text came back')}`);
    return undefined;
  }

  /** A document closed: its tree goes, and so do its analyses still waiting (nothing would show them). */
  forget(path: string): void {
    this.dropWaiting(path);
    this.worker?.postMessage({ forget: path } satisfies ToDocumentWorker);
  }

  /** No document is open: the worker and everything it holds go once the jobs asked for are done, until the next job. */
  retire(): void {
    this.retiring = true;
    this.pump();
  }

  /** The document's analyses that have not started: answered as dropped. */
  private dropWaiting(path: string): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const pending = this.queue[index];
      if (pending.job.kind === 'analyze' && pending.job.keep && pending.job.path === path) {
        this.queue.splice(index, 1);
        pending.done({ dropped: true });
      }
    }
  }

  private submit(job: DocumentJob): Promise<{ answer: JobAnswer | Stopped; ranMs?: number }> {
    // An open document's job; the chat's text (no document's) leaves a retiring worker to go once it is answered.
    if (job.kind === 'fixAll' || job.keep) this.retiring = false;
    return new Promise((done) => {
      this.queue.push({ seq: this.nextSeq++, job, done: (answer, ranMs) => done({ answer, ranMs }) });
      this.pump();
    });
  }

  private pump(): void {
    if (this.running) return;
    if (this.queue.length === 0) {
      if (this.retiring && this.worker) this.stopWorker();
      return;
    }
    if (!this.worker) return this.spawn();
    if (!this.ready) return;
    const pending = this.queue.shift()!;
    const watchdog = new JobWatchdog(hardLimitMs(pending.job.settings), (reason) => this.lose(reason));
    this.running = { pending, watchdog, started: performance.now() };
    this.worker.postMessage({ seq: pending.seq, job: pending.job } satisfies ToDocumentWorker);
  }

  private spawn(): void {
    const early = takeEarlyDocumentWorker();
    const worker = early?.worker ?? startWorker(this.options.script, DOCUMENT_WORKER);
    this.worker = worker;
    this.ready = early?.ready ?? false;
    worker.on('message', (message: FromDocumentWorker) => {
      if (worker !== this.worker) return;
      if ('ready' in message) {
        this.ready = true;
      } else if ('forgotten' in message) {
        // A closed document's tree went, with no job after it to say so.
        this.trees = message.trees;
        return;
      } else if (isParseProgress(message)) {
        if (this.running?.pending.seq === message.seq) this.running.watchdog.progress(message);
        return;
      } else if (this.running?.pending.seq === message.seq) {
        this.trees = message.answer.trees;
        this.finish(message.answer);
        return;
      }
      this.pump();
    });
    // Before it is ready, the worker could not load the analysis: no document is to blame.
    worker.on('error', (error) => {
      if (worker === this.worker) this.lose(`${this.ready ? 'the analysis failed' : 'the analysis worker failed to start'}: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (worker === this.worker) this.lose(this.ready ? `the analysis worker exited (code ${code})` : `the analysis worker failed to start: it exited (code ${code})`);
    });
    // The early worker may have said it is ready before this listened.
    if (this.ready) this.pump();
  }

  private finish(answer: JobAnswer | Stopped): void {
    const { pending, watchdog, started } = this.running!;
    watchdog.stop();
    this.running = undefined;
    pending.done(answer, performance.now() - started);
    this.pump();
  }

  /** The worker will not answer: it goes, the running job is stopped, a new worker takes the queue. */
  private lose(reason: string): void {
    const wasReady = this.ready;
    this.stopWorker();
    if (this.running) {
      this.options.log(`Analysis of ${this.running.pending.job.path} stopped: ${reason}`);
      this.finish({ stopped: reason });
    } else if (!wasReady) {
      // A worker that cannot even load the analysis would fail again: what waits is answered as stopped.
      this.options.log(`Documents are not analysed: ${reason}`);
      for (const pending of this.queue.splice(0)) pending.done({ stopped: reason });
    }
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.ready = false;
    this.trees = 0;
    void worker?.terminate();
  }
}
