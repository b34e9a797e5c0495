/// <reference types="node" />
/**
 * Where tasks run: a pool of worker threads (each with a short queue, a
 * per-file timeout and recovery from a crashed worker), or the main thread
 * when no worker script is available (running from source).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { brokenResult, runTask, type TaskConfig, type TaskInput, type TaskResult } from "./task.js";

/** Runs tasks; results may arrive in any order (each carries its `seq`). */
export interface TaskRunner {
  submit(input: TaskInput): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Runs each task in the main thread, one per event-loop turn. */
export class LocalRunner implements TaskRunner {
  constructor(private readonly config: TaskConfig) {}

  /** Queue one task. */
  submit(input: TaskInput): Promise<TaskResult> {
    return new Promise((resolve) =>
      setImmediate(() => {
        runTask(input, this.config).then(resolve, (error: unknown) =>
          resolve(brokenResult(input, "failed", `internal error: ${(error as Error)?.message ?? String(error)}`, this.config)),
        );
      }),
    );
  }

  /** Nothing to release. */
  async close(): Promise<void> {}
}

interface Pending {
  input: TaskInput;
  resolve: (result: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  /** Tasks sent to this worker, oldest (the one it is working on) first. */
  queue: Pending[];
  /** When the worker started on the head of its queue. */
  headSince: number;
  dead: boolean;
}

/** Tasks sent ahead to one worker, so that it never waits for the main thread. */
const QUEUE_DEPTH = 4;

/** A pool of worker threads running {@link runTask}. */
export class WorkerPool implements TaskRunner {
  private readonly slots: Slot[] = [];
  private readonly waiting: Pending[] = [];
  private readonly timer: NodeJS.Timeout | null;
  private closed = false;

  constructor(
    private readonly script: URL,
    private readonly config: TaskConfig,
    size: number,
    private readonly timeoutMs: number,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
    this.timer = timeoutMs > 0 ? setInterval(() => this.checkTimeouts(), Math.min(500, timeoutMs)) : null;
    this.timer?.unref();
  }

  /** Queue one task. */
  submit(input: TaskInput): Promise<TaskResult> {
    return new Promise((resolve) => {
      this.waiting.push({ input, resolve });
      this.pump();
    });
  }

  /** Stop every worker. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) clearInterval(this.timer);
    await Promise.all(this.slots.map((s) => ((s.dead = true), s.worker.terminate())));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.config });
    const slot: Slot = { worker, queue: [], headSince: 0, dead: false };
    worker.on("message", (result: TaskResult) => this.finish(slot, result));
    worker.on("error", (error) => this.fail(slot, `worker crashed: ${error.message}`));
    worker.on("exit", (code) => this.fail(slot, `worker exited with code ${code}`));
    worker.unref();
    return slot;
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const slot = this.leastBusy();
      if (slot === null) return;
      const pending = this.waiting.shift()!;
      if (slot.queue.length === 0) slot.headSince = Date.now();
      slot.queue.push(pending);
      slot.worker.ref();
      slot.worker.postMessage(pending.input);
    }
  }

  private leastBusy(): Slot | null {
    let best: Slot | null = null;
    for (const slot of this.slots) {
      if (slot.dead || slot.queue.length >= QUEUE_DEPTH) continue;
      if (best === null || slot.queue.length < best.queue.length) best = slot;
    }
    return best;
  }

  private finish(slot: Slot, result: TaskResult): void {
    const pending = slot.queue.shift();
    slot.headSince = Date.now();
    if (slot.queue.length === 0) slot.worker.unref();
    pending?.resolve(result);
    this.pump();
  }

  /** A worker died or hung: its current file fails, its queued files go to other workers. */
  private fail(slot: Slot, reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    void slot.worker.terminate();
    const [head, ...rest] = slot.queue;
    slot.queue = [];
    this.waiting.unshift(...rest);
    if (head !== undefined) head.resolve(brokenResult(head.input, "failed", reason, this.config));
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    this.slots[index] = this.spawn();
    this.pump();
  }

  private checkTimeouts(): void {
    const now = Date.now();
    for (const slot of this.slots) {
      if (!slot.dead && slot.queue.length > 0 && now - slot.headSince > this.timeoutMs) {
        this.fail(slot, `timed out after ${this.timeoutMs} ms (see --timeout)`);
      }
    }
  }
}

/** A worker pool when the worker script exists next to the entry, else the main thread. */
export function createRunner(script: URL | null, config: TaskConfig, jobs: number, timeoutMs: number): TaskRunner {
  if (script === null || !existsSync(fileURLToPath(script))) return new LocalRunner(config);
  return new WorkerPool(script, config, jobs, timeoutMs);
}
