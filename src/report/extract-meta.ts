/**
 * Title, organization and year of a report, from its title line, a 发布机构 field
 * or the narrative.
 */
import type { ReportMeta } from "../types.js";
import type { TextBlock } from "../tokenize/types.js";
import { toHalfWidth } from "../text/cell-value.js";

const TITLE_WORDS = /政府信息公开(?:工作)?(?:年度)?(?:报告|年报)/;
const ORGAN_SUFFIX =
  "(?:人民政府办公厅|人民政府办公室|人民政府|管理委员会|委员会|管委会|办公厅|办公室|街道办事处|办事处|局|委|办|厅|院|署|中心|镇|乡|街道|区|县|市|所|站|队|会)";
/** A sentence opening with a year, then the organ: `2021年，区经信局扎实推进…`. */
const YEAR_OPENING = /(?:^|[。；\n])\s*(?:20\d{2}|二〇..)\s*年度?[,，]?\s*((?!我|本|全|各)[\u4e00-\u9fa5]{2,30})/gu;
/** Words that start what the organ did: the organ's name ends before them. */
const ACTION = /(认真|扎实|坚持|深入|全面|积极|不断|持续|进一步|围绕|紧紧|高度|严格|切实|根据|立足|聚焦|主动|通过|始终|继续|依法|牢固|按照|以|在|对|将|把|为|从|于|未|无|没有|收到|受理)/u;
const ENDS_WITH_ORGAN = new RegExp(`^[\\u4e00-\\u9fa5]*?${ORGAN_SUFFIX}`, "u");
/** A text ending in an organ word. */
const ORGAN_AT_END = new RegExp(`${ORGAN_SUFFIX}$`);
const ORGAN_AT_END_U = new RegExp(`${ORGAN_SUFFIX}$`, "u");
const PUBLISHER = /(?:发布机构|发文机关|发布单位|来源)[:：]\s*([\u4e00-\u9fa5]{2,30}?)(?=\s|$|[，。|])/;

/**
 * Extract the metadata. `head` is the blocks before section 1 (where a title stands);
 * `all` every block (for the organization stated in the text).
 */
export function extractMeta(
  head: readonly TextBlock[],
  all: readonly TextBlock[],
  documentTitle?: TextBlock,
): Pick<ReportMeta, "title" | "organization" | "year"> {
  const title = findTitle(head) ?? (documentTitle ? titleFromBlock(documentTitle) : null);
  const titleText = title?.text ?? null;
  const year = (titleText ? yearOf(titleText) : null) ?? yearFromText(all);
  const organization = (titleText ? organizationFromTitle(titleText) : null) ?? publisherOf(head) ?? organizationFromText(all);
  return { title: titleText, organization, year };
}

function findTitle(blocks: readonly TextBlock[]): { text: string; start: number; end: number } | null {
  const head = blocks.slice(0, 12);
  for (let i = 0; i < head.length; i++) {
    const block = head[i]!;
    const t = titleFromBlock(block);
    if (t) return t;
    // a title wrapped over two lines: "2025 年上海市人民政府办公厅政府信息公开" + "工作年度报告",
    // or the organ on a line of its own: "淮安市人民政府" + "2024 年政府信息公开工作年度报告"
    const next = head[i + 1];
    if (next && block.text.trim().length <= 30 && ORGAN_AT_END.test(block.text.trim())) {
      const after = titleFromBlock(next);
      if (after && /^\s*(?:20|19)\d{2}\s*年/.test(after.text)) {
        return { text: `${block.text.trim()}${after.text}`, start: block.start, end: after.end };
      }
    }
    if (next && block.text.length <= 40 && next.text.length <= 20 && /政府信息公开/.test(block.text)) {
      const joined = titleFromBlock({ text: block.text + next.text.trim(), start: block.start, end: next.end });
      if (joined) return { ...joined, start: block.start, end: next.end };
    }
  }
  return null;
}

/** A title is a short block naming the report, or a whitespace-free token of a longer block. */
function titleFromBlock(block: TextBlock): { text: string; start: number; end: number } | null {
  if (!TITLE_WORDS.test(block.text) || !/\d{4}|二〇/.test(block.text)) return null;
  const raw = block.text.trim().replace(/^#+\s*/, "").replace(/\*\*/g, "");
  const label = /^[\u4e00-\u9fa5]{1,4}[:：]\s*/.exec(raw);
  const text = label ? raw.slice(label[0].length) : raw;
  if (text.length <= 60 && !/[。；]/.test(text)) {
    const start = block.end - text.length;
    return { text, start, end: block.end };
  }
  const re = /\S+/g;
  for (let m = re.exec(block.text); m; m = re.exec(block.text)) {
    const token = m[0];
    if (TITLE_WORDS.test(token) && /\d{4}/.test(token) && token.length <= 60) {
      const cut = token.replace(/^.*[:：]/, "");
      const start = block.start + m.index + (token.length - cut.length);
      return { text: cut, start, end: start + cut.length };
    }
  }
  return null;
}

function yearOf(text: string): number | null {
  const m = /(20\d{2}|19\d{2})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}

/** `XX局2024年…报告` or `2024年XX局…报告`. */
export function organizationFromTitle(title: string): string | null {
  const t = toHalfWidth(title).replace(/\s+/g, "");
  const before = /^(.{2,40}?)(?:关于)?(?:20\d{2}|19\d{2})年/.exec(t);
  if (before) return before[1]!;
  const after = /^(?:20\d{2}|19\d{2})年度?(.{2,40}?)(?:政府信息公开|信息公开)/.exec(t);
  if (after && ORGAN_AT_END.test(after[1]!)) return after[1]!;
  return null;
}

function publisherOf(blocks: readonly TextBlock[]): string | null {
  for (const b of blocks.slice(0, 12)) {
    const m = PUBLISHER.exec(b.text);
    if (m && ORGAN_AT_END.test(m[1]!)) return m[1]!;
  }
  return null;
}

function organizationFromText(blocks: readonly TextBlock[]): string | null {
  for (const b of blocks) {
    for (const m of toHalfWidth(b.text).matchAll(YEAR_OPENING)) {
      const organ = organFrom(m[1]!);
      if (organ) return organ;
    }
  }
  return null;
}

/** The organ at the start of a clause: up to the first action word, the longest part ending in an organ word. */
function organFrom(clause: string): string | null {
  const action = ACTION.exec(clause);
  const head = action ? clause.slice(0, action.index) : clause;
  for (let end = head.length; end >= 2; end--) {
    const candidate = head.slice(0, end);
    if (ORGAN_AT_END_U.test(candidate) && ENDS_WITH_ORGAN.test(candidate)) return candidate;
  }
  return null;
}

/** The statistical period, or else the year the text mentions most. */
function yearFromText(blocks: readonly TextBlock[]): number | null {
  const counts = new Map<number, number>();
  for (const b of blocks) {
    const t = toHalfWidth(b.text);
    const period = /(?:统计期限|统计时限|统计期间|统计时间)[^。]*?(20\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(t);
    if (period) return Number(period[1]);
    for (const m of t.matchAll(/(20\d{2})\s*年/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, c] of counts) if (c > bestCount || (c === bestCount && best !== null && y > best)) { best = y; bestCount = c; }
  return best;
}
