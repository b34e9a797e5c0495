/**
 * Running a stream of files through a {@link TaskRunner} with a bounded window:
 * at most `window` files are in flight or waiting to be written, and results are
 * handed on strictly in input order. Memory stays flat however many files there are.
 */
import type { InputFile } from "./input-files.js";
import type { TaskRunner } from "./task-runner.js";
import type { TaskInput, TaskResult } from "./task.js";

/** What the batch tells its caller. */
export interface BatchHooks {
  /** Called once per file, in input order; the batch waits for a returned promise (output back-pressure). */
  onResult(result: TaskResult): void | Promise<void>;
  /** Called when a file is submitted. */
  onSubmitted?(submitted: number): void;
  /** Reads standard input, for the input `-`. */
  readStdin(): Promise<Uint8Array>;
}

/** Process every file; resolves with the number of files once the last result has been handed on. */
export async function runOrderedBatch(
  files: AsyncIterable<InputFile>,
  runner: TaskRunner,
  window: number,
  hooks: BatchHooks,
): Promise<number> {
  const ready = new Map<number, TaskResult>();
  let next = 0;
  let submitted = 0;
  let wake: (() => void) | null = null;
  const arrived = (result: TaskResult): void => {
    ready.set(result.seq, result);
    const w = wake;
    wake = null;
    w?.();
  };
  const flush = async (): Promise<void> => {
    for (let result = ready.get(next); result !== undefined; result = ready.get(next)) {
      ready.delete(next);
      next++;
      await hooks.onResult(result);
    }
  };
  /** Wait until the oldest unwritten result is there (checked synchronously: no lost wake-up). */
  const waitForHead = async (): Promise<void> => {
    if (!ready.has(next)) await new Promise<void>((resolve) => (wake = resolve));
    await flush();
  };

  for await (const file of files) {
    const input = await toTaskInput(file, submitted, hooks);
    void runner.submit(input).then(arrived);
    submitted++;
    hooks.onSubmitted?.(submitted);
    await flush();
    while (submitted - next >= window) await waitForHead();
  }
  while (next < submitted) await waitForHead();
  return submitted;
}

async function toTaskInput(file: InputFile, seq: number, hooks: BatchHooks): Promise<TaskInput> {
  const input: TaskInput = { seq, file: file.file, path: file.path };
  if (file.error !== undefined) input.error = file.error;
  else if (file.path === null) input.bytes = await hooks.readStdin();
  return input;
}
