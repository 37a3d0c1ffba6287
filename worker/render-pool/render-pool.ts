import path from 'node:path';
import { Worker as Thread } from 'node:worker_threads';
import type { RenderedPdf } from '../pdf/render-pdf';
import type { PdfRenderer, RenderRequest } from '../pdf/pdf-renderer';
import { RenderTimeoutError } from './render-timeout-error';
import type { RenderThreadReply, RenderThreadRequest } from './thread-messages';

/** Heap limit of one render thread, megabytes: a design that eats memory kills its thread, not the worker. */
const THREAD_HEAP_MB = 512;

export interface RenderPoolOptions {
  /** Render threads, which is how many PDFs are drawn at once. */
  size: number;
  /**
   * Longest one render may take once a thread has started it, milliseconds; or a function giving that
   * limit, read each time a thread starts a render (so the limit can change between renders).
   */
  timeoutMs: number | (() => number);
  /** The compiled render-thread.js; defaults to the one next to this file (dist/worker/render-pool/). */
  threadFile?: string;
  /** Told whenever a thread is killed (timeout) or dies, with the reason; a new thread replaces it. */
  onThreadLost?: (reason: string) => void;
}

interface Task {
  message: RenderThreadRequest;
  resolve: (pdf: RenderedPdf) => void;
  reject: (err: Error) => void;
  onProgress?: (percent: number) => void;
}

interface Slot {
  thread: Thread;
  /** True once the thread has parsed its fonts. */
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** The limit the current render was started with, milliseconds. */
  timeoutMs: number;
}

/**
 * A fixed set of worker threads that draw PDFs. pdfkit runs synchronously and cannot be interrupted, so
 * the only way to stop a render that runs too long is to terminate its thread: the pool does that after
 * `timeoutMs`, rejects the render with RenderTimeoutError and starts a fresh thread. Drawing off the main
 * thread also keeps the worker's event loop free for BullMQ's lock renewal and the heartbeat.
 */
export class RenderPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private readonly threadFile: string;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: RenderPoolOptions) {
    this.threadFile = options.threadFile ?? path.join(__dirname, 'render-thread.js');
    for (let i = 0; i < options.size; i++) this.spawn();
  }

  /** Draws a PDF on a pool thread (the PdfRenderer the processor is given). */
  readonly render: PdfRenderer = (request: RenderRequest, onProgress) =>
    new Promise<RenderedPdf>((resolve, reject) => {
      if (this.closed) return reject(new Error('the render pool is closed'));
      const message: RenderThreadRequest = { id: this.nextId++, layout: request.layout, title: request.title, images: [...request.images], ...(request.proof && { proof: true }), ...(request.keepConverted && { keepConverted: true }) };
      this.queue.push({ message, resolve, reject, onProgress });
      this.dispatch();
    });

  /** Renders in progress or waiting for a thread. */
  get busy(): number {
    return this.queue.length + [...this.slots].filter((s) => s.task).length;
  }

  /** Terminates every thread; renders still in progress fail. Call after the BullMQ worker has closed. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the render pool is closed'));
    await Promise.all(
      [...this.slots].map((slot) => {
        this.settle(slot)?.reject(new Error('the render pool is closed'));
        return slot.thread.terminate();
      }),
    );
    this.slots.clear();
  }

  private spawn(): void {
    const thread = new Thread(this.threadFile, { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
    const slot: Slot = { thread, ready: false, task: null, timer: null, timeoutMs: 0 };
    this.slots.add(slot);
    thread.on('message', (reply: RenderThreadReply) => this.onReply(slot, reply));
    // An uncaught error in the thread ends it; 'exit' follows and does the clean-up.
    thread.on('error', (err) => this.lose(slot, `render thread failed: ${err.message}`));
    thread.on('exit', (code) => this.lose(slot, `render thread exited with code ${code}`));
  }

  private onReply(slot: Slot, reply: RenderThreadReply): void {
    if (reply.type === 'ready') {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const task = slot.task;
    if (!task || task.message.id !== reply.id) return;
    if (reply.type === 'progress') {
      task.onProgress?.(reply.percent);
      return;
    }
    this.settle(slot);
    if (reply.type === 'done') {
      const converted = reply.converted?.map(({ key, file }) => ({ key, file: Buffer.from(file.buffer, file.byteOffset, file.byteLength) }));
      task.resolve({ data: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength), pages: reply.pages, warnings: reply.warnings, ...(converted && { converted }) });
    }
    else task.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
    this.dispatch();
  }

  /** Gives waiting renders to idle, ready threads. */
  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      const { timeoutMs } = this.options;
      slot.timeoutMs = typeof timeoutMs === 'function' ? timeoutMs() : timeoutMs;
      slot.timer = setTimeout(() => this.timeOut(slot), slot.timeoutMs);
      slot.thread.postMessage(task.message);
    }
  }

  private timeOut(slot: Slot): void {
    const limit = slot.timeoutMs;
    const task = this.settle(slot);
    if (!task) return;
    this.retire(slot, `render timed out after ${limit} ms; thread terminated`);
    task.reject(new RenderTimeoutError(limit));
  }

  /** A thread died or was killed: fail its render and put a new thread in its place. */
  private lose(slot: Slot, reason: string): void {
    if (!this.slots.has(slot)) return;
    const task = this.settle(slot);
    this.retire(slot, reason);
    task?.reject(new Error(reason));
  }

  private retire(slot: Slot, reason: string): void {
    this.slots.delete(slot);
    slot.thread.removeAllListeners('exit');
    slot.thread.on('error', () => undefined);
    void slot.thread.terminate();
    if (this.closed) return;
    this.options.onThreadLost?.(reason);
    this.spawn();
  }

  /** Detaches and returns the slot's task, stopping its timer. */
  private settle(slot: Slot): Task | null {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    return task;
  }
}
