/**
 * Raw table grids as aligned text, for `xxgk tables`: one line per row, cells
 * padded to the column's display width (CJK characters count double).
 */
import type { Table } from "../types.js";
import type { LineIndex } from "./line-index.js";

/** Options of {@link renderTable}. */
export interface GridTextOptions {
  /** Longest cell shown, in display columns; longer cells are cut with `…` (`Infinity` = never). */
  maxCellWidth: number;
}

/** Display width of one code point: 2 for East Asian wide and full-width characters. */
function charWidth(code: number): number {
  if (code < 0x1100) return 1;
  const wide =
    code <= 0x115f ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}

/** Display width of a text in a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch.codePointAt(0)!);
  return width;
}

function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = "";
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch.codePointAt(0)!);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return `${out}…`;
}

/** A cell as shown: its text on one line (`·` when empty), with `⟨r2 c3⟩` for merged cells. */
export function cellLabel(text: string, rowSpan: number, colSpan: number, max: number): string {
  const shown = text.replace(/\s+/g, " ").trim();
  const spans = [rowSpan > 1 ? `r${rowSpan}` : "", colSpan > 1 ? `c${colSpan}` : ""].filter((s) => s !== "").join(" ");
  const body = truncate(shown === "" ? "·" : shown, max);
  return spans === "" ? body : `${body}⟨${spans}⟩`;
}

/** A heading line and the aligned rows of one grid. */
export function renderTable(table: Table, index: number, count: number, lines: LineIndex, options: GridTextOptions): string {
  const from = lines.locate(table.start).line;
  const to = lines.locate(Math.max(table.start, table.end - 1)).line;
  const heading =
    `table ${index + 1} of ${count} · ${table.kind ?? "unclassified"} · ${table.layout} · ` +
    `${table.rows.length} row${table.rows.length === 1 ? "" : "s"} · lines ${from}–${to} (offsets ${table.start}–${table.end})`;
  const labels = table.rows.map((row) => row.map((c) => cellLabel(c.text, c.rowSpan, c.colSpan, options.maxCellWidth)));
  const widths: number[] = [];
  for (const row of labels) row.forEach((label, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(label))));
  const numberWidth = String(labels.length).length;
  const body = labels.map((row, r) => {
    const cells = row.map((label, i) => label + " ".repeat(widths[i]! - displayWidth(label)));
    return `${String(r + 1).padStart(numberWidth)} │ ${cells.join(" │ ")}`.trimEnd();
  });
  return [heading, ...body].join("\n") + "\n";
}
