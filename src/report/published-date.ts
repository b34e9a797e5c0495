/**
 * `meta.published`: when the report was published, from (best first) a 发布日期/发布时间
 * field of the web page, the page's `<meta name="PubDate">`, a 成文日期 field, a bare
 * 时间/日期 field above the report, or the date under the closing signature.
 */
import type { Section } from "../types.js";
import type { TextBlock } from "../tokenize/types.js";
import { DATE_SOURCE, dateAt, dateAtStart, findDates } from "../text/dates.js";

/** Where a publication date was read. */
export type PublishedSource = "field" | "page-meta" | "written" | "signature";

/** A publication date with the span it was read from (offsets into the parsed text). */
export interface PublishedDate {
  date: string;
  start: number;
  end: number;
  /** The date as written. */
  text: string;
  from: PublishedSource;
}

/** Labels of the publication date on government web pages, best first. */
const PUBLISHED_LABELS = /(?:发布日期|发布时间|公开日期|公开时间|发文日期|印发日期|发布于)\s*[:：]?\s*/gu;
/** The date the document was signed (gov.cn pages show it beside 发布日期). */
const WRITTEN_LABELS = /成文日期\s*[:：]?\s*/gu;
/** A bare label, read only above the report (the page's article header: `来源：… 时间：2024-03-08`). */
const BARE_LABELS = /(?<![\u4e00-\u9fa5])(?:时间|日期)\s*[:：]\s*/gu;
/** `<meta name="PubDate" content="2024-03-08 15:34">` (the attribute order varies). */
const PAGE_META = /<meta\b[^>]{0,300}?\bname\s*=\s*["']?(?:PubDate|pubdate|publishdate|firstpublishedtime|og:release_date|article:published_time)["']?[^>]{0,300}>/giu;
const CONTENT = /\bcontent\s*=\s*["']([^"']*)["']/iu;
/** What may stand before the date in a signature line: the organ's name. */
const SIGNATURE_LEAD = /^[\u4e00-\u9fa5（）()、\s]{0,40}$/u;
/** Words of a period or a statement, not of a signature (`统计截至2024年12月31日`, `期限为2024年…`). */
const NOT_SIGNATURE = /[至止为于到是在起自从]\s*$|统计|期限|时限|截至|截止|期间|以来/u;
const SIGNATURE_DATE = new RegExp(`${DATE_SOURCE}\\s*$`, "u");

/**
 * The publication date of a report. `blocks` are the narrative blocks in document
 * order, `head` those above section 1, `sections` the report's sections.
 */
export function findPublished(
  text: string,
  blocks: readonly TextBlock[],
  head: readonly TextBlock[],
  sections: readonly Section[],
): PublishedDate | null {
  return (
    labelled(text, blocks, PUBLISHED_LABELS, "field") ??
    pageMeta(text) ??
    labelled(text, blocks, WRITTEN_LABELS, "written") ??
    labelled(text, head, BARE_LABELS, "field") ??
    signature(text, blocks, sections)
  );
}

/**
 * The first block with `label` followed by a date — in the same block, or at the start of the
 * next one when the label ends its block (`<td>发布日期：</td><td>2025-01-20</td>`).
 */
function labelled(text: string, blocks: readonly TextBlock[], label: RegExp, from: PublishedSource): PublishedDate | null {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const t = block.text;
    label.lastIndex = 0;
    for (let m = label.exec(t); m; m = label.exec(t)) {
      const after = m.index + m[0].length;
      const found = dateAt(t, after);
      if (found !== null) return located(text, block, t.slice(found.start, found.end), found.start, found.date, from);
      const next = blocks[i + 1];
      if (next === undefined || t.length - after > 200 || t.slice(after).trim() !== "") continue;
      const below = dateAtStart(next.text);
      if (below !== null) return located(text, next, next.text.slice(below.start, below.end), below.start, below.date, from);
    }
  }
  return null;
}

/** The date of a `<meta name="PubDate" content="…">` tag of an HTML page, located in the raw text. */
function pageMeta(text: string): PublishedDate | null {
  if (!text.includes("<meta") && !text.includes("<META")) return null;
  PAGE_META.lastIndex = 0;
  for (let m = PAGE_META.exec(text); m; m = PAGE_META.exec(text)) {
    const content = CONTENT.exec(m[0]);
    if (!content) continue;
    const found = dateAtStart(content[1]!);
    if (found === null) continue;
    const start = m.index + content.index + content[0].indexOf(content[1]!) + found.start;
    return { date: found.date, start, end: start + (found.end - found.start), text: content[1]!.slice(found.start, found.end), from: "page-meta" };
  }
  return null;
}

/**
 * The date under the closing signature: the last block after the start of the last section
 * that is a date alone, or an organ's name then a date (`某某局 2025年1月20日`).
 */
function signature(text: string, blocks: readonly TextBlock[], sections: readonly Section[]): PublishedDate | null {
  const last = sections[sections.length - 1];
  if (last === undefined) return null;
  const tail = blocks.filter((b) => b.start >= last.start).slice(-6);
  for (let i = tail.length - 1; i >= 0; i--) {
    const block = tail[i]!;
    const t = block.text.replace(/\s+$/u, "");
    if (t.length > 80) continue;
    const m = SIGNATURE_DATE.exec(t);
    const lead = m ? t.slice(0, m.index) : "";
    if (!m || !SIGNATURE_LEAD.test(lead) || NOT_SIGNATURE.test(lead)) continue;
    const found = findDates(t.slice(m.index))[0];
    if (found === undefined) continue;
    const written = t.slice(m.index + found.start, m.index + found.end);
    return located(text, block, written, m.index + found.start, found.date, "signature");
  }
  return null;
}

/**
 * The span of `written` found at `offset` of a block's text: exact when the block's text is
 * the source's own slice, else the first occurrence of `written` inside the block's span of the
 * source (HTML, where markup lies between), else the block's span.
 */
function located(
  text: string,
  block: TextBlock,
  written: string,
  offset: number,
  date: string,
  from: PublishedSource,
): PublishedDate {
  if (text.slice(block.start, block.end) === block.text) {
    const start = block.start + offset;
    return { date, start, end: start + written.length, text: written, from };
  }
  const at = text.indexOf(written, block.start);
  if (at >= 0 && at + written.length <= block.end) return { date, start: at, end: at + written.length, text: written, from };
  return { date, start: block.start, end: block.end, text: written, from };
}
