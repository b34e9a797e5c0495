/// <reference types="node" />
/**
 * `xxgk audit` run as a child process: the checklist of every corpus report read back
 * from its CSV, and constructed variants (a timely and a late copy of one report, a
 * township's, last year's narrative with new numbers, a report whose sums fail).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReport, validateReport } from "../../src/index.js";
import { AUDIT_CSV_COLUMNS } from "../../src/cli/audit-command.js";
import { DEFAULT_EXTENSIONS } from "../../src/cli/options.js";
import { buildCli, CORPUS, csvRecords, runCli } from "./cli-harness.js";

let main = "";
let cleanup = (): void => {};
let dir = "";

const corpus = (file: string) => readFileSync(join(CORPUS, file), "utf8");
/** Every number one more: last year's report with new figures (and the next year). */
const newNumbers = (text: string) => text.replace(/\d+/g, (n) => String(Number(n) + 1));

beforeAll(async () => {
  ({ main, cleanup } = await buildCli());
  dir = mkdtempSync(join(tmpdir(), "xxgk-audit-"));
  const put = (file: string, text: string) => {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  put("a/timely.txt", `${corpus("seed-003.txt")}\n湛河区交通局\n2023年1月20日\n`);
  put("b/late.txt", `${corpus("seed-003.txt")}\n湛河区交通局\n二〇二三年三月十五日\n`);
  put("c/township.txt", `${corpus("seed-004.txt")}\n花桥镇人民政府\n2022年9月1日\n`);
  put("d/pingtan-2023.txt", corpus("pingtan-2023.txt"));
  put("d/pingtan-2024.txt", newNumbers(corpus("pingtan-2023.txt")));
  const seed = corpus("seed-001.txt");
  const broken = seed.replace(/^(一、本年新收政府信息公开申请数量 \| )0( \|)/m, "$15$2");
  expect(broken).not.toBe(seed);
  put("e/tampered.txt", broken);
}, 30_000);

afterAll(() => {
  cleanup();
  if (dir !== "") rmSync(dir, { recursive: true, force: true });
});

describe("xxgk audit corpus", () => {
  it("writes a checklist row for every corpus report, then the summaries", async () => {
    const run = await runCli(main, ["audit", "corpus", "--format", "csv", "--quiet"]);
    const records = csvRecords(run.stdout);
    expect(Object.keys(records[0]!)).toEqual([...AUDIT_CSV_COLUMNS]);
    const files = readdirSync(CORPUS)
      .filter((f) => DEFAULT_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e)))
      .sort();
    const rows = records.filter((r) => r.kind === "report");
    expect(rows.map((r) => r.file)).toEqual(files.map((f) => `corpus/${f}`));
    const reports = files.filter((f) => parseReport(corpus(f)).template !== "unknown");
    expect(reports.length).toBeGreaterThanOrEqual(13);
    let errors = 0;
    for (const file of reports) {
      const report = parseReport(corpus(file));
      const validation = validateReport(report);
      errors += validation.findings.filter((f) => f.severity === "error").length;
      const row = rows.find((r) => r.file === `corpus/${file}`)!;
      expect(row.status, file).toBe("report");
      expect(row["meta.organization"], file).toBe(report.meta.organization ?? "");
      expect(row["meta.published"], file).toBe(report.meta.published ?? "");
      expect(row["meta.organType"], file).toBe(report.meta.organType ?? "");
      expect(row.template, file).toBe(report.template);
      expect(Number(row.blankCells), file).toBe(validation.findings.filter((f) => f.rule === "missing-value").length);
      expect(Number(row.errors), file).toBe(validation.findings.filter((f) => f.severity === "error").length);
      for (const check of ["onTime", "currentTemplate", "allSections", "tablesComplete", "sumsHold", "narrativeAgrees"]) {
        expect(["pass", "fail", "unknown", "n/a"], `${file} ${check}`).toContain(row[check]);
      }
    }
    expect(rows.find((r) => r.file === "corpus/seed-004.txt")).toMatchObject({ "meta.organType": "township", onTime: "n/a", currentTemplate: "fail" });
    expect(rows.find((r) => r.file === "corpus/shanghai-gov-2025.md")).toMatchObject({ allSections: "fail", missingSections: "5" });
    expect(rows.find((r) => r.file === "corpus/pingtan-2019.txt")).toMatchObject({ "meta.published": "2020-01-20", onTime: "unknown" });
    const organs = records.filter((r) => r.kind === "organ");
    expect(organs.find((r) => r["meta.organization"] === "平潭综合实验区")).toMatchObject({ status: "6", currentTemplate: "6/6" });
    const overall = records.filter((r) => r.kind === "overall");
    expect(overall).toHaveLength(1);
    expect(overall[0]!.status).toBe(String(reports.length));
    expect(run.code).toBe(errors > 0 ? 1 : 0);
  });

  it("writes text by default, with the checklist marks and the summaries", async () => {
    const run = await runCli(main, ["audit", join(CORPUS, "seed-004.txt"), join(CORPUS, "shanghai-gov-2025.md")]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("花桥镇 2021 (township) · template 2019");
    expect(run.stdout).toMatch(/on time – {2}template ✗ {2}sections ✓/);
    expect(run.stdout).toMatch(/sections ✗ \(no 5\)/);
    expect(run.stdout).toContain("Summary by organ");
    expect(run.stdout).toMatch(/All reports {2}2 reports, 2021–2025/);
  });
});

describe("docs/audit.md", () => {
  it("shows the output the command gives for its worked example", async () => {
    const doc = readFileSync(join(CORPUS, "..", "docs", "audit.md"), "utf8");
    const block = /```console\n\$ xxgk (audit [^\n]+)\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const run = await runCli(main, block![1]!.split(/\s+/));
    expect(run.stdout).toBe(block![2]);
  });
});

describe("xxgk audit on constructed variants", () => {
  it("tells the timely copy from the late one, leaves the township out, and finds the copied narrative", async () => {
    const run = await runCli(main, ["audit", dir, "--format", "csv", "--quiet"]);
    const rows = csvRecords(run.stdout).filter((r) => r.kind === "report");
    const row = (file: string) => rows.find((r) => r.file === join(dir, file))!;
    expect(rows).toHaveLength(6);
    expect(row("a/timely.txt")).toMatchObject({ "meta.published": "2023-01-20", deadline: "2023-01-31", onTime: "pass", "meta.organType": "department" });
    expect(row("b/late.txt")).toMatchObject({ "meta.published": "2023-03-15", deadline: "2023-01-31", onTime: "fail" });
    expect(Number(row("b/late.txt").warnings)).toBeGreaterThan(Number(row("a/timely.txt").warnings));
    expect(row("c/township.txt")).toMatchObject({ "meta.organType": "township", "meta.published": "2022-09-01", deadline: "", onTime: "n/a" });
    expect(row("d/pingtan-2023.txt")).toMatchObject({ previousFile: "", repeatedText: "n/a", repeatedShare: "" });
    expect(row("d/pingtan-2024.txt")).toMatchObject({ previousFile: join(dir, "d/pingtan-2023.txt"), repeatedText: "fail", repeatedShare: "1" });
    expect(row("e/tampered.txt")).toMatchObject({ sumsHold: "fail" });
    expect(Number(row("e/tampered.txt").sumErrors)).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });

  it("writes the same rows as NDJSON and JSON", async () => {
    const nd = await runCli(main, ["audit", dir, "--format", "ndjson", "--quiet"]);
    const lines = nd.stdout.trim().split("\n").map((l) => JSON.parse(l) as { kind: string; file?: string; onTime?: string });
    expect(lines.filter((l) => l.kind === "report")).toHaveLength(6);
    expect(lines[lines.length - 1]!.kind).toBe("overall");
    const json = await runCli(main, ["audit", dir, "--format", "json", "--quiet"]);
    const result = JSON.parse(json.stdout) as { reports: Array<{ file: string; onTime: string }>; organs: unknown[]; overall: { reports: number } };
    expect(result.reports.map((r) => [r.file, r.onTime])).toEqual(lines.filter((l) => l.kind === "report").map((l) => [l.file, l.onTime]));
    expect(result.overall.reports).toBe(6);
    expect(json.code).toBe(1);
  });

  it("gives an unreadable file its row, keeps the JSON whole, and exits 1", async () => {
    const missing = join(dir, "no-such-report.txt");
    const run = await runCli(main, ["audit", join(dir, "a", "timely.txt"), missing, "--format", "json", "--quiet"]);
    const result = JSON.parse(run.stdout) as { reports: Array<{ file: string; status: string; note: string | null }>; overall: { files: number } };
    expect(result.reports.map((r) => [r.file, r.status])).toEqual([
      [join(dir, "a", "timely.txt"), "report"],
      [missing, "unreadable"],
    ]);
    expect(result.reports[1]!.note).toMatch(/ENOENT|no such file/i);
    expect(result.overall.files).toBe(2);
    expect(run.code).toBe(1);
  });

  it("labels the CSV columns in Chinese with --header zh", async () => {
    const run = await runCli(main, ["audit", join(dir, "a"), "--format", "csv", "--header", "zh", "--quiet"]);
    expect(run.stdout.split("\n")[0]).toMatch(/^类别,文件,机关,年度,机关类型,模板,发布日期,公布期限,按时公布,/);
    expect(run.code).toBe(0);
  });
});
