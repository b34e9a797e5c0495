/// <reference types="node" />
/**
 * The `xxgk` command run as a child process on the corpus: every subcommand and
 * format, exit codes, standard input, and a folder with broken files and a non-report.
 * Outputs are compared with the library called in-process.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractTables, flattenReport, parseReport, validateReport, validateSeries } from "../../src/index.js";
import { chineseColumnLabel, reportCsvColumns } from "../../src/cli/csv.js";
import { allTemplatePaths } from "../../src/template/templates.js";
import { buildCli, CORPUS, csvRecords, parseCsv, runCli } from "./cli-harness.js";

let main = "";
let cleanup = (): void => {};
let dir = "";

const SEED = join(CORPUS, "seed-001.txt");

/** seed-001 with one number changed so that its newReceived row no longer adds up. */
function tamperedSeed(): string {
  const text = readFileSync(SEED, "utf8");
  const broken = text.replace(/^(一、本年新收政府信息公开申请数量 \| )0( \|)/m, "$15$2");
  expect(broken).not.toBe(text);
  return broken;
}

beforeAll(async () => {
  ({ main, cleanup } = await buildCli());
  dir = mkdtempSync(join(tmpdir(), "xxgk-cli-"));
  mkdirSync(join(dir, "folder", "sub"), { recursive: true });
  mkdirSync(join(dir, "folder", ".hidden"), { recursive: true });
  writeFileSync(join(dir, "folder", "a-seed-001.txt"), readFileSync(SEED));
  writeFileSync(join(dir, "folder", "sub", "b-shanghai.md"), readFileSync(join(CORPUS, "shanghai-gov-2025.md")));
  writeFileSync(join(dir, "folder", "c-binary.txt"), Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  writeFileSync(join(dir, "folder", "d-empty.txt"), "");
  writeFileSync(join(dir, "folder", "e-notes.md"), "# 会议纪要\n\n今天讨论了天气。\n");
  symlinkSync(join(dir, "nowhere.txt"), join(dir, "folder", "f-dangling.txt"));
  writeFileSync(join(dir, "folder", "g-data.json"), "{}");
  writeFileSync(join(dir, "folder", ".hidden", "h-seed.txt"), readFileSync(SEED));
  writeFileSync(join(dir, "tampered.txt"), tamperedSeed());
}, 30_000);

afterAll(() => {
  cleanup();
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

const FOLDER_FILES = ["a-seed-001.txt", "c-binary.txt", "d-empty.txt", "e-notes.md", "f-dangling.txt", "sub/b-shanghai.md"];

describe("xxgk parse", () => {
  it("writes one JSON object for one file, equal to parseReport", async () => {
    const run = await runCli(main, ["parse", SEED]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    const report = parseReport(readFileSync(SEED));
    expect(json.file).toBe(SEED);
    expect(json.template).toBe(report.template);
    expect(json.applications).toEqual(report.applications);
    expect(json.activeDisclosure).toEqual(report.activeDisclosure);
    expect(json.meta).toEqual(report.meta);
    expect((json.source as Record<string, unknown>).text).toBeUndefined();
    expect(run.stderr).toMatch(/1 file · 1 parsed/);
  });

  it("keeps source.text with --text", async () => {
    const run = await runCli(main, ["parse", SEED, "--text"]);
    const json = JSON.parse(run.stdout) as { source: { text: string } };
    expect(json.source.text).toBe(readFileSync(SEED, "utf8"));
  });

  it("writes NDJSON for a folder, in sorted order, skipping hidden folders and other endings", async () => {
    const run = await runCli(main, ["parse", join(dir, "folder")]);
    const lines = run.stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as { file: string; unreadable?: string });
    expect(lines.map((l) => l.file)).toEqual(FOLDER_FILES.map((f) => join(dir, "folder", f)));
    expect(lines.find((l) => l.file.endsWith("f-dangling.txt"))?.unreadable).toMatch(/ENOENT/);
  });

  it("counts broken files and non-reports, never stops, and exits 1 for an unreadable file", async () => {
    const run = await runCli(main, ["parse", join(dir, "folder"), "--format", "csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/f-dangling\.txt: cannot read: ENOENT/);
    expect(run.stderr).toMatch(/6 files · 5 parsed \(3 not reports\) · \d+ with findings · 1 unreadable/);
    const rows = csvRecords(run.stdout);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.file!.endsWith("c-binary.txt"))?.template).toBe("unknown");
    expect(rows.find((r) => r.file!.endsWith("e-notes.md"))?.template).toBe("unknown");
    expect(rows.find((r) => r.file!.endsWith("f-dangling.txt"))?.unreadable).toMatch(/^ENOENT/);
  });

  it("writes CSV whose every cell reads back as flattenReport and the finding counts", async () => {
    const run = await runCli(main, ["parse", CORPUS, "--format", "csv", "--jobs", "2"]);
    expect(run.code).toBe(0);
    const [header] = parseCsv(run.stdout);
    expect(header).toEqual(reportCsvColumns());
    const rows = csvRecords(run.stdout);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows) {
      const report = parseReport(readFileSync(row.file!));
      const flat = flattenReport(report);
      for (const path of allTemplatePaths()) {
        const value = flat[path];
        expect(row[path], `${row.file} ${path}`).toBe(value === null || value === undefined ? "" : String(value));
      }
      expect(row.template).toBe(report.template);
      expect(row["meta.organization"]).toBe(report.meta.organization ?? "");
      expect(row["meta.year"]).toBe(report.meta.year === null ? "" : String(report.meta.year));
      expect(row["source.layout"]).toBe(report.source.layout ?? "");
      if (report.template !== "unknown") {
        const errors = validateReport(report).findings.filter((f) => f.severity === "error").length;
        expect(row["findings.error"]).toBe(String(errors));
      }
    }
  });

  it("writes Chinese column labels with --header zh, and a BOM with --bom", async () => {
    const run = await runCli(main, ["parse", SEED, "--format", "csv", "--header", "zh", "--bom"]);
    expect(run.stdout.startsWith("\uFEFF")).toBe(true);
    const [header] = parseCsv(run.stdout.slice(1));
    expect(header![0]).toBe("文件");
    expect(header).toContain("三、依申请公开/一、本年新收申请数量/自然人");
    expect(header).toContain(chineseColumnLabel("applications.denied.stateSecret.total"));
    expect(new Set(header).size).toBe(header!.length);
  });

  it("reads standard input as bytes, decoding GB18030 as the library does", async () => {
    const bytes = iconv.encode(readFileSync(SEED, "utf8"), "gb18030");
    const run = await runCli(main, ["parse", "-"], { stdin: bytes });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { file: string; source: { encoding: string }; applications: unknown };
    const report = parseReport(bytes);
    expect(json.file).toBe("-");
    expect(json.source.encoding).toBe(report.source.encoding);
    expect(json.applications).toEqual(parseReport(readFileSync(SEED)).applications);
  });

  it("writes a JSON array for several inputs, and to --out instead of stdout", async () => {
    const out = join(dir, "out.json");
    const run = await runCli(main, ["parse", SEED, join(CORPUS, "seed-002.txt"), "--format", "json", "--out", out]);
    expect(run.stdout).toBe("");
    const json = JSON.parse(readFileSync(out, "utf8")) as Array<{ file: string }>;
    expect(json.map((r) => r.file)).toEqual([SEED, join(CORPUS, "seed-002.txt")]);
  });

  it("expands a quoted glob and --ext", async () => {
    const glob = await runCli(main, ["parse", join(CORPUS, "seed-00[12].txt"), "--format", "ndjson"]);
    expect(glob.stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { file: string }).file)).toEqual([
      join(CORPUS, "seed-001.txt"),
      join(CORPUS, "seed-002.txt"),
    ]);
    const md = await runCli(main, ["parse", join(dir, "folder"), "--ext", "md", "--format", "ndjson"]);
    expect(md.stdout.trimEnd().split("\n")).toHaveLength(2);
  });

  it("gives the same output in the same order with --jobs 1 and --jobs 3", async () => {
    const one = await runCli(main, ["parse", CORPUS, "--format", "ndjson", "--jobs", "1"]);
    const three = await runCli(main, ["parse", CORPUS, "--format", "ndjson", "--jobs", "3"]);
    expect(three.stdout).toBe(one.stdout);
  });
});

describe("xxgk validate", () => {
  it("exits 0 without error findings and 1 with one, pointing at file:line:column", async () => {
    const clean = await runCli(main, ["validate", SEED]);
    const expected = validateReport(parseReport(readFileSync(SEED))).valid ? 0 : 1;
    expect(clean.code).toBe(expected);
    const tampered = join(dir, "tampered.txt");
    const run = await runCli(main, ["validate", tampered]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^${escape(tampered)}:27:\\d+ +error +row-total +applications\\.newReceived\\.total`, "m"));
    expect(run.stdout).toMatch(/expected 5, actual 0/);
  });

  it("writes JSON, NDJSON and CSV findings that match validateReport", async () => {
    const tampered = join(dir, "tampered.txt");
    const report = parseReport(readFileSync(tampered));
    const findings = validateReport(report).findings;
    const json = await runCli(main, ["validate", tampered, "--format", "json"]);
    const [record] = JSON.parse(json.stdout) as Array<{ valid: boolean; findings: Array<{ rule: string; line: number | null; start: number | null }> }>;
    expect(record!.valid).toBe(false);
    expect(record!.findings.map((f) => f.rule)).toEqual(findings.map((f) => f.rule));
    for (const f of record!.findings.filter((x) => x.start !== null)) {
      expect(f.line).toBe(report.source.text.slice(0, f.start!).split("\n").length);
    }
    const ndjson = await runCli(main, ["validate", tampered, SEED, "--format", "ndjson"]);
    expect(ndjson.stdout.trimEnd().split("\n")).toHaveLength(2);
    const csv = await runCli(main, ["validate", tampered, "--format", "csv"]);
    const rows = csvRecords(csv.stdout);
    expect(rows.map((r) => r.rule)).toEqual(findings.map((f) => f.rule));
    expect(rows.find((r) => r.rule === "row-total")?.cell).toBe("applications.newReceived.total");
    expect(csv.code).toBe(1);
  });

  it("filters by --severity and reports non-reports without failing", async () => {
    const run = await runCli(main, ["validate", join(dir, "folder"), "--severity", "error"]);
    expect(run.stdout).toMatch(/e-notes\.md +not recognised as an annual report/);
    expect(run.stdout).not.toMatch(/ warning /);
    expect(run.code).toBe(1); // the dangling link is unreadable
  });
});

describe("xxgk tables", () => {
  it("prints the raw grids as text and as JSON equal to extractTables", async () => {
    const text = await runCli(main, ["tables", SEED]);
    expect(text.code).toBe(0);
    const tables = extractTables(readFileSync(SEED));
    expect(text.stdout).toMatch(new RegExp(`table 1 of ${tables.length} · `));
    const json = await runCli(main, ["tables", SEED, "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(tables)));
  });
});

describe("xxgk series", () => {
  it("groups reports by organization and runs validateSeries on each group", async () => {
    const files = ["pingtan-2019.txt", "pingtan-2021.txt", "pingtan-2023.txt", "pingtan-2025.txt", "seed-001.txt"].map((f) =>
      join(CORPUS, f),
    );
    const run = await runCli(main, ["series", ...files, "--format", "json"]);
    const groups = JSON.parse(run.stdout) as Array<{ organization: string; reports: Array<{ file: string }>; findings: unknown[] }>;
    const reports = files.map((f) => parseReport(readFileSync(f)));
    const byOrg = new Map<string, number[]>();
    reports.forEach((r, i) => {
      if (r.meta.organization !== null && r.meta.year !== null && r.template !== "unknown") {
        byOrg.set(r.meta.organization, [...(byOrg.get(r.meta.organization) ?? []), i]);
      }
    });
    expect(groups.map((g) => g.organization)).toEqual([...byOrg.keys()]);
    for (const group of groups) {
      const members = byOrg.get(group.organization)!;
      expect(group.reports).toHaveLength(members.length);
      const expected = validateSeries(members.map((i) => reports[i]!)).findings;
      expect(group.findings).toHaveLength(expected.length);
    }
    const errors = groups.some((g) => (g.findings as Array<{ severity: string }>).some((f) => f.severity === "error"));
    expect(run.code).toBe(errors ? 1 : 0);
  });
});

describe("usage errors exit 2", () => {
  it.each([
    [["frobnicate", "x"]],
    [["parse"]],
    [["parse", SEED, "--format", "xml"]],
    [["parse", SEED, "--bogus"]],
    [["parse", SEED, "--jobs", "0"]],
    [["tables", SEED, SEED]],
    [["validate", "-", "-"]],
  ])("xxgk %j", async (args) => {
    const run = await runCli(main, args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^xxgk: /);
  });

  it("exits 2 when no file matches", async () => {
    const run = await runCli(main, ["parse", join(dir, "folder", "*.pdf")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no file matches/);
  });

  it("prints help and the version", async () => {
    expect((await runCli(main, ["--help"])).stdout).toMatch(/xxgk parse <inputs…>/);
    expect((await runCli(main, ["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
