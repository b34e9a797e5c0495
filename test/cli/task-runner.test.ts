/// <reference types="node" />
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_FIXED_COLUMNS } from "../../src/cli/csv.js";
import { createRunner, LocalRunner, WorkerPool } from "../../src/cli/task-runner.js";
import { CSV_PARSE_CONFIG } from "./cli-harness.js";
import type { TaskConfig, TaskResult } from "../../src/cli/task.js";

const CONFIG: TaskConfig = { ...CSV_PARSE_CONFIG, maxBytes: 1024 };

/** A stand-in worker: hangs on "hang", dies on "crash", answers everything else. */
const FAKE_WORKER = `
import { parentPort } from "node:worker_threads";
parentPort.on("message", (input) => {
  if (input.file === "hang") { const end = Date.now() + 60000; while (Date.now() < end); }
  if (input.file === "crash") process.exit(3);
  parentPort.postMessage({ seq: input.seq, file: input.file, outcome: "report", counts: { error: 0, warning: 0, info: 0 },
    output: input.file + "\\n", organization: null, year: null });
});
`;

let dir = "";
let script: URL;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "xxgk-pool-"));
  writeFileSync(join(dir, "fake-worker.mjs"), FAKE_WORKER);
  script = pathToFileURL(join(dir, "fake-worker.mjs"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function submitAll(pool: WorkerPool, names: string[]): Promise<TaskResult[]> {
  return Promise.all(names.map((file, seq) => pool.submit({ seq, file, path: file })));
}

describe("WorkerPool", () => {
  it("fails a file that hangs or crashes its worker, and finishes every other file", async () => {
    const pool = new WorkerPool(script, CONFIG, 2, 3000);
    const names = ["a", "hang", "b", "c", "crash", "d", "e", "f", "g", "h"];
    const results = await submitAll(pool, names);
    await pool.close();
    expect(results.map((r) => r.file)).toEqual(names);
    const byFile = Object.fromEntries(results.map((r) => [r.file, r]));
    expect(byFile.hang!.outcome).toBe("failed");
    expect(byFile.hang!.error).toMatch(/timed out after 3000 ms/);
    expect(byFile.crash!.outcome).toBe("failed");
    expect(byFile.crash!.error).toMatch(/exited with code 3/);
    const cells = byFile.crash!.output.split(",");
    expect([cells[0], cells[REPORT_FIXED_COLUMNS.indexOf("unreadable")]]).toEqual(["crash", "worker exited with code 3"]);
    for (const name of ["a", "b", "c", "d", "e", "f", "g", "h"]) {
      expect(byFile[name]!.outcome).toBe("report");
      expect(byFile[name]!.output).toBe(`${name}\n`);
    }
  }, 20_000);
});

describe("createRunner", () => {
  it("runs in the main thread when there is no worker script", async () => {
    const runner = createRunner(new URL("./no-such-worker.js", import.meta.url), CONFIG, 2, 0);
    expect(runner).toBeInstanceOf(LocalRunner);
    const result = await runner.submit({ seq: 0, file: "gone", path: join(dir, "gone.txt") });
    expect(result.outcome).toBe("unreadable");
    expect(result.error).toMatch(/^ENOENT/);
    await runner.close();
  });
});
