import { describe, expect, it } from "vitest";
import type { InputFile } from "../../src/cli/input-files.js";
import { runOrderedBatch } from "../../src/cli/ordered-batch.js";
import type { TaskRunner } from "../../src/cli/task-runner.js";
import type { TaskInput, TaskResult } from "../../src/cli/task.js";

async function* files(n: number): AsyncGenerator<InputFile> {
  for (let i = 0; i < n; i++) yield { file: `f${i}`, path: `f${i}` };
}

function result(input: TaskInput): TaskResult {
  return {
    seq: input.seq,
    file: input.file,
    outcome: "report",
    counts: { error: 0, warning: 0, info: 0 },
    output: `${input.file}\n`,
    organization: null,
    year: null,
  };
}

/** Answers each task after a pseudo-random delay, so results arrive out of order; tracks tasks in flight. */
class ShuffledRunner implements TaskRunner {
  inFlight = 0;
  maxInFlight = 0;
  submit(input: TaskInput): Promise<TaskResult> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const delay = (input.seq * 7919) % 5;
    return new Promise((resolve) =>
      setTimeout(() => {
        this.inFlight--;
        resolve(result(input));
      }, delay),
    );
  }
  async close(): Promise<void> {}
}

describe("runOrderedBatch", () => {
  it("hands results on in input order whatever order they finish in, within the window", async () => {
    const runner = new ShuffledRunner();
    const seen: string[] = [];
    let pending = 0;
    let maxPending = 0;
    const total = await runOrderedBatch(files(200), runner, 8, {
      readStdin: async () => new Uint8Array(),
      onSubmitted: () => {
        pending++;
        maxPending = Math.max(maxPending, pending);
      },
      onResult: (r) => {
        pending--;
        seen.push(r.file);
      },
    });
    expect(total).toBe(200);
    expect(seen).toEqual(Array.from({ length: 200 }, (_, i) => `f${i}`));
    expect(maxPending).toBeLessThanOrEqual(8);
    expect(runner.maxInFlight).toBeLessThanOrEqual(8);
  });

  it("waits for a slow writer (back-pressure) and reads stdin for -", async () => {
    const runner = new ShuffledRunner();
    const order: string[] = [];
    async function* withStdin(): AsyncGenerator<InputFile> {
      yield { file: "-", path: null };
      yield* files(3);
    }
    const inputs: TaskInput[] = [];
    const spy: TaskRunner = { submit: (i) => (inputs.push(i), runner.submit(i)), close: async () => {} };
    await runOrderedBatch(withStdin(), spy, 2, {
      readStdin: async () => Uint8Array.of(1, 2, 3),
      onResult: async (r) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        order.push(r.file);
      },
    });
    expect(order).toEqual(["-", "f0", "f1", "f2"]);
    expect(inputs[0]!.bytes).toEqual(Uint8Array.of(1, 2, 3));
  });

  it("passes an unreadable input's error to the task", async () => {
    const inputs: TaskInput[] = [];
    const spy: TaskRunner = { submit: async (i) => (inputs.push(i), result(i)), close: async () => {} };
    async function* broken(): AsyncGenerator<InputFile> {
      yield { file: "gone.txt", path: "gone.txt", error: "ENOENT: no such file or directory" };
    }
    await runOrderedBatch(broken(), spy, 4, { readStdin: async () => new Uint8Array(), onResult: () => {} });
    expect(inputs[0]!.error).toBe("ENOENT: no such file or directory");
  });
});
