/**
 * The template's section headings: the six numerals and the words each heading
 * carries. `四、结转下年度继续办理` is a row of table 3, not section 4: a heading
 * must carry its section's words.
 */
import { toHalfWidth } from "../text/cell-value.js";
import { isWhitespaceCode } from "../text/code-units.js";

const NUMERALS = ["一", "二", "三", "四", "五", "六"] as const;

/** Words a heading of each section carries (after its numeral), loosely. */
const HEADING_WORDS: readonly RegExp[] = [
  /^(总体情况|概述|总体|基本情况)/,
  /^(主动公开)/,
  /^(收到和处理|依申请|政府信息公开申请)/,
  /^(政府信息公开)?(行政复议|行政诉讼|因政府信息公开)/,
  /^(存在的?主要问题|存在问题|政府信息公开工作存在|主要问题|问题及|存在的不足)/,
  /^(其他需要报告|其它需要报告|其他事项|其他需要说明)/,
];

/** A section's number in the template. */
export type SectionNumber = 1 | 2 | 3 | 4 | 5 | 6;

/** The six section headings as the State Council templates print them. */
export const SECTION_HEADINGS: Readonly<Record<SectionNumber, string>> = {
  1: "一、总体情况",
  2: "二、主动公开政府信息情况",
  3: "三、收到和处理政府信息公开申请情况",
  4: "四、政府信息公开行政复议、行政诉讼情况",
  5: "五、存在的主要问题及改进情况",
  6: "六、其他需要报告的事项",
};

/**
 * What of a block's text after its numeral a heading can use: its words and its phrase
 * (at most 44 characters of its first line) lie well inside it. Reading only this much keeps
 * the test of a long block (a glued report is one block) from copying the whole block.
 */
const HEADING_SPAN = 256;

/** Recognise a section heading at the start of a block's text. */
export function headingOf(text: string): { number: SectionNumber; heading: string } | null {
  const at = numeralAt(text);
  if (at < 0) return null;
  const head = text.length > at + HEADING_SPAN ? text.slice(0, at + HEADING_SPAN) : text;
  const t = toHalfWidth(head).trimStart().replace(/^[#*\s]+/, "");
  const m = /^([一二三四五六])\s*[、.,，．]\s*/.exec(t);
  if (!m) return null;
  const n = NUMERALS.indexOf(m[1] as (typeof NUMERALS)[number]);
  const rest = t.slice(m[0].length).replace(/\s+/g, "");
  if (!HEADING_WORDS[n]!.test(rest)) return null;
  const line = head.trim().split(/\n/)[0]!;
  const phrase = /^[^\n。；;]{0,40}?(情况|事项|措施|不足)/.exec(line);
  const heading = phrase ? phrase[0] : line.slice(0, 40);
  return { number: (n + 1) as SectionNumber, heading: heading.trim() };
}

/**
 * Cheap test before the full one: where the first character after spaces, `#` and `*` is,
 * when it is 一…六; else -1.
 */
function numeralAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // `#`, `*`, their full-width forms and the zero-width space are dropped like spaces
    if (c === 0x23 || c === 0x2a || c === 0xff03 || c === 0xff0a || c === 0x200b || isWhitespaceCode(c)) continue;
    return NUMERALS.includes(text[i] as (typeof NUMERALS)[number]) ? i : -1;
  }
  return -1;
}
