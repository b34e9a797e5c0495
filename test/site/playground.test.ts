/// <reference lib="dom" />
/**
 * The playground page in a real browser: every corpus file rendered with the values
 * `parseReport` reads in Node, failing sums highlighted and their source selected,
 * GB18030, PDF, DOC and DOCX as in Node, the CSV download equal to `xxgk parse --format csv`,
 * a batch of 200 files with progress, and a junk file among good ones.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_ROWS, flattenReport, parseDocument, validateReport } from "../../src/index.js";
import type { Report } from "../../src/types.js";
import { reportDocx } from "../docx/report-docx.js";
import { corpusDir, repoRoot } from "../helpers/corpus.js";
import { sampleValues } from "../helpers/make-report.js";
import { renderHtml } from "../helpers/render-html.js";
import { cmapPdf } from "./cmap-pdf.js";
import { addFiles, openPage, openReport, renderedCells, screenshotDir, waitIdle, type OpenPage } from "./browser.js";

const fixturesDir = join(repoRoot, "test/fixtures/documents");
const work = mkdtempSync(join(tmpdir(), "xxgk-site-files-"));

/** The text shown for a value (as the page draws it). */
function shown(value: string | number | null | undefined): string {
  return value === null || value === undefined ? "—" : String(value);
}

/** The files given to the page: the corpus, the PDF and DOC fixtures, and made ones. */
const files: string[] = [];

/** A report whose table 3 total is off by one. */
const failingName = "failing-sum.html";
/** A GB18030-encoded web page (charset declared). */
const gbName = "gb18030-page.html";
const docxName = "generated.docx";
/** A table 三 with short rows whose numbers two placements fit: ambiguous cells. */
const ambiguousName = "ambiguous-cells.md";

function ambiguousTable(): string {
  const rows: Record<string, string> = {
    newReceived: "5 | 5 | 0 | 0 | 0 | 0 | 10",
    total: "5 | 5 | 0 | 0 | 0 | 0 | 10",
    granted: "5 | 5",
    partiallyGranted: "5 | 5",
  };
  const lines = ["某县2023年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况", "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|"];
  for (const row of APPLICATION_ROWS.filter((r) => r.templates.includes("2021"))) lines.push(`| ${row.label} | ${rows[row.path] ?? "0 | 0 | 0 | 0 | 0 | 0 | 0"} |`);
  return `${lines.join("\n")}\n`;
}

/** A PDF whose Chinese font is not embedded: readable only with pdf.js's CMaps. */
const cmapName = "cmap-font.pdf";

async function makeFiles(): Promise<void> {
  for (const name of readdirSync(corpusDir).sort()) {
    if (/\.(txt|html|md)$/.test(name) && name !== "README.md") files.push(name);
  }
  for (const name of readdirSync(fixturesDir).sort()) if (/\.(pdf|doc)$/.test(name)) files.push(name);
  for (const name of files) copyFileSync(join(/\.(pdf|doc)$/.test(name) ? fixturesDir : corpusDir, name), join(work, name));
  const values = sampleValues("2021");
  values["applications.total.total"] = (values["applications.total.total"] ?? 0) + 1;
  writeFileSync(join(work, failingName), renderHtml(values, "2021", { seed: 12, title: "某某县2023年政府信息公开工作年度报告" }));
  const page = readFileSync(join(corpusDir, "hangzhou-style-2025.html"), "utf8").replace(/charset="utf-8"/i, 'charset="gb18030"');
  writeFileSync(join(work, gbName), iconv.encode(page, "gb18030"));
  writeFileSync(join(work, docxName), await reportDocx({ template: "2021", values: sampleValues("2021"), title: "某县2024年政府信息公开工作年度报告" }));
  writeFileSync(join(work, cmapName), cmapPdf(["某县2024年政府信息公开工作年度报告", "一、总体情况", "本年度，本机关认真贯彻落实《条例》。"]));
  writeFileSync(join(work, ambiguousName), ambiguousTable());
  files.push(failingName, gbName, docxName, cmapName, ambiguousName);
}

const nodeReports = new Map<string, Report>();

async function nodeReport(name: string): Promise<Report> {
  let report = nodeReports.get(name);
  if (!report) {
    report = await parseDocument(new Uint8Array(readFileSync(join(work, name))));
    nodeReports.set(name, report);
  }
  return report;
}

/** Save a screenshot of the page from the top of one element to the bottom of another. */
async function shoot(page: Page, name: string, from: string, to: string): Promise<void> {
  const clip = await page.evaluate(
    ([a, b]) => {
      const top = document.querySelector(a!)!.getBoundingClientRect().top + window.scrollY - 12;
      const bottom = document.querySelector(b!)!.getBoundingClientRect().bottom + window.scrollY + 12;
      return { x: 0, y: Math.max(0, top), width: document.documentElement.clientWidth, height: bottom - Math.max(0, top) };
    },
    [from, to],
  );
  await page.screenshot({ path: join(screenshotDir, name), fullPage: true, clip });
}

let browser: OpenPage;

beforeAll(async () => {
  await makeFiles();
  browser = await openPage();
  await addFiles(browser.page, files.map((name) => join(work, name)));
});

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("playground page", () => {
  it("renders every cell of every file with the value Node reads", async () => {
    const { page } = browser;
    expect(files.length).toBeGreaterThan(15);
    expect(await page.locator("#summary tbody tr").count()).toBe(files.length);
    for (const name of files) {
      const report = await nodeReport(name);
      await openReport(page, name);
      const cells = await renderedCells(page);
      const values = flattenReport(report);
      const paths = Object.keys(cells);
      if (report.template === "2021" || report.template === "2019") expect(paths.length, name).toBeGreaterThan(30);
      for (const path of paths) expect(`${name} ${path} ${cells[path]}`).toBe(`${name} ${path} ${shown(values[path])}`);
      // Every value read is on the page.
      const tablePaths = Object.keys(values).filter((p) => /^(activeDisclosure|applications|appeals)\./.test(p) && values[p] !== null);
      for (const path of tablePaths) expect(paths, `${name} ${path}`).toContain(path);
      const meta = await page.$$eval("#meta dd", (dds) => Object.fromEntries(dds.map((d) => [(d as HTMLElement).dataset.meta, d.textContent])));
      expect(meta.metaTemplate, name).toBe(report.template);
      expect(meta.metaLayout, name).toBe(report.source.layout ?? "未识别");
      expect(meta.metaEncoding, name).toBe(report.source.encoding ?? "无");
      expect(meta.metaOrganization, name).toBe(report.meta.organization ?? "未识别");
    }
    expect(browser.errors).toEqual([]);
  });

  it("reads a GB18030 page, a PDF, a DOC and a DOCX as Node does", async () => {
    const { page } = browser;
    const gb = await nodeReport(gbName);
    expect(gb.source.encoding).toBe("gb18030");
    expect(gb.template).toBe("2021");
    for (const name of [gbName, "pingtan-2019.pdf", "shanghai-gov-2025-two-page.pdf", "hangzhou-style-2025.doc", docxName]) {
      const report = await nodeReport(name);
      await openReport(page, name);
      const cells = await renderedCells(page);
      const values = flattenReport(report);
      const expected = Object.fromEntries(Object.keys(cells).map((path) => [path, shown(values[path])]));
      expect(Object.keys(cells).length, name).toBeGreaterThan(100);
      expect(cells, name).toEqual(expected);
      expect(await page.textContent('#meta dd[data-meta="metaEncoding"]')).toBe(report.source.encoding ?? "无");
    }
  });

  it("reads a PDF whose Chinese font is not embedded with the CMaps built into the page", async () => {
    const { page } = browser;
    const report = await nodeReport(cmapName);
    expect(report.source.text).toContain("政府信息公开工作年度报告");
    await openReport(page, cmapName);
    expect(await page.textContent("#source")).toBe(report.source.text);
  });

  it("marks ambiguous cells, with their other readings on hover", async () => {
    const { page } = browser;
    const report = await nodeReport(ambiguousName);
    const ambiguous = report.diagnostics.filter((d) => d.code === "ambiguous-cell" && d.path !== undefined && (d.alternatives?.length ?? 0) > 1);
    expect(ambiguous.length).toBeGreaterThan(0);
    await openReport(page, ambiguousName);
    for (const diagnostic of ambiguous) {
      const cell = page.locator(`#tables td[data-path="${diagnostic.path}"]`);
      expect(await cell.getAttribute("class")).toContain("st-ambiguous");
      const title = (await cell.getAttribute("title")) ?? "";
      for (const alternative of diagnostic.alternatives!) expect(title).toContain(String(alternative[diagnostic.path!] ?? "null"));
    }
  });

  it("highlights the cells of a failing sum and selects its span of the source", async () => {
    const { page } = browser;
    const report = await nodeReport(failingName);
    const findings = validateReport(report).findings;
    const index = findings.findIndex((f) => f.severity === "error" && f.paths.includes("applications.total.total") && !f.notCheckable);
    expect(index).toBeGreaterThanOrEqual(0);
    const finding = findings[index]!;
    await openReport(page, failingName);
    const failing = await page.$$eval("#tables td.is-fail", (cells) => cells.map((c) => (c as HTMLElement).dataset.path));
    expect(failing).toContain("applications.total.total");
    for (const path of finding.paths) expect(failing).toContain(path);
    await page.locator(`#findings button.finding[data-index="${index}"]`).click();
    await expect.poll(() => page.getAttribute(`#findings button.finding[data-index="${index}"]`, "aria-pressed")).toBe("true");
    const selectedCells = await page.$$eval("#tables td.is-selected", (cells) => cells.map((c) => (c as HTMLElement).dataset.path).sort());
    expect(selectedCells).toEqual([...finding.paths].sort());
    const marks = await page.$$eval("#source mark", (nodes) => nodes.map((m) => ({ start: Number((m as HTMLElement).dataset.start), end: Number((m as HTMLElement).dataset.end), text: m.textContent })));
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.text).toBe(report.source.text.slice(mark.start, mark.end));
    const located = finding.paths.map((p) => report.locations[p]).filter((l) => l !== undefined);
    expect(located.length).toBeGreaterThan(0);
    for (const location of located) expect(marks.some((m) => m.start <= location.start && location.end <= m.end)).toBe(true);
    const selection = await page.evaluate(() => window.getSelection()?.toString() ?? "");
    expect(selection).toBe(marks[0]!.text);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, "one-report.png", "#one-heading", "#one .report-grid");
  });

  it("downloads the CSV that `xxgk parse --format csv --bom` writes for the same files", async () => {
    const { page } = browser;
    const cli = spawnSync(process.execPath, [join(repoRoot, "dist/cli/main.js"), "parse", "--format", "csv", "--bom", ...files], {
      cwd: work,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(cli.stdout.split("\n").length).toBe(files.length + 2);
    await page.check("#csv-bom");
    await page.selectOption("#csv-header", "en");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv).toBe(cli.stdout);
    await page.selectOption("#csv-header", "zh");
    await page.uncheck("#csv-bom");
    const zh = spawnSync(process.execPath, [join(repoRoot, "dist/cli/main.js"), "parse", "--format", "csv", "--header", "zh", ...files], { cwd: work, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const [download2] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
    expect(readFileSync((await download2.path())!, "utf8")).toBe(zh.stdout);
    await page.$eval("#many .scroll", (box) => box.scrollTo(0, 0));
    await shoot(page, "many-reports.png", "#many-heading", "#series");
  });

  it("sorts and filters the summary, and switches to English", async () => {
    const { page } = browser;
    await page.click('#summary button.sort[data-sort="errors"]');
    await page.click('#summary button.sort[data-sort="errors"]');
    expect(await page.getAttribute('#summary th:has(button[data-sort="errors"])', "aria-sort")).toBe("descending");
    const errors = await page.$$eval("#summary tbody tr td:nth-child(5)", (cells) => cells.map((c) => Number(c.textContent)));
    expect(errors.length).toBe(files.length);
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    expect(errors[0]).toBeGreaterThan(0);
    await page.fill("#filter", "pingtan");
    const shownFiles = await page.$$eval("#summary tbody button.open", (buttons) => buttons.map((b) => b.textContent));
    expect(shownFiles.length).toBe(files.filter((f) => f.includes("pingtan")).length);
    await page.fill("#filter", "");
    await page.click("#lang");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("#many-heading")).toBe("All reports");
    await openReport(page, failingName);
    const message = await page.textContent("#findings button.finding.sev-error");
    expect(message).toMatch(/[a-z]{4}/);
    expect(message).not.toMatch(/[\u4e00-\u9fff]{4}/);
    await page.click("#lang");
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
  });

  it("never reaches the network", () => {
    expect(browser.network).toEqual([]);
  });
});

describe("playground batches", () => {
  it("parses 200 files with the progress shown while the page stays responsive", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xxgk-site-batch-"));
    const texts = readdirSync(corpusDir).filter((n) => /\.(txt|html|md)$/.test(n) && n !== "README.md");
    const names = Array.from({ length: 200 }, (_, i) => {
      const source = texts[i % texts.length]!;
      const name = `batch-${String(i).padStart(3, "0")}-${source}`;
      copyFileSync(join(corpusDir, source), join(dir, name));
      return name;
    });
    const session = await openPage();
    try {
      const { page } = session;
      // Every value the progress bar takes, seen from the page.
      await page.evaluate(() => {
        const seen: number[] = [];
        (window as unknown as { progressSeen: number[] }).progressSeen = seen;
        const bar = document.getElementById("progress") as HTMLProgressElement;
        new MutationObserver(() => seen.push(bar.value)).observe(bar, { attributes: true });
        const timer = () => {
          seen.push(bar.value);
          if (document.body.dataset.busy !== "false" || seen.length < 2) requestAnimationFrame(timer);
        };
        requestAnimationFrame(timer);
      });
      await page.setInputFiles("#files", names.map((n) => join(dir, n)));
      // While the batch parses, the page takes input and redraws.
      await page.waitForFunction(() => {
        const bar = document.getElementById("progress") as HTMLProgressElement;
        return bar.value >= 5 && bar.value < bar.max;
      });
      const midway = await page.evaluate(() => {
        const input = document.getElementById("filter") as HTMLInputElement;
        input.value = "batch-00";
        input.dispatchEvent(new Event("input"));
        return {
          busy: document.body.dataset.busy,
          status: document.getElementById("progress-text")!.textContent,
          rows: document.querySelectorAll("#summary tbody tr").length,
        };
      });
      expect(midway.busy).toBe("true");
      expect(midway.status).toMatch(/^已解析 \d+ \/ 200$/);
      expect(midway.rows).toBeGreaterThan(0);
      expect(midway.rows).toBeLessThanOrEqual(10);
      await waitIdle(page, 200);
      expect(await page.textContent("#progress-text")).toBe("已解析 200 个文件");
      const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
      const between = new Set(seen.filter((v) => v > 0 && v < 200));
      expect(between.size).toBeGreaterThan(2);
      await page.fill("#filter", "");
      expect(await page.locator("#summary tbody tr").count()).toBe(200);
      expect(await page.locator("#problems li").count()).toBe(0);
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("parses a pasted text", async () => {
    const session = await openPage();
    try {
      const { page } = session;
      const text = readFileSync(join(corpusDir, "seed-002.txt"), "utf8");
      const report = await parseDocument(text);
      await page.click(".paste summary");
      await page.fill("#paste-text", text);
      await page.click("#paste-go");
      // the click starts the parse in the worker: wait for its report, not for a page idle before it began
      await page.locator("#one-heading", { hasText: "粘贴的文本" }).waitFor({ timeout: 60_000 });
      await waitIdle(page, 1);
      expect(await page.textContent("#one-heading")).toBe("粘贴的文本");
      const cells = await renderedCells(page);
      const values = flattenReport(report);
      expect(Object.keys(cells).length).toBeGreaterThan(100);
      expect(cells).toEqual(Object.fromEntries(Object.keys(cells).map((path) => [path, shown(values[path])])));
      expect(await page.isHidden("#many")).toBe(true);
    } finally {
      await session.close();
    }
  });

  it("says clearly which dropped file is not a report, and parses the others", async () => {
    const session = await openPage();
    try {
      const { page } = session;
      const good = ["seed-002.txt", "pingtan-2021.txt"].map((name) => ({ name, data: readFileSync(join(corpusDir, name)).toString("base64") }));
      const junk = [
        { name: "junk.bin", data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)).toString("base64") },
        { name: "empty.txt", data: "" },
        { name: "photo.png", data: Buffer.from("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "latin1").toString("base64") },
      ];
      // A real drop: a DataTransfer with the files, on the drop zone.
      await page.evaluate((list) => {
        const transfer = new DataTransfer();
        for (const { name, data } of list) {
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          transfer.items.add(new File([bytes], name));
        }
        const zone = document.getElementById("drop")!;
        zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: transfer, bubbles: true, cancelable: true }));
        zone.dispatchEvent(new DragEvent("drop", { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }, [good[0]!, ...junk, good[1]!]);
      await waitIdle(page, 5);
      const problems = await page.$$eval("#problems li", (items) => items.map((i) => i.textContent ?? ""));
      expect(problems.length).toBe(3);
      for (const { name } of junk) expect(problems.some((p) => p.startsWith(`${name}：不是年度报告——`))).toBe(true);
      const templates = await page.$$eval("#summary tbody tr td:nth-child(4)", (cells) => cells.map((c) => c.textContent));
      expect(templates.filter((t) => t === "2021").length).toBe(2);
      expect(templates.filter((t) => t === "unknown").length).toBe(3);
      for (const { name } of good) {
        await openReport(page, name);
        expect(Object.keys(await renderedCells(page)).length).toBeGreaterThan(100);
      }
      expect(session.errors).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
