/**
 * The playground page: files in (drop, pick or paste), parsed in a worker; one report
 * drawn as the template with its findings and source, many reports as a sortable
 * summary with the checks across years and the exports.
 */
import { flattenReport, templatePaths, validateSeries, type Diagnostic, type Finding, type Report, type Span } from "xxgk-report";
import { csvOf, download, jsonOf, ndjsonOf } from "./export.js";
import { bilingual, language, setLanguage, t, type WordKey } from "./i18n.js";
import ParseWorker from "./parse-worker.ts?worker&inline";
import type { ParseJob, ParseRequest, ParseResult } from "./protocol.js";
import { renderTables, type CellMarks } from "./tables.js";

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Every parsed file, in the order it was given. */
const results: ParseResult[] = [];
let selected: ParseResult | null = null;
let selectedFinding = -1;
/** Set once the user opens a file from the summary. */
let userOpened = false;
let nextId = 1;
let pending = 0;
let batchTotal = 0;
let batchDone = 0;
let sortKey: SummaryKey = "index";
let sortDescending = false;

const worker: Worker = new ParseWorker();
worker.onmessage = (event: MessageEvent<ParseResult | { type: "fatal"; error: string } | null>) => {
  // pdf.js's worker code, loaded in the same worker, says "ready" on the same port: not ours.
  const message = event.data;
  if (message?.type === "fatal") problem(t("failed", { file: "worker", reason: message.error }));
  else if (message?.type === "result") received(message);
};
worker.onerror = (event) => {
  problem(t("failed", { file: "worker", reason: event.message }));
};

// ---- input ----------------------------------------------------------------

async function addFiles(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  startBatch(files.length);
  const jobs: ParseJob[] = [];
  const transfer: ArrayBuffer[] = [];
  for (const file of files) {
    try {
      const bytes = await file.arrayBuffer();
      jobs.push({ id: nextId++, name: file.name, bytes });
      transfer.push(bytes);
    } catch (error) {
      problem(t("readFailed", { file: file.name, reason: error instanceof Error ? error.message : String(error) }));
      batchDone++;
      pending--;
    }
  }
  updateProgress();
  if (jobs.length > 0) worker.postMessage({ type: "parse", jobs } satisfies ParseRequest, transfer);
}

function addText(text: string): void {
  if (text.trim() === "") return;
  startBatch(1);
  worker.postMessage({ type: "parse", jobs: [{ id: nextId++, name: t("pasted"), text }] } satisfies ParseRequest);
}

function startBatch(count: number): void {
  if (pending === 0) {
    batchTotal = 0;
    batchDone = 0;
  }
  pending += count;
  batchTotal += count;
  updateProgress();
}

function updateProgress(): void {
  const box = $("progress-box");
  box.hidden = batchTotal === 0;
  const bar = $<HTMLProgressElement>("progress");
  bar.max = Math.max(batchTotal, 1);
  bar.value = batchDone;
  $("progress-text").textContent = pending > 0 ? t("progressText", { done: batchDone, total: batchTotal }) : t("progressDone", { total: batchTotal });
  document.body.dataset.busy = pending > 0 ? "true" : "false";
}

let renderQueued = false;

function received(result: ParseResult): void {
  results.push(result);
  pending--;
  batchDone++;
  const note = problemOf(result);
  if (note) problem(note);
  updateProgress();
  if (!renderQueued) {
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      renderAll();
    });
  }
}

/** Why a file gave no report, in words, or `null`. */
function problemOf(result: ParseResult): string | null {
  if (result.report === null) return t("failed", { file: result.name, reason: result.error ?? "" });
  if (result.report.template !== "unknown") return null;
  const reason = result.report.diagnostics.find((d) => d.severity === "error");
  return t("notAReport", { file: result.name, reason: reason ? bilingual(reason.message) : t("noReason") });
}

function problem(text: string): void {
  const item = document.createElement("li");
  item.textContent = text;
  $("problems").append(item);
}

function renderProblems(): void {
  const list = $("problems");
  list.replaceChildren();
  for (const result of results) {
    const note = problemOf(result);
    if (note) problem(note);
  }
}

// ---- many reports -----------------------------------------------------------

type SummaryKey = "index" | "file" | "organization" | "year" | "template" | "errors" | "warnings" | "blanks";

const SUMMARY_COLUMNS: Array<{ key: SummaryKey; label: WordKey; numeric: boolean }> = [
  { key: "file", label: "colFile", numeric: false },
  { key: "organization", label: "colOrganization", numeric: false },
  { key: "year", label: "colYear", numeric: true },
  { key: "template", label: "colTemplate", numeric: false },
  { key: "errors", label: "colErrors", numeric: true },
  { key: "warnings", label: "colWarnings", numeric: true },
  { key: "blanks", label: "colBlanks", numeric: true },
];

function severityCount(result: ParseResult, severity: Finding["severity"]): number {
  return result.validation?.findings.filter((f) => f.severity === severity).length ?? 0;
}

/** Blank (`null`) values among the paths of the report's template. */
function blankCount(report: Report | null): number | null {
  if (report === null || (report.template !== "2021" && report.template !== "2019")) return null;
  const values = flattenReport(report);
  return templatePaths(report.template).filter((path) => (values[path] ?? null) === null).length;
}

const summaryCache = new WeakMap<ParseResult, Map<SummaryKey, string | number | null>>();

/** A summary cell of a file (computed once per file: blanks flatten the report). */
function summaryValue(result: ParseResult, key: SummaryKey): string | number | null {
  let values = summaryCache.get(result);
  if (!values) {
    values = new Map();
    summaryCache.set(result, values);
  }
  if (!values.has(key)) values.set(key, computeSummaryValue(result, key));
  return values.get(key)!;
}

function computeSummaryValue(result: ParseResult, key: SummaryKey): string | number | null {
  switch (key) {
    case "index":
      return result.id;
    case "file":
      return result.name;
    case "organization":
      return result.report?.meta.organization ?? null;
    case "year":
      return result.report?.meta.year ?? null;
    case "template":
      return result.report?.template ?? null;
    case "errors":
      return severityCount(result, "error");
    case "warnings":
      return severityCount(result, "warning");
    case "blanks":
      return blankCount(result.report);
  }
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b), "zh-CN");
}

function renderSummary(force = false): void {
  const many = $("many");
  many.hidden = results.length < 2;
  if (many.hidden) return;
  const table = $<HTMLTableElement>("summary");
  const headRow = document.createElement("tr");
  for (const column of SUMMARY_COLUMNS) {
    const cell = document.createElement("th");
    cell.scope = "col";
    cell.setAttribute("aria-sort", sortKey === column.key ? (sortDescending ? "descending" : "ascending") : "none");
    if (column.numeric) cell.className = "num";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.dataset.sort = column.key;
    button.textContent = t(column.label);
    cell.append(button);
    headRow.append(cell);
  }
  table.tHead!.replaceChildren(headRow);
  const filter = $<HTMLInputElement>("filter").value.trim().toLowerCase();
  const rows = results
    .map((result) => ({ result, values: SUMMARY_COLUMNS.map((c) => summaryValue(result, c.key)) }))
    .filter(({ values }) => filter === "" || values.some((v) => v !== null && String(v).toLowerCase().includes(filter)));
  rows.sort((a, b) => {
    const order = compare(summaryValue(a.result, sortKey), summaryValue(b.result, sortKey));
    return (sortDescending ? -order : order) || a.result.id - b.result.id;
  });
  const body = document.createDocumentFragment();
  for (const { result, values } of rows) {
    const line = document.createElement("tr");
    line.dataset.id = String(result.id);
    if (result === selected) line.className = "is-selected";
    values.forEach((value, i) => {
      const cell = document.createElement(i === 0 ? "th" : "td");
      if (i === 0) {
        (cell as HTMLTableCellElement).scope = "row";
        const open = document.createElement("button");
        open.type = "button";
        open.className = "open";
        open.dataset.id = String(result.id);
        open.textContent = String(value);
        cell.append(open);
      } else {
        cell.textContent = value === null ? "—" : String(value);
        if (SUMMARY_COLUMNS[i]!.numeric) cell.className = "num";
        if ((SUMMARY_COLUMNS[i]!.key === "errors" && value !== 0) || (SUMMARY_COLUMNS[i]!.key === "template" && value === "unknown")) cell.classList.add("bad");
      }
      line.append(cell);
    });
    body.append(line);
  }
  table.tBodies[0]!.replaceChildren(body);
  renderSeries(force);
}

let seriesShown = -1;

/** `validateSeries` over the reports of each organisation that has more than one report. */
function renderSeries(force = false): void {
  if (!force && seriesShown === results.length) return;
  seriesShown = results.length;
  const groups = new Map<string, Report[]>();
  for (const result of results) {
    const report = result.report;
    if (!report || report.template === "unknown" || report.meta.organization === null) continue;
    const list = groups.get(report.meta.organization) ?? [];
    list.push(report);
    groups.set(report.meta.organization, list);
  }
  const box = $("series-body");
  box.replaceChildren();
  for (const [organization, reports] of groups) {
    if (reports.length < 2) continue;
    reports.sort((a, b) => (a.meta.year ?? 0) - (b.meta.year ?? 0));
    const validation = validateSeries(reports);
    const group = document.createElement("div");
    group.className = "series-group";
    const title = document.createElement("h4");
    title.textContent = organization;
    const list = document.createElement("ul");
    const years = [...new Set(reports.map((r) => r.meta.year ?? "?"))].join("、");
    if (validation.findings.length === 0) {
      const item = document.createElement("li");
      item.textContent = t("seriesOk", { years, count: reports.length });
      list.append(item);
    }
    for (const finding of validation.findings) {
      const item = document.createElement("li");
      item.className = `sev-${finding.severity}`;
      item.textContent = `[${t(`severity_${finding.severity}`)}] ${(finding.reports ?? []).join("→")} ${bilingual(finding.message)}`;
      list.append(item);
    }
    group.append(title, list);
    box.append(group);
  }
  if (box.childElementCount === 0) {
    const none = document.createElement("p");
    none.textContent = t("seriesNone");
    box.append(none);
  }
}

// ---- one report -------------------------------------------------------------

const AMBIGUOUS_CODES = new Set<Diagnostic["code"]>(["ambiguous-cell", "ambiguous-split"]);

function marksOf(report: Report, findings: readonly Finding[]): CellMarks {
  const failing = new Set<string>();
  for (const finding of findings) {
    if (finding.severity === "info" || finding.notCheckable) continue;
    for (const path of finding.paths) failing.add(path);
  }
  const ambiguous = new Map<string, string>();
  for (const diagnostic of report.diagnostics) {
    if (!AMBIGUOUS_CODES.has(diagnostic.code)) continue;
    const paths = new Set<string>();
    if (diagnostic.path) paths.add(diagnostic.path);
    for (const alternative of diagnostic.alternatives ?? []) for (const path of Object.keys(alternative)) paths.add(path);
    for (const path of paths) {
      const readings = (diagnostic.alternatives ?? []).map((a) => (path in a ? String(a[path] ?? "null") : "?"));
      const text = readings.length > 0 ? readings.join(" | ") : bilingual(diagnostic.message);
      ambiguous.set(path, ambiguous.has(path) ? `${ambiguous.get(path)}; ${text}` : text);
    }
  }
  return { failing, ambiguous };
}

function renderMeta(result: ParseResult, report: Report | null): void {
  const meta = $("meta");
  meta.replaceChildren();
  const entries: Array<[WordKey, string]> = [
    ["metaOrganization", report?.meta.organization ?? t("unknown")],
    ["metaYear", report?.meta.year === null || report?.meta.year === undefined ? t("unknown") : String(report.meta.year)],
    ["metaTemplate", report?.template ?? t("unknown")],
    ["metaLayout", report?.source.layout ?? t("unknown")],
    ["metaEncoding", report?.source.encoding ?? t("none")],
    ["metaFormat", result.format === "pasted" ? t("pasted") : result.format.toUpperCase()],
  ];
  for (const [label, value] of entries) {
    const pair = document.createElement("div");
    const term = document.createElement("dt");
    term.textContent = `${t(label)}${language() === "zh" ? "：" : ":"}`;
    const detail = document.createElement("dd");
    detail.textContent = value;
    detail.dataset.meta = label;
    pair.append(term, detail);
    meta.append(pair);
  }
}

function renderLegend(): void {
  const legend = $("legend");
  legend.replaceChildren();
  for (const [cls, key] of [
    ["st-exact", "legendExact"],
    ["st-blank", "legendBlank"],
    ["st-ambiguous", "legendAmbiguous"],
    ["is-fail", "legendFail"],
  ] as const) {
    const item = document.createElement("span");
    item.className = "legend-item";
    const swatch = document.createElement("span");
    swatch.className = `swatch cell ${cls}`;
    swatch.setAttribute("aria-hidden", "true");
    swatch.textContent = cls === "st-blank" ? "—" : "0";
    item.append(swatch, ` ${t(key)}`);
    legend.append(item);
  }
}

function renderOne(): void {
  const one = $("one");
  one.hidden = selected === null;
  if (!selected) return;
  const result = selected;
  const report = result.report;
  $("one-heading").textContent = result.name;
  renderMeta(result, report);
  renderLegend();
  const findings = result.validation?.findings ?? [];
  const tables = $("tables");
  tables.replaceChildren(...(report ? renderTables(report, flattenReport(report), marksOf(report, findings)) : []));
  const list = $("findings");
  list.replaceChildren();
  findings.forEach((finding, index) => {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = `finding sev-${finding.severity}`;
    button.dataset.index = String(index);
    button.dataset.rule = finding.rule;
    button.setAttribute("aria-pressed", String(index === selectedFinding));
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.textContent = t(`severity_${finding.severity}`);
    button.append(badge, ` ${bilingual(finding.message)}`);
    item.append(button);
    list.append(item);
  });
  if (findings.length === 0) {
    const item = document.createElement("li");
    item.textContent = t("findingsNone");
    list.append(item);
  }
  renderSections(report);
  renderSource(report?.source.text ?? "", []);
  if (selectedFinding >= 0 && findings[selectedFinding]) selectFinding(selectedFinding, false);
}

function renderSections(report: Report | null): void {
  const box = $("sections");
  box.replaceChildren();
  if (!report || report.sections.length === 0) return;
  const title = document.createElement("h3");
  title.textContent = t("narrative");
  box.append(title);
  for (const section of report.sections) {
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = section.heading;
    const text = document.createElement("p");
    text.textContent = section.text;
    details.append(summary, text);
    box.append(details);
  }
}

/** The spans of a finding in the source: its own, and those of the cells it read. */
function spansOf(report: Report, finding: Finding): Span[] {
  const spans: Span[] = [];
  if (finding.start !== undefined && finding.end !== undefined) spans.push({ start: finding.start, end: finding.end });
  for (const path of finding.paths) {
    const location = report.locations[path];
    if (location) spans.push({ start: location.start, end: location.end });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function renderSource(text: string, spans: readonly Span[]): HTMLElement | null {
  const pre = $("source");
  const parts: Node[] = [];
  let at = 0;
  let first: HTMLElement | null = null;
  for (const span of spans) {
    if (span.end <= at || span.start >= text.length) continue;
    const start = Math.max(span.start, at);
    if (start > at) parts.push(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, span.end);
    mark.dataset.start = String(start);
    mark.dataset.end = String(span.end);
    first ??= mark;
    parts.push(mark);
    at = span.end;
  }
  parts.push(document.createTextNode(text.slice(at)));
  pre.replaceChildren(...parts);
  return first;
}

function selectFinding(index: number, scroll = true): void {
  const result = selected;
  const report = result?.report;
  const finding = result?.validation?.findings[index];
  if (!report || !finding) return;
  selectedFinding = index;
  for (const button of document.querySelectorAll<HTMLButtonElement>("#findings button.finding")) {
    button.setAttribute("aria-pressed", String(button.dataset.index === String(index)));
  }
  const paths = new Set(finding.paths);
  for (const cell of document.querySelectorAll<HTMLElement>("#tables td[data-path]")) {
    cell.classList.toggle("is-selected", paths.has(cell.dataset.path!));
  }
  const mark = renderSource(report.source.text, spansOf(report, finding));
  if (mark) {
    const range = document.createRange();
    range.selectNodeContents(mark);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    if (scroll) mark.scrollIntoView({ block: "nearest" });
  }
}

function open(result: ParseResult): void {
  userOpened = true;
  selected = result;
  selectedFinding = -1;
  renderOne();
  renderSummary();
}

// ---- the whole page ---------------------------------------------------------

/** Redraw the summary; the report view only when a first report arrives (or on `force`). */
function renderAll(force = false): void {
  const good = results.find((r) => r.report !== null && r.report.template !== "unknown");
  // Until the user opens a file, the first report read is shown (rather than a file that is none).
  const first = results.length > 0 && (selected === null || (!userOpened && good !== undefined && selected !== good));
  if (first) selected = good ?? results[0]!;
  renderSummary(force);
  if (first || force) renderOne();
}

function renderStatic(): void {
  document.documentElement.lang = language() === "zh" ? "zh-CN" : "en";
  for (const node of document.querySelectorAll<HTMLElement>("[data-i18n]")) node.textContent = t(node.dataset.i18n as WordKey);
  document.title = `${t("title")} · xxgk-report`;
  const toggle = $("lang");
  toggle.textContent = language() === "zh" ? "English" : "中文";
  toggle.lang = language() === "zh" ? "en" : "zh-CN";
  toggle.setAttribute("aria-pressed", String(language() === "en"));
}

function wire(): void {
  const input = $<HTMLInputElement>("files");
  input.addEventListener("change", () => {
    void addFiles([...(input.files ?? [])]);
    input.value = "";
  });
  const drop = $("drop");
  drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("is-over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("is-over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("is-over");
    void addFiles([...(event.dataTransfer?.files ?? [])]);
  });
  // A file dropped beside the box is taken too, rather than opened by the browser.
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", (event) => {
    event.preventDefault();
    if (!drop.contains(event.target as Node)) void addFiles([...(event.dataTransfer?.files ?? [])]);
  });
  $("paste-go").addEventListener("click", () => addText($<HTMLTextAreaElement>("paste-text").value));
  $("lang").addEventListener("click", () => {
    setLanguage(language() === "zh" ? "en" : "zh");
    renderStatic();
    renderProblems();
    updateProgress();
    renderAll(true);
  });
  $("filter").addEventListener("input", () => renderSummary());
  $("summary").addEventListener("click", (event) => {
    const target = event.target as HTMLElement;
    const sort = target.closest<HTMLButtonElement>("button.sort");
    if (sort) {
      const key = sort.dataset.sort as SummaryKey;
      sortDescending = sortKey === key ? !sortDescending : false;
      sortKey = key;
      renderSummary();
      document.querySelector<HTMLButtonElement>(`#summary button.sort[data-sort="${key}"]`)?.focus();
      return;
    }
    const opener = target.closest<HTMLButtonElement>("button.open");
    const result = opener && results.find((r) => String(r.id) === opener.dataset.id);
    if (result) {
      open(result);
      $("one-heading").scrollIntoView({ block: "start" });
    }
  });
  $("findings").addEventListener("click", (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("button.finding");
    if (button) selectFinding(Number(button.dataset.index));
  });
  $("tables").addEventListener("click", (event) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>("td[data-path]");
    const report = selected?.report;
    const location = cell && report?.locations[cell.dataset.path!];
    if (location) renderSource(report.source.text, [location])?.scrollIntoView({ block: "nearest" });
  });
  const ready = (): ParseResult[] => results;
  $("export-csv").addEventListener("click", () =>
    download(
      "xxgk-reports.csv",
      csvOf(ready(), { bom: $<HTMLInputElement>("csv-bom").checked, header: $<HTMLSelectElement>("csv-header").value === "zh" ? "zh" : "en" }),
      "text/csv;charset=utf-8",
    ),
  );
  $("export-ndjson").addEventListener("click", () => download("xxgk-reports.ndjson", ndjsonOf(ready()), "application/x-ndjson"));
  $("export-json").addEventListener("click", () => download("xxgk-reports.json", jsonOf(ready()), "application/json"));
}

renderStatic();
wire();
