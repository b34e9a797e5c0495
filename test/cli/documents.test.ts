/// <reference types="node" />
/**
 * `xxgk parse` on a folder mixing HTML, text, PDF and Word files.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCli, CORPUS, ROOT, runCli } from "./cli-harness.js";

let main = "";
let cleanup = (): void => {};
let dir = "";
const FIXTURES = join(ROOT, "test/fixtures/documents");

beforeAll(async () => {
  ({ main, cleanup } = await buildCli());
  dir = mkdtempSync(join(tmpdir(), "xxgk-docs-"));
  copyFileSync(join(CORPUS, "seed-002.txt"), join(dir, "a.txt"));
  copyFileSync(join(CORPUS, "hangzhou-style-2025.html"), join(dir, "b.html"));
  copyFileSync(join(FIXTURES, "pingtan-2019.pdf"), join(dir, "c.pdf"));
  copyFileSync(join(FIXTURES, "seed-003-blanks.doc"), join(dir, "d.doc"));
}, 60_000);

afterAll(() => {
  cleanup();
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("xxgk parse on documents", () => {
  it("reads text, HTML, PDF and DOC files of one folder", async () => {
    const run = await runCli(main, ["parse", dir, "--format", "ndjson", "--jobs", "2"]);
    expect(run.code, run.stderr).toBe(0);
    const rows = run.stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; template: string; meta: { year: number }; source: { layout: string } });
    expect(rows.map((r) => [r.file.slice(dir.length + 1), r.template, r.meta.year])).toEqual([
      ["a.txt", "2021", 2024],
      ["b.html", "2021", 2025],
      ["c.pdf", "2019", 2019],
      ["d.doc", "2021", 2022],
    ]);
  });
});
