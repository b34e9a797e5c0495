/**
 * The values of a report read by OCR, checked against what the recogniser said:
 *
 * - every value gets the page and box of its cell (`locations[path].page`, `.box`);
 * - a value the recogniser was unsure of (see `read-page.ts`) is `null`, with a
 *   diagnostic `ocr-uncertain` giving the text read and its confidence;
 * - where the table's sums do not hold, a reading the recogniser offered for one digit
 *   of one cell (its second choice) is taken when it is the only one that makes every
 *   broken sum hold; otherwise the cells of a broken sum that the recogniser was not
 *   quite sure of become `null` with `ocr-uncertain`. A sum never adds a digit the
 *   recogniser did not offer, and a broken sum of sure readings is left for
 *   `validateReport` to report (the report itself may not add up).
 */
import type { PdfTable } from "../pdf/types.js";
import { getPath } from "../report/get-path.js";
import type { Diagnostic, Report, RuleName } from "../types.js";
import { validateReport } from "../validate/validate-report.js";
import type { OcrPiece } from "./read-page.js";

/** A piece read by OCR, placed on its page in points. */
export interface PieceAt {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  piece: OcrPiece;
}

/** Readings of a value cell this sure (the least certain digit) are not doubted when a sum breaks. */
const SURE = 0.98;

const SUM_RULES: RuleName[] = ["balance", "row-total", "outcome-total", "appeal-total"];

function key(page: number, x0: number, y0: number): string {
  return `${page}|${Math.round(x0 * 10)}|${Math.round(y0 * 10)}`;
}

function setPath(report: Report, path: string, value: number | null): void {
  const keys = path.split(".");
  let node: unknown = report;
  for (const k of keys.slice(0, -1)) {
    if (node === null || typeof node !== "object") return;
    node = (node as Record<string, unknown>)[k];
  }
  const last = keys[keys.length - 1]!;
  if (node !== null && typeof node === "object" && Object.prototype.hasOwnProperty.call(node, last)) {
    (node as Record<string, unknown>)[last] = value;
  }
}

function uncertain(report: Report, path: string, read: string, confidence: number, why: string): Diagnostic {
  const loc = report.locations[path];
  const diagnostic: Diagnostic = {
    code: "ocr-uncertain",
    severity: "warning",
    message: `识别不确定（${why.split(" / ")[0]}）：读作「${read}」，置信度 ${confidence.toFixed(2)}，取空值 / OCR uncertain (${why.split(" / ")[1] ?? why}): read "${read}" with confidence ${confidence.toFixed(2)}; set to null`,
    path,
  };
  if (loc) {
    diagnostic.start = loc.start;
    diagnostic.end = loc.end;
  }
  return diagnostic;
}

function brokenSums(report: Report): Array<{ rule: string; paths: string[] }> {
  return validateReport(report, { rules: SUM_RULES, includeNotCheckable: false })
    .findings.filter((f) => f.severity === "error" && !f.notCheckable)
    .map((f) => ({ rule: f.rule, paths: f.paths }));
}

function sumsKey(sums: ReadonlyArray<{ rule: string; paths: string[] }>): Set<string> {
  return new Set(sums.map((s) => `${s.rule}:${s.paths.join(",")}`));
}

/** Check the values of a report read by OCR (see the module's comment). Mutates `report`. */
export function checkValues(report: Report, tables: readonly PdfTable[], pieces: readonly PieceAt[], unit: number): void {
  if (pieces.length === 0) return;
  const cells = new Map<string, PdfTable["rows"][number][number]>();
  for (const table of tables) for (const row of table.rows) for (const cell of row) cells.set(`${cell.start}:${cell.end}`, cell);
  const byBox = new Map<string, OcrPiece>();
  for (const p of pieces) byBox.set(key(p.page, p.x0, p.y0), p.piece);
  const pieceOf = new Map<string, OcrPiece>();
  for (const [path, loc] of Object.entries(report.locations)) {
    const cell = cells.get(`${loc.start}:${loc.end}`);
    if (!cell || cell.text !== loc.text) continue;
    loc.page = cell.page;
    const b = cell.box;
    if (Number.isFinite(b.x0)) loc.box = { x0: b.x0 * unit, y0: b.y0 * unit, x1: b.x1 * unit, y1: b.y1 * unit };
    const piece = cell.text === "" ? undefined : byBox.get(key(cell.page, b.x0, b.y0));
    if (piece) pieceOf.set(path, piece);
  }
  for (const [path, piece] of pieceOf) {
    if (!piece.uncertain || getPath(report, path) === undefined) continue;
    setPath(report, path, null);
    report.diagnostics = report.diagnostics.filter((d) => d.path !== path || d.code !== "blank-cell");
    report.diagnostics.push(uncertain(report, path, piece.uncertain.read, piece.uncertain.confidence, "识别结果不是可靠的数字 / not a sure reading of a number"));
  }
  chooseBySums(report, pieceOf);
}

function chooseBySums(report: Report, pieceOf: ReadonlyMap<string, OcrPiece>): void {
  let broken = brokenSums(report);
  for (let round = 0; round < 20 && broken.length > 0; round++) {
    const before = sumsKey(broken);
    const fixes: Array<{ path: string; from: number; to: number; left: number }> = [];
    for (const path of new Set(broken.flatMap((s) => s.paths))) {
      const piece = pieceOf.get(path);
      const value = getPath(report, path);
      if (!piece || typeof value !== "number" || piece.confidence >= SURE) continue;
      for (const reading of piece.alternatives ?? []) {
        const to = Number(reading);
        if (!Number.isFinite(to) || to === value) continue;
        setPath(report, path, to);
        const after = brokenSums(report);
        setPath(report, path, value);
        const now = sumsKey(after);
        if ([...now].some((k) => !before.has(k))) continue;
        if (now.size < before.size) fixes.push({ path, from: value, to, left: now.size });
      }
    }
    const best = Math.min(...fixes.map((f) => f.left));
    const chosen = fixes.filter((f) => f.left === best);
    if (chosen.length !== 1) break;
    const fix = chosen[0]!;
    setPath(report, fix.path, fix.to);
    report.diagnostics.push({
      code: "repaired-by-arithmetic",
      severity: "info",
      message: `识别为 ${fix.from}，按表内合计关系取识别的另一读法 ${fix.to} / read as ${fix.from}; the table's sums hold with the recogniser's other reading ${fix.to}`,
      path: fix.path,
      ...(report.locations[fix.path] ? { start: report.locations[fix.path]!.start, end: report.locations[fix.path]!.end } : {}),
    });
    broken = brokenSums(report);
  }
  const doubted = new Set<string>();
  for (const sum of broken) {
    for (const path of sum.paths) {
      const piece = pieceOf.get(path);
      if (piece && piece.confidence < SURE && typeof getPath(report, path) === "number") doubted.add(path);
    }
  }
  for (const path of doubted) {
    const piece = pieceOf.get(path)!;
    setPath(report, path, null);
    report.diagnostics.push(uncertain(report, path, piece.text, piece.confidence, "表内合计关系不成立 / the table's sums do not hold"));
  }
}
