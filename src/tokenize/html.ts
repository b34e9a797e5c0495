/**
 * `html`: a saved web page or an HTML fragment, the report's tables written as
 * `<table>` with rowspan/colspan, cells wrapped in `<p>`/`<span>`/`<font>`,
 * blanks as `&nbsp;` (TRS/CMS article pages, Word's "save as web page").
 *
 * Tables whose cells hold report content become grids (merged cells appear once,
 * with their spans); a layout table wrapping the report is read through. Text
 * outside the tables becomes one block per paragraph, heading, list item or
 * `<br>`-separated line; scripts, styles, `<head>` and page chrome (navigation,
 * headers, footers, breadcrumbs) are left out. `<title>` is `documentTitle`.
 * Offsets point into the HTML source.
 */
import type { LayoutModule, Tokenized } from "./types.js";
import { parseHtmlTree } from "./html-tree.js";
import { readHtmlTree } from "./html-reader.js";

function tokenize(text: string): Tokenized {
  try {
    const reading = readHtmlTree(parseHtmlTree(text));
    const out: Tokenized = { layout: "html", tables: reading.tables, blocks: reading.blocks, diagnostics: reading.diagnostics };
    if (reading.title) out.documentTitle = reading.title;
    return out;
  } catch (error) {
    return {
      layout: "html",
      tables: [],
      blocks: [],
      diagnostics: [
        {
          code: "truncated",
          severity: "error",
          message: `无法读取HTML / the HTML could not be read: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

/**
 * How much the text is an HTML page with tables: near 1 for `<table>` with many
 * cells, low for HTML without tables, 0 for text with a stray `<`.
 */
function detect(text: string): number {
  const counts = countTags(text);
  const tables = counts.get("table") ?? 0;
  const cells = (counts.get("td") ?? 0) + (counts.get("th") ?? 0);
  const rows = counts.get("tr") ?? 0;
  if (tables > 0 && cells > 0) return Math.min(1, 0.7 + 0.3 * Math.min(1, (cells + rows) / 30));
  if (cells > 0 && rows > 0) return 0.5;
  let structure = 0;
  for (const name of ["html", "body", "p", "div", "br", "span"]) if ((counts.get(name) ?? 0) > 0) structure++;
  if (structure === 0) return 0;
  const markers = (counts.get("p") ?? 0) + (counts.get("div") ?? 0) + (counts.get("br") ?? 0);
  return Math.min(0.3, 0.05 * structure + 0.01 * markers);
}

const COUNTED = new Set(["table", "td", "th", "tr", "html", "body", "p", "div", "br", "span"]);

/**
 * Count start tags by name, case-insensitively, in one pass: `<name` followed by whitespace,
 * `>` or `/` (so `<th` is not counted in `<thead`). Only the names {@link detect} reads.
 */
function countTags(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
    let j = i + 1;
    let name = "";
    while (j < text.length && j - i <= 6) {
      const c = text.charCodeAt(j);
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57 && name.length > 0)) {
        name += String.fromCharCode(lower);
        j++;
      } else break;
    }
    if (name === "" || !COUNTED.has(name)) continue;
    const c = text.charCodeAt(j);
    if (c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13 || c === 12) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** The `html` layout. */
export const html: LayoutModule = { layout: "html", detect, tokenize };
