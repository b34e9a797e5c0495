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

const COUNTED = ["table", "td", "th", "tr", "html", "body", "p", "div", "br", "span"];

/** A tag name of letters as a number (five bits a letter, `a` = 1): no two names share one. */
function nameKey(name: string): number {
  let key = 0;
  for (let i = 0; i < name.length; i++) key = key * 32 + (name.charCodeAt(i) - 96);
  return key;
}

const COUNTED_BY_KEY = new Map(COUNTED.map((name) => [nameKey(name), name]));

/**
 * Count start tags by name, case-insensitively, in one pass: `<name` followed by whitespace,
 * `>` or `/` (so `<th` is not counted in `<thead`). Only the names {@link detect} reads.
 * Counting stops once a table with thirty cells and rows is seen: {@link detect} gives 1 then,
 * whatever follows.
 */
function countTags(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = text.indexOf("<"); i >= 0; i = text.indexOf("<", i + 1)) {
    const name = countedTagAt(text, i);
    if (name === null) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (name.length <= 2 || name === "table") {
      const cells = (counts.get("td") ?? 0) + (counts.get("th") ?? 0);
      if ((counts.get("table") ?? 0) > 0 && cells > 0 && cells + (counts.get("tr") ?? 0) >= 30) break;
    }
  }
  return counts;
}

/** The counted name of the start tag whose `<` is at `i`, or null. */
function countedTagAt(text: string, i: number): string | null {
  // a name is letters then digits; the counted ones are letters only, at most five
  let key = 0;
  let j = i + 1;
  for (; j < text.length && j - i <= 5; j++) {
    const c = text.charCodeAt(j);
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    if (lower < 97 || lower > 122) break;
    key = key * 32 + (lower - 96);
  }
  const name = COUNTED_BY_KEY.get(key);
  if (name === undefined) return null;
  const c = text.charCodeAt(j);
  return c === 62 || c === 47 || c === 32 || c === 9 || c === 10 || c === 13 || c === 12 ? name : null;
}

/** The `html` layout. */
export const html: LayoutModule = { layout: "html", detect, tokenize };
