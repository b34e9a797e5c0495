/// <reference types="node" />
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runTask, slimReport } from "../../src/cli/task.js";
import { reportCsvColumns } from "../../src/cli/csv.js";
import { parseReport } from "../../src/index.js";
import { CORPUS, parseCsv, CSV_PARSE_CONFIG } from "./cli-harness.js";

vi.mock("../../src/index.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/index.js")>();
  return {
    ...original,
    parseReport: (input: string | Uint8Array) => {
      if (input.length === 3) throw new Error("boom");
      return original.parseReport(input);
    },
  };
});

const CONFIG = CSV_PARSE_CONFIG;

const SEED = join(CORPUS, "seed-001.txt");

describe("runTask", () => {
  it("reads, parses and formats one file", async () => {
    const result = await runTask({ seq: 4, file: "seed.txt", path: SEED }, CONFIG);
    expect(result).toMatchObject({ seq: 4, file: "seed.txt", outcome: "report" });
    const [row] = parseCsv(result.output);
    expect(row).toHaveLength(reportCsvColumns().length);
    expect(row![0]).toBe("seed.txt");
    expect(result.organization).toBe(parseReport(readFileSync(SEED)).meta.organization);
  });

  it("turns a library exception into a failed result with a row", async () => {
    const result = await runTask({ seq: 0, file: "x", path: null, bytes: Uint8Array.of(1, 2, 3) }, CONFIG);
    expect(result.outcome).toBe("failed");
    expect(result.error).toMatch(/^library error: boom \(at /);
    expect(parseCsv(result.output)[0]!.slice(0, 1)).toEqual(["x"]);
  });

  it("reports files that are missing or too large as unreadable", async () => {
    const missing = await runTask({ seq: 0, file: "gone", path: join(CORPUS, "gone.txt") }, { ...CONFIG, format: "ndjson" });
    expect(missing.outcome).toBe("unreadable");
    expect(JSON.parse(missing.output)).toEqual({ file: "gone", unreadable: missing.error });
    const large = await runTask({ seq: 0, file: "big", path: SEED }, { ...CONFIG, maxBytes: 10 });
    expect(large.error).toMatch(/^file too large/);
  });

  it("returns a slim report for series, without text, locations or diagnostics", async () => {
    const result = await runTask({ seq: 0, file: "s", path: SEED }, { ...CONFIG, command: "series", format: "text" });
    expect(result.output).toBe("");
    expect(result.report?.source.text).toBe("");
    expect(result.report?.locations).toEqual({});
    expect(result.report?.applications).toEqual(parseReport(readFileSync(SEED)).applications);
    const full = parseReport(readFileSync(SEED));
    expect(slimReport(full).meta).toEqual(full.meta);
  });
});
