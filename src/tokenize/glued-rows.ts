/**
 * Finding the rows of glued tables: the template's row labels immediately followed
 * by a run of digits (`行政规范性文件6233440`, `（七）总计23 0 00 0 023`).
 *
 * Labels are matched on their Han characters only (spaces, quotes, brackets and
 * width do not matter: `三、本年度办 理结果` still matches), and only where digits
 * follow at once. A table is the longest chain of such labels in template order,
 * each close to the one before, so a label that also occurs in the narrative
 * (`规章`, `其他`) is taken where the table is.
 */
import type { Span, TableKind } from "../types.js";
import { rowsOf, type RowSpec, type TableTemplate } from "../report/templates.js";
import { labelKey } from "../report/normalize.js";
import { scanRun } from "../tables/split-digits.js";

/** The Han characters of a text and the offset of each. */
export interface HanIndex {
  han: string;
  pos: Int32Array;
}

/** A row found in the text. */
export interface FoundRow {
  spec: RowSpec;
  /** The label as written, its numbering included. */
  label: Span;
  /** Text between the previous row's values and this label (group labels, headers), if any. */
  lead: Span | null;
  /** The run of values after the label; `null` when no digit follows it. */
  run: Span | null;
}

/** A table 2 or table 3 found in the text. */
export interface FoundTable extends Span {
  kind: TableKind;
  header: Span | null;
  rows: FoundRow[];
}

/** Table 4: its header and its one run of values. */
export interface FoundAppeals extends Span {
  header: Span | null;
  run: Span;
}

/** What a scan of the text found. */
export interface GluedScan {
  template: TableTemplate;
  tables: FoundTable[];
  appeals: FoundAppeals | null;
}

const NEIGHBOUR_GAP = 320;
/** What the rest of a label found by its first characters may hold besides Han characters. */
const LABEL_PUNCTUATION = new Set("（）()、，,“”\"‘’:：;；· \u3000");
/** A figure of the narrative (`393件`, `2条`, `51.85%`), not a table row's values. */
const UNITS_AFTER = new Set("件条个项次人篇起家份年月日号名位余多%％");
const HEADER_CUES: Partial<Record<TableKind, readonly string[]>> = {
  activeDisclosure: ["第二十条", "信息内容"],
  applications: ["申请人情况", "自然人"],
};
const APPEAL_HEADER_CHARS = new Set("行政复议诉讼结果维持纠正其他尚未审结总计经直接起后");

const UTF16 = new TextDecoder("utf-16le");

/** True for what may close a label before its values: closing brackets and quotes, spaces and tabs. */
function isCloser(code: number): boolean {
  switch (code) {
    case 0x29: // )
    case 0xff09: // ）
    case 0x201d: // ”
    case 0x22: // "
    case 0x2019: // ’
    case 0x300d: // 」
    case 0x300f: // 』
    case 0x3011: // 】
    case 0x5d: // ]
    case 0x20: // space
    case 0x3000: // ideographic space
    case 0xa0: // no-break space
    case 0x09: // tab
      return true;
    default:
      return false;
  }
}

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007;
}

/** Index the Han characters of a text. */
export function hanIndex(text: string): HanIndex {
  return indexText(text).index;
}

/** The Han index of a text, and the indexes of its Han characters followed by something else (where a label may end). */
function indexText(text: string): { index: HanIndex; lastOfRuns: number[] } {
  const pos = new Int32Array(text.length);
  const codes = new Uint16Array(text.length);
  const lastOfRuns: number[] = [];
  let n = 0;
  let afterHan = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHan(code)) {
      codes[n] = code;
      pos[n++] = i;
      afterHan = true;
    } else if (afterHan) {
      lastOfRuns.push(n - 1);
      afterHan = false;
    }
  }
  return { index: { han: UTF16.decode(codes.subarray(0, n)), pos: pos.subarray(0, n) }, lastOfRuns };
}

/** True for what `/\s/` matches, by code. */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Han characters of a label without its numbering (`(七)总计` → `总计`). */
export function hanKey(label: string): string {
  let out = "";
  for (const c of labelKey(label)) if (isHan(c.charCodeAt(0))) out += c;
  return out;
}

const specKeys = new WeakMap<RowSpec, string>();

/** {@link hanKey} of a template row's label, computed once per row. */
function specKey(spec: RowSpec): string {
  let key = specKeys.get(spec);
  if (key === undefined) {
    key = hanKey(spec.label);
    specKeys.set(spec, key);
  }
  return key;
}

function isDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

/** Where a label key matched: the same for every row (and template) with that key. */
interface KeyMatch {
  keyStart: number;
  /** End of the label (closing brackets and quotes included). */
  labelEnd: number;
  run: Span;
}

interface Occurrence extends KeyMatch {
  row: number;
}

/**
 * Facts about one text that every row's search needs, found once per scan: its Han index,
 * the Han characters a run of values follows at once, and the matches of each key so far.
 */
interface ScanText {
  text: string;
  index: HanIndex;
  /**
   * The Han characters followed by a run of values (closers between), by character: their
   * Han indexes (ascending), where the label ends and the run.
   */
  runEnds: Map<number, Array<{ j: number; labelEnd: number; run: Span }>>;
  /** Matches by key (`1` + key for the first characters of a long key). */
  matches: Map<string, KeyMatch[]>;
}

/** `lastOfRuns`: the Han characters followed by something else (the others cannot end a label before its values). */
function scanText(text: string, index: HanIndex, lastOfRuns: readonly number[]): ScanText {
  const runEnds: ScanText["runEnds"] = new Map();
  for (const j of lastOfRuns) {
    const keyEnd = index.pos[j]! + 1;
    const match = runAfter(text, keyEnd, keyEnd);
    if (!match) continue;
    const code = index.han.charCodeAt(j);
    let list = runEnds.get(code);
    if (!list) runEnds.set(code, (list = []));
    list.push({ j, labelEnd: match.labelEnd, run: match.run });
  }
  return { text, index, runEnds, matches: new Map() };
}

/** The Han characters of an index followed by something else. */
function lastOfRunsIn(text: string, index: HanIndex): number[] {
  const out: number[] = [];
  for (let j = 0; j < index.pos.length; j++) {
    const next = index.pos[j]! + 1;
    if (next < text.length && !isHan(text.charCodeAt(next))) out.push(j);
  }
  return out;
}

/** The run of values at `e` (after closing brackets and spaces), and where the label before it ends. */
function runAfter(text: string, keyEnd: number, e: number): { labelEnd: number; run: Span } | null {
  while (e < text.length && isCloser(text.charCodeAt(e))) e++;
  const run = tableRun(text, e, Math.min(text.length, e + 400));
  if (!run || run.start !== e) return null;
  let labelEnd = e;
  while (labelEnd > keyEnd && isWhitespace(text.charCodeAt(labelEnd - 1))) labelEnd--;
  return { labelEnd, run };
}

/**
 * Places where the row's label is followed at once by digits. A long label that is not
 * found whole is looked for by its first characters, the rest of the written label
 * (shortened or reworded) running up to the digits.
 */
function occurrences(scan: ScanText, spec: RowSpec, row: number): Occurrence[] {
  const key = specKey(spec);
  if (key === "") return [];
  let found = keyMatches(scan, key, false);
  if (found.length === 0 && key.length > 6) found = keyMatches(scan, key.slice(0, 4), true);
  return found.map((m) => ({ row, keyStart: m.keyStart, labelEnd: m.labelEnd, run: m.run }));
}

function keyMatches(scan: ScanText, key: string, prefix: boolean): KeyMatch[] {
  const id = prefix ? `1${key}` : key;
  let found = scan.matches.get(id);
  if (!found) {
    found = prefix ? prefixMatches(scan, key) : wholeMatches(scan, key);
    scan.matches.set(id, found);
  }
  return found;
}

/** The key written without digits inside it (Han characters may be apart, but not far). */
function keyWritten(scan: ScanText, key: string, h: number): boolean {
  const keyStart = scan.index.pos[h]!;
  const keyEnd = scan.index.pos[h + key.length - 1]! + 1;
  if (keyEnd - keyStart > key.length * 2 + 8) return false;
  for (let i = keyStart; i < keyEnd; i++) if (isDigit(scan.text[i])) return false;
  return true;
}

/** The whole key followed at once by a run: only Han characters a run follows can end it. */
function wholeMatches(scan: ScanText, key: string): KeyMatch[] {
  const out: KeyMatch[] = [];
  const { han, pos } = scan.index;
  const last = key.length - 1;
  for (const m of scan.runEnds.get(key.charCodeAt(last)) ?? []) {
    const h = m.j - last;
    if (h < 0 || !han.startsWith(key, h) || !keyWritten(scan, key, h)) continue;
    out.push({ keyStart: pos[h]!, labelEnd: m.labelEnd, run: m.run });
  }
  return out;
}

/** The first characters of a long key, the rest of the label (Han characters, punctuation) up to a digit. */
function prefixMatches(scan: ScanText, key: string): KeyMatch[] {
  const { text, index } = scan;
  const out: KeyMatch[] = [];
  for (let h = index.han.indexOf(key); h >= 0; h = index.han.indexOf(key, h + 1)) {
    if (!keyWritten(scan, key, h)) continue;
    const keyEnd = index.pos[h + key.length - 1]! + 1;
    let e = keyEnd;
    const limit = Math.min(text.length, keyEnd + 48);
    while (e < limit && (isHan(text.charCodeAt(e)) || LABEL_PUNCTUATION.has(text[e]!))) e++;
    if (!isDigit(text[e])) continue;
    const m = runAfter(text, keyEnd, e);
    if (m) out.push({ keyStart: index.pos[h]!, labelEnd: m.labelEnd, run: m.run });
  }
  return out;
}

/**
 * The values after a label: a run of digits, without a last figure that belongs to the
 * narrative after it (`… 0 2024年`). `null` for a lone figure of the narrative (`393件`).
 */
function tableRun(text: string, from: number, limit: number): Span | null {
  const run = scanRun(text, from, limit);
  if (!run || !UNITS_AFTER.has(text[run.end] ?? "")) return run;
  let cut = run.end;
  while (cut > run.start && !isWhitespace(text.charCodeAt(cut - 1))) cut--;
  return cut > run.start ? trimmed(text, run.start, cut) : null;
}

/** The longest chain of occurrences in row order, each within reach of the one before. */
function longestChain(occ: Occurrence[]): Occurrence[] {
  occ.sort((a, b) => a.keyStart - b.keyStart || a.row - b.row);
  const best = new Array<number>(occ.length).fill(1);
  const prev = new Array<number>(occ.length).fill(-1);
  for (let i = 0; i < occ.length; i++) {
    const o = occ[i]!;
    for (let j = i - 1; j >= 0; j--) {
      const p = occ[j]!;
      if (o.keyStart - p.labelEnd > NEIGHBOUR_GAP * 4) break;
      if (p.row >= o.row || p.labelEnd > o.keyStart || o.keyStart - p.labelEnd > NEIGHBOUR_GAP) continue;
      if (best[j]! + 1 > best[i]!) {
        best[i] = best[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < occ.length; i++) if (end < 0 || best[i]! > best[end]!) end = i;
  const chain: Occurrence[] = [];
  for (let i = end; i >= 0; i = prev[i]!) chain.push(occ[i]!);
  return chain.reverse();
}

const numberings = new WeakMap<RowSpec, RegExp | null>();

/** The numbering of a row's label as it may be written before its key (`四 、`, `（ 一 ）`, `2.`), built once per row. */
function numberingOf(spec: RowSpec): RegExp | null {
  let pattern = numberings.get(spec);
  if (pattern === undefined) {
    const m = /^(?:([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\)|(\d+)\.)/.exec(spec.label);
    pattern = !m
      ? null
      : m[1]
        ? new RegExp(`${m[1]}\\s*[、.．]\\s*$`)
        : m[2]
          ? new RegExp(`[(（]\\s*${m[2]}\\s*[)）]\\s*$`)
          : new RegExp(`${m[3]}\\s*[.．、]\\s*$`);
    numberings.set(spec, pattern);
  }
  return pattern;
}

/** Where a row's label starts: its numbering (`2.`, `（一）`, `四、`) just before the key, if written. */
function labelStart(text: string, spec: RowSpec, keyStart: number): number {
  const pattern = numberingOf(spec);
  if (!pattern) return keyStart;
  const before = text.slice(Math.max(0, keyStart - 12), keyStart);
  const found = pattern.exec(before);
  return found ? keyStart - (before.length - found.index) : keyStart;
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end > start ? { start, end } : null;
}

/** Find one table's rows: the chain, then rows without digits between chained rows. */
function findTable(scan: ScanText, kind: TableKind, template: TableTemplate): FoundTable | null {
  const { text, index } = scan;
  const specs = rowsOf(kind, template);
  const occ = specs.flatMap((spec, row) => occurrences(scan, spec, row));
  const chain = longestChain(occ);
  if (chain.length === 0) return null;
  const rows: FoundRow[] = [];
  chain.forEach((o, k) => {
    const spec = specs[o.row]!;
    const start = labelStart(text, spec, o.keyStart);
    if (k > 0) fillGap(text, index, specs, chain[k - 1]!.row, o.row, rows, start);
    const prevEnd = rows.length > 0 ? rows[rows.length - 1]!.run?.end ?? rows[rows.length - 1]!.label.end : -1;
    rows.push({ spec, label: { start, end: o.labelEnd }, lead: prevEnd >= 0 ? trimmed(text, prevEnd, start) : null, run: null });
  });
  // runs: from each label to the next row's label
  rows.forEach((r, k) => {
    const limit = rows[k + 1]?.label.start ?? Math.min(text.length, r.label.end + 400);
    r.run = tableRun(text, r.label.end, limit);
    const next = rows[k + 1];
    if (next && r.run) next.lead = trimmed(text, r.run.end, next.label.start);
  });
  const first = rows[0]!;
  const header = findHeader(text, kind, first.label.start);
  const last = rows[rows.length - 1]!;
  return { kind, header, rows, start: header?.start ?? first.label.start, end: last.run?.end ?? last.label.end };
}

/** Rows of the template missing between two chained rows: their label without digits, if written. */
function fillGap(text: string, index: HanIndex, specs: readonly RowSpec[], from: number, to: number, rows: FoundRow[], limit: number): void {
  for (let r = from + 1; r < to; r++) {
    const prev = rows[rows.length - 1]!;
    const after = prev.label.end;
    const key = specKey(specs[r]!);
    let h = lowerBound(index.pos, after);
    h = index.han.indexOf(key, h);
    if (h < 0 || index.pos[h]! >= limit) continue;
    const keyStart = index.pos[h]!;
    const start = labelStart(text, specs[r]!, keyStart);
    let end = index.pos[h + key.length - 1]! + 1;
    while (end < limit && isCloser(text.charCodeAt(end)) && !isWhitespace(text.charCodeAt(end))) end++;
    rows.push({ spec: specs[r]!, label: { start, end }, lead: null, run: null });
  }
}

function lowerBound(pos: Int32Array, offset: number): number {
  let lo = 0;
  let hi = pos.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The header text before a table's first row: from its first cue word to the row. */
function findHeader(text: string, kind: TableKind, firstRow: number): Span | null {
  const from = Math.max(0, firstRow - 160);
  const window = text.slice(from, firstRow);
  let at = -1;
  for (const cue of HEADER_CUES[kind] ?? []) {
    const i = window.indexOf(cue);
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  return at < 0 ? null : trimmed(text, from + at, firstRow);
}

/** Table 4: `结果维持…总计` headers followed by one run of digits. */
function findAppeals(text: string, index: HanIndex, after: number): FoundAppeals | null {
  for (let h = index.han.indexOf("结果维持", lowerBound(index.pos, after)); h >= 0; h = index.han.indexOf("结果维持", h + 1)) {
    let i = index.pos[h]!;
    while (i < text.length && (APPEAL_HEADER_CHARS.has(text[i]!) || isWhitespace(text.charCodeAt(i)))) i++;
    if (!isDigit(text[i])) continue;
    const run = tableRun(text, i, Math.min(text.length, i + 400));
    if (!run) continue;
    const back = index.han.lastIndexOf("行政复议", h);
    const start = back >= 0 && h - back <= 12 ? index.pos[back]! : index.pos[h]!;
    return { header: trimmed(text, start, run.start), run, start, end: run.end };
  }
  return null;
}

/** Scan a text for glued tables, choosing the template whose rows it finds most of. */
export function scanGlued(text: string, index?: HanIndex): GluedScan {
  const indexed = index ? { index, lastOfRuns: lastOfRunsIn(text, index) } : indexText(text);
  index = indexed.index;
  const facts = scanText(text, index, indexed.lastOfRuns);
  let best: GluedScan | null = null;
  let bestScore = -1;
  for (const template of ["2021", "2019"] as const) {
    const tables: FoundTable[] = [];
    let score = 0;
    for (const kind of ["activeDisclosure", "applications"] as const) {
      const t = findTable(facts, kind, template);
      if (!t) continue;
      tables.push(t);
      score += t.rows.filter((r) => r.run).length;
    }
    if (score > bestScore) {
      bestScore = score;
      best = { template, tables, appeals: null };
    }
  }
  const scan = best!;
  const after = scan.tables.find((t) => t.kind === "applications")?.end ?? scan.tables[0]?.end ?? 0;
  scan.appeals = findAppeals(text, index, after);
  return scan;
}
