/**
 * Renders a report's three tables as an HTML page or fragment, the way CMS and
 * Word pages write them, with structure chosen by a seeded random generator:
 * rowspan/colspan variants of the headers and group labels, cells wrapped in
 * nested inline tags, numbers split across spans, `&nbsp;` blanks, `<br>` in
 * labels, Word markup, a page layout table around the report, page chrome.
 *
 * Pure: the same values, template and options give the same HTML. The value
 * cells come out in table order (row by row, left to right), one cell per
 * value; every header row ends with a text cell, so the cells after a row's last
 * text cell are exactly its values. When some `applications.*.orgSubtotal` is a
 * number, table 三 prints a 法人或其他组织「小计」column after 其他.
 */
import {
  ACTIVE_ROWS,
  APPEAL_COLUMNS,
  APPLICANT_COLUMNS,
  APPLICANT_COLUMNS_WITH_SUBTOTAL,
  rowsOf,
  type RowSpec,
  type TableTemplate,
} from "../../src/template/templates.js";
import { seededRandom } from "./seeded-random.js";

/** What the renderer varies; every choice not forced here is drawn from `seed`. */
export interface RenderHtmlOptions {
  /** Seed of the generator that draws every structural choice. */
  seed: number;
  /** A whole page with `<head>`, `<title>`, scripts and chrome (default: drawn). */
  page?: boolean;
  /** Wrap the report in a one-cell page layout table (default: drawn). */
  layoutTable?: boolean;
  /** Word export markup: `<o:p>`, `mso-` styles, conditional comments (default: drawn). */
  word?: boolean;
  /** Title of the page (default `某某县2023年政府信息公开工作年度报告`). */
  title?: string;
}

type Rng = () => number;

const generator = seededRandom;

interface Style {
  rng: Rng;
  word: boolean;
}

function chance(s: Style, p: number): boolean {
  return s.rng() < p;
}

function pick<T>(s: Style, items: readonly T[]): T {
  return items[Math.floor(s.rng() * items.length)]!;
}

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && ch.charCodeAt(0) >= 0x2e80;
}

function escapeText(text: string): string {
  let out = "";
  for (const ch of text) out += ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : ch;
  return out;
}

/** Wrap content in 0–3 nested inline tags (or a paragraph), as editors do. */
function wrapInline(s: Style, html: string): string {
  let out = html;
  const depth = Math.floor(s.rng() * 4);
  for (let i = 0; i < depth; i++) {
    const tag = pick(s, ["span", "font", "strong", "b", "p", "span"]);
    const attrs =
      tag === "span"
        ? pick(s, ["", ` style="font-size:14px"`, s.word ? ` style='font-family:宋体;mso-bidi-font-size:10.5pt'` : ` lang="EN-US"`])
        : tag === "font"
          ? ` face="宋体"`
          : tag === "p"
            ? pick(s, ["", ` style="text-indent: 0em;"`, ` class=MsoNormal align=center`])
            : "";
    out = `<${tag}${attrs}>${out}</${tag}>`;
  }
  if (s.word && chance(s, 0.5)) out += "<o:p></o:p>";
  return out;
}

/**
 * A label: escaped, sometimes split across spans between two CJK characters, and in
 * cells (`breaks`) sometimes broken by `<br>` there.
 */
function labelHtml(s: Style, label: string, breaks = true): string {
  const chars = [...label];
  let out = "";
  const splits = breaks ? ["<br>", "<br/>", "</span><span>", "<br />\n"] : ["</span><span>"];
  for (let i = 0; i < chars.length; i++) {
    out += escapeText(chars[i]!);
    if (i < chars.length - 1 && isCjk(chars[i]) && isCjk(chars[i + 1]) && chance(s, 0.04)) out += pick(s, splits);
  }
  const padded = chance(s, 0.2) ? `&nbsp;${out}` : out;
  return wrapInline(s, out.includes("</span><span>") ? `<span>${padded}</span>` : padded);
}

/** A value: digits (sometimes split across spans), or a blank marker for `null`. */
function valueHtml(s: Style, value: number | null): string {
  if (value === null) return pick(s, ["", "&nbsp;", "&nbsp;&nbsp;", "/", "—", "-", "<o:p>&nbsp;</o:p>", " "]);
  const digits = String(value);
  let body = escapeText(digits);
  if (digits.length > 1 && chance(s, 0.25)) {
    const cut = 1 + Math.floor(s.rng() * (digits.length - 1));
    body = `<span>${digits.slice(0, cut)}</span><span>${digits.slice(cut)}</span>`;
  }
  if (chance(s, 0.15)) body = `&nbsp;${body}&nbsp;`;
  return wrapInline(s, body);
}

function td(s: Style, content: string, rowSpan = 1, colSpan = 1): string {
  const q = (n: number) => (chance(s, 0.3) ? String(n) : `"${n}"`);
  const rs = rowSpan > 1 ? ` rowspan=${q(rowSpan)}` : "";
  const cs = colSpan > 1 ? ` colspan=${q(colSpan)}` : "";
  const style = s.word ? ` style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'` : chance(s, 0.3) ? ` valign="center"` : "";
  return `<td${rs}${cs}${style}>${content}</td>`;
}

function tr(s: Style, cells: string[]): string {
  return `<tr${s.word ? " style='mso-yfti-irow:0'" : ""}>${cells.join("")}</tr>\n`;
}

function table(s: Style, rows: string[]): string {
  const attrs = s.word ? ` class=MsoNormalTable border=1 cellspacing=0 cellpadding=0` : ` border="1" cellspacing="0"`;
  const body = rows.join("");
  return `<table${attrs}>${chance(s, 0.5) ? `<tbody>${body}</tbody>` : body}</table>\n`;
}

function valueOf(values: Record<string, number | null>, path: string): number | null {
  const v = values[path];
  return v === undefined ? null : v;
}

/** Table 2: per group a row of its label (or a left cell spanning the group), a header row, the data rows. */
function activeTable(s: Style, values: Record<string, number | null>, template: TableTemplate): string {
  const specs = ACTIVE_ROWS.filter((r) => r.templates.includes(template));
  const groups: RowSpec[][] = [];
  for (const spec of specs) {
    const last = groups[groups.length - 1];
    if (last && last[0]!.group === spec.group) last.push(spec);
    else groups.push([spec]);
  }
  const side = chance(s, 0.3);
  const rows: string[] = [];
  for (const group of groups) {
    const columns = group[0]!.columns;
    const header = [td(s, labelHtml(s, "信息内容"))];
    columns.forEach((c, i) => header.push(td(s, labelHtml(s, c.label), 1, i === columns.length - 1 ? 4 - columns.length : 1)));
    const groupCell = td(s, labelHtml(s, group[0]!.group ?? ""), side ? group.length + 1 : 1, side ? 1 : 4);
    if (side) rows.push(tr(s, [groupCell, ...header]));
    else rows.push(tr(s, [groupCell]), tr(s, header));
    for (const spec of group) {
      const cells = [td(s, labelHtml(s, spec.label))];
      spec.columns.forEach((c, i) => {
        const v = valueOf(values, `activeDisclosure.${spec.path}.${c.key}`);
        cells.push(td(s, valueHtml(s, v), 1, i === spec.columns.length - 1 ? 4 - spec.columns.length : 1));
      });
      rows.push(tr(s, cells));
    }
  }
  return table(s, rows);
}

/** True when the values print a 小计 column in table 三 (some orgSubtotal is a number). */
function hasSubtotal(values: Record<string, number | null>): boolean {
  return Object.entries(values).some(([p, v]) => p.startsWith("applications.") && p.endsWith(".orgSubtotal") && typeof v === "number");
}

/** Table 3's header rows, in one of two shapes (rowspans under 自然人/总计, or a leading empty cell). */
function applicationHeader(s: Style, subtotal: boolean): string[] {
  const corner = chance(s, 0.5) ? labelHtml(s, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）") : "";
  const orgColumns = (subtotal ? APPLICANT_COLUMNS_WITH_SUBTOTAL : APPLICANT_COLUMNS).slice(1, -1);
  const orgs = orgColumns.map((c) => td(s, labelHtml(s, c.label)));
  const spanned = chance(s, 0.5);
  return [
    tr(s, [td(s, corner, 3, 3), td(s, labelHtml(s, "申请人情况"), 1, orgColumns.length + 2)]),
    tr(s, [td(s, labelHtml(s, "自然人"), spanned ? 2 : 1), td(s, labelHtml(s, "法人或其他组织"), 1, orgColumns.length), td(s, labelHtml(s, "总计"), 2)]),
    tr(s, spanned ? orgs : [td(s, ""), ...orgs]),
  ];
}

const OUTCOME_GROUP = "三、本年度办理结果";

/** Table 3: header rows, then one row per template row with its group labels as rowspan cells or inline. */
function applicationTable(s: Style, values: Record<string, number | null>, template: TableTemplate): string {
  const specs = rowsOf("applications", template);
  const outcome = specs.filter((r) => r.group !== undefined);
  const subgroupsInline = chance(s, 0.3);
  const outcomeHeaderRow = chance(s, 0.25);
  const subtotal = hasSubtotal(values);
  const columns = subtotal ? APPLICANT_COLUMNS_WITH_SUBTOTAL : APPLICANT_COLUMNS;
  const rows = applicationHeader(s, subtotal);
  const valueCells = (spec: RowSpec) => columns.map((c) => td(s, valueHtml(s, valueOf(values, `applications.${spec.path}.${c.key}`))));
  if (outcomeHeaderRow) rows.push(tr(s, [td(s, labelHtml(s, OUTCOME_GROUP), 1, columns.length + 3)]));
  let outcomeIndex = 0;
  for (const spec of specs) {
    if (spec.group === undefined) {
      rows.push(tr(s, [td(s, labelHtml(s, spec.label), 1, 3), ...valueCells(spec)]));
      continue;
    }
    const cells: string[] = [];
    if (!outcomeHeaderRow && outcomeIndex === 0) cells.push(td(s, labelHtml(s, OUTCOME_GROUP), outcome.length));
    const width = outcomeHeaderRow ? 3 : 2;
    if (spec.group === OUTCOME_GROUP) {
      cells.push(td(s, labelHtml(s, spec.label), 1, width));
    } else if (subgroupsInline) {
      cells.push(td(s, labelHtml(s, `${spec.group}${spec.label}`), 1, width));
    } else {
      const members = outcome.filter((r) => r.group === spec.group);
      if (members[0] === spec) cells.push(td(s, labelHtml(s, spec.group), members.length, width - 1));
      cells.push(td(s, labelHtml(s, spec.label)));
    }
    rows.push(tr(s, [...cells, ...valueCells(spec)]));
    outcomeIndex++;
  }
  return table(s, rows);
}

/** Table 4: three header rows (rowspans under 行政复议, or leading empty cells) and one row of 15 values. */
function appealTable(s: Style, values: Record<string, number | null>): string {
  const spanned = chance(s, 0.5);
  const labels = () => APPEAL_COLUMNS.map((c) => td(s, labelHtml(s, c.label), spanned ? 2 : 1));
  const plain = () => APPEAL_COLUMNS.map((c) => td(s, labelHtml(s, c.label)));
  const rows = [
    tr(s, [td(s, labelHtml(s, "行政复议"), 1, 5), td(s, labelHtml(s, "行政诉讼"), 1, 10)]),
    tr(s, [...labels(), td(s, labelHtml(s, "未经复议直接起诉"), 1, 5), td(s, labelHtml(s, "复议后起诉"), 1, 5)]),
    tr(s, [...(spanned ? [] : APPEAL_COLUMNS.map(() => td(s, ""))), ...plain(), ...plain()]),
  ];
  const cells: string[] = [];
  for (const row of ["review", "litigationDirect", "litigationAfterReview"]) {
    for (const c of APPEAL_COLUMNS) cells.push(td(s, valueHtml(s, valueOf(values, `appeals.${row}.${c.key}`))));
  }
  rows.push(tr(s, cells));
  return table(s, rows);
}

function paragraph(s: Style, text: string, heading = false): string {
  const inline = labelHtml(s, text, false);
  const inner = heading && chance(s, 0.5) ? `<strong>${inline}</strong>` : inline;
  if (s.word) return `<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><span style='font-family:仿宋_GB2312'>${inner}<o:p></o:p></span></p>\n`;
  return `<p style="text-indent: 2em;">${chance(s, 0.3) ? "&nbsp;" : ""}${inner}</p>\n`;
}

function body(s: Style, values: Record<string, number | null>, template: TableTemplate): string {
  return [
    paragraph(s, "一、总体情况", true),
    paragraph(s, "本年度，本机关认真贯彻落实《条例》，扎实推进政务公开工作。"),
    paragraph(s, "二、主动公开政府信息情况", true),
    activeTable(s, values, template),
    paragraph(s, "三、收到和处理政府信息公开申请情况", true),
    applicationTable(s, values, template),
    paragraph(s, "四、政府信息公开行政复议、行政诉讼情况", true),
    appealTable(s, values),
    paragraph(s, "五、存在的主要问题及改进情况", true),
    paragraph(s, "公开工作仍有不足，下一步将加强培训。"),
    paragraph(s, "六、其他需要报告的事项", true),
    paragraph(s, "本年度未收取信息处理费。"),
  ].join("");
}

/**
 * Render a report's tables (and a skeleton narrative) as HTML.
 *
 * @param values flat `path → value` (missing paths render as blanks, `null` as a blank marker)
 * @param template which template's rows and columns to write
 * @param options the seed, and choices to force instead of drawing them
 */
export function renderHtml(
  values: Record<string, number | null>,
  template: TableTemplate,
  options: RenderHtmlOptions,
): string {
  const rng = generator(options.seed);
  const word = options.word ?? rng() < 0.3;
  const s: Style = { rng, word };
  const page = options.page ?? chance(s, 0.6);
  const layoutTable = options.layoutTable ?? chance(s, 0.3);
  const title = options.title ?? "某某县2023年政府信息公开工作年度报告";
  let content = body(s, values, template);
  if (word) content = `<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->\n<div class=WordSection1 style='layout-grid:15.6pt'>${content}</div>`;
  else content = `<div class="TRS_Editor"><style>.TRS_Editor P{line-height:2;}</style>${content}</div>`;
  if (layoutTable) content = `<table width="100%" border="0"><tr><td class="bt_content">\n${content}</td></tr></table>`;
  if (!page) return content;
  return (
    `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${escapeText(title)}_政府信息公开年报</title>\n` +
    `<script>var t = "<td>1</td>";</script>\n<style>td { padding: 4px; }</style>\n</head>\n<body>\n` +
    `<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>\n` +
    `<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开年报</a></div>\n` +
    `<div class="article_title">${escapeText(title)}</div>\n${content}\n` +
    `<div class="footer"><p>主办单位：某某县人民政府办公室 ICP备12345678号</p></div>\n</body>\n</html>\n`
  );
}
