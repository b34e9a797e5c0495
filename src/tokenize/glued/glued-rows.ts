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
import type { Span, TableKind } from "../../types.js";
import { rowsOf, type RowSpec, type TableTemplate } from "../../template/templates.js";
import { labelKey } from "../../template/normalize.js";
import { runStartsAt, scanRun } from "./split-digits.js";
import { stringOfWellFormed } from "../../text/code-units.js";
import { boundedMemo } from "../../text/bounded-memo.js";

/** The Han characters of a text and the offset of each. */
export interface HanIndex {
  han: string;
  pos: Int32Array;
  /** The places in `han` of the characters a character other than Han follows (or that end the text): where a label may end. */
  lastOfRuns: number[];
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

const CLOSERS = new Set([")", "）", "”", "\"", "’", "」", "』", "】", "]", " ", "\u3000", "\u00a0", "\t"]);
/** {@link CLOSERS} by code unit: 1 for a closer. */
const CLOSER_TABLE = new Uint8Array(0x10000);
for (const c of CLOSERS) CLOSER_TABLE[c.charCodeAt(0)] = 1;
const NEIGHBOUR_GAP = 320;
/** What the rest of a label found by its first characters may hold besides Han characters. */
const LABEL_PUNCTUATION = new Set([..."（）()、，,“”\"‘’:：;；· \u3000"].map((c) => c.charCodeAt(0)));
/** A figure of the narrative (`393件`, `2条`, `51.85%`), not a table row's values. */
const UNITS_AFTER = new Set("件条个项次人篇起家份年月日号名位余多%％");
const HEADER_CUES: Partial<Record<TableKind, readonly string[]>> = {
  activeDisclosure: ["第二十条", "信息内容"],
  applications: ["申请人情况", "自然人"],
};
const APPEAL_HEADER_CHARS = new Set("行政复议诉讼结果维持纠正其他尚未审结总计经直接起后");

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || code === 0x3007;
}

/** Index the Han characters of a text. */
export function hanIndex(text: string): HanIndex {
  const { pos, codes } = scratch(text.length);
  const lastOfRuns: number[] = [];
  let n = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // most characters of a page are below the Han blocks
    if (c >= 0x3007 && isHan(c)) {
      codes[n] = c;
      pos[n++] = i;
      inRun = true;
    } else if (inRun) {
      lastOfRuns.push(n - 1);
      inRun = false;
    }
  }
  if (inRun) lastOfRuns.push(n - 1);
  return { han: stringOfWellFormed(codes.subarray(0, n)), pos: pos.slice(0, n), lastOfRuns };
}

/** Working arrays for {@link hanIndex}, reused up to this length. */
const SCRATCH_LIMIT = 1 << 20;
let scratchPos = new Int32Array(0);
let scratchCodes = new Uint16Array(0);

function scratch(length: number): { pos: Int32Array; codes: Uint16Array } {
  if (length > SCRATCH_LIMIT) return { pos: new Int32Array(length), codes: new Uint16Array(length) };
  if (scratchPos.length < length) {
    scratchPos = new Int32Array(length);
    scratchCodes = new Uint16Array(length);
  }
  return { pos: scratchPos, codes: scratchCodes };
}

/** Han characters of a label without its numbering (`(七)总计` → `总计`). */
export function hanKey(label: string): string {
  let out = "";
  for (const c of labelKey(label)) if (isHan(c.charCodeAt(0))) out += c;
  return out;
}

const specKeys = boundedMemo<string>(512, Infinity);

/** {@link hanKey} of a template row's label, computed once per label. */
function specKey(spec: RowSpec): string {
  return specKeys.get(spec.label, hanKey);
}

function isDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

interface Occurrence {
  row: number;
  keyStart: number;
  /** End of the label (closing brackets and quotes included). */
  labelEnd: number;
  run: Span;
}

/**
 * Places where the row's label is followed at once by digits. A long label that is not
 * found whole is looked for by its first characters, the rest of the written label
 * (shortened or reworded) running up to the digits.
 */
function occurrences(text: string, index: HanIndex, spec: RowSpec, row: number): Occurrence[] {
  const key = specKey(spec);
  if (key === "") return [];
  return placements(text, index, key).map((p) => ({ row, keyStart: p.keyStart, labelEnd: p.labelEnd, run: p.run }));
}

/** Where a label's key is written with a run of values after it. */
type Placement = Omit<Occurrence, "row">;

/** {@link occurrences} of a key, found once per text: both templates look for most rows. */
function placements(text: string, index: HanIndex, key: string): Placement[] {
  const ends = runEnds(text, index);
  let found = ends.placements.get(key);
  if (!found) {
    found = wholeKeyPlacements(text, index, key);
    if (found.length === 0 && key.length > 6) found = prefixPlacements(text, index, key.slice(0, 4));
    ends.placements.set(key, found);
  }
  return found;
}

/** A run of values right after a label (closing brackets and spaces between): where it starts, and the run. */
interface RunAfter {
  at: number;
  run: Span;
}

/** The run of values that follows a label ending at `keyEnd`, if one starts right there (after closers). */
function runAfter(text: string, keyEnd: number): RunAfter | null {
  const e = afterClosers(text, keyEnd);
  const limit = Math.min(text.length, e + 400);
  if (!runStartsAt(text, e, limit)) return null;
  const run = tableRun(text, e, limit);
  return run && run.start === e ? { at: e, run } : null;
}

function afterClosers(text: string, from: number): number {
  let e = from;
  while (e < text.length && CLOSER_TABLE[text.charCodeAt(e)] === 1) e++;
  return e;
}

/**
 * The Han characters a run of values may follow, found in one pass: by character, their
 * places in the Han index in text order. A label matches only where its last character
 * is one of them, so a label is looked up, not searched for. Whether a run really
 * follows ({@link runAfter}) is read when a label is found there, once.
 */
interface RunEnds {
  byChar: Map<number, number[]>;
  runs: Map<number, RunAfter | null>;
  /** The placements of the keys looked for so far. */
  placements: Map<string, Placement[]>;
}

const runEndsCache = new WeakMap<HanIndex, { text: string; ends: RunEnds }>();

function runEnds(text: string, index: HanIndex): RunEnds {
  const cached = runEndsCache.get(index);
  if (cached && cached.text === text) return cached.ends;
  const ends: RunEnds = { byChar: new Map(), runs: new Map(), placements: new Map() };
  const { pos, han } = index;
  // a Han character right after another starts no run
  for (const j of index.lastOfRuns) {
    const e = afterClosers(text, pos[j]! + 1);
    if (!runStartsAt(text, e, Math.min(text.length, e + 400))) continue;
    const c = han.charCodeAt(j);
    const list = ends.byChar.get(c);
    if (list) list.push(j);
    else ends.byChar.set(c, [j]);
  }
  runEndsCache.set(index, { text, ends });
  return ends;
}

/** The run after Han character `j` of the index, read once. */
function runAt(text: string, index: HanIndex, ends: RunEnds, j: number): RunAfter | null {
  let after = ends.runs.get(j);
  if (after === undefined) {
    after = runAfter(text, index.pos[j]! + 1);
    ends.runs.set(j, after);
  }
  return after;
}

/** A key found at Han index `h` makes a label when it is compact and holds no digit. */
function compactKey(text: string, index: HanIndex, h: number, length: number): boolean {
  const keyStart = index.pos[h]!;
  const keyEnd = index.pos[h + length - 1]! + 1;
  if (keyEnd - keyStart > length * 2 + 8) return false;
  for (let i = keyStart; i < keyEnd; i++) if (isDigit(text[i])) return false;
  return true;
}

function placement(text: string, keyStart: number, keyEnd: number, after: RunAfter): Placement {
  let labelEnd = after.at;
  while (labelEnd > keyEnd && /\s/.test(text[labelEnd - 1]!)) labelEnd--;
  return { keyStart, labelEnd, run: after.run };
}

/** Places where the whole key is written and a run of values follows it at once. */
function wholeKeyPlacements(text: string, index: HanIndex, key: string): Placement[] {
  const ends = runEnds(text, index);
  const out: Placement[] = [];
  for (const j of ends.byChar.get(key.charCodeAt(key.length - 1)) ?? []) {
    const h = j - key.length + 1;
    if (h < 0 || !index.han.startsWith(key, h) || !compactKey(text, index, h, key.length)) continue;
    const after = runAt(text, index, ends, j);
    if (after) out.push(placement(text, index.pos[h]!, index.pos[j]! + 1, after));
  }
  return out;
}

/** Places where the key starts a label whose rest (Han characters and punctuation) runs up to digits. */
function prefixPlacements(text: string, index: HanIndex, key: string): Placement[] {
  const out: Placement[] = [];
  for (let h = index.han.indexOf(key); h >= 0; h = index.han.indexOf(key, h + 1)) {
    if (!compactKey(text, index, h, key.length)) continue;
    const keyEnd = index.pos[h + key.length - 1]! + 1;
    let e = keyEnd;
    const limit = Math.min(text.length, keyEnd + 48);
    while (e < limit && (isHan(text.charCodeAt(e)) || LABEL_PUNCTUATION.has(text.charCodeAt(e)))) e++;
    if (!isDigit(text[e])) continue;
    const after = runAfter(text, e);
    if (after) out.push(placement(text, index.pos[h]!, keyEnd, after));
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
  while (cut > run.start && !/\s/.test(text[cut - 1]!)) cut--;
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

/** Where a row's label starts: its numbering (`2.`, `（一）`, `四、`) just before the key, if written. */
function labelStart(text: string, spec: RowSpec, keyStart: number): number {
  const pattern = numberingPattern(spec.label);
  if (!pattern) return keyStart;
  const before = text.slice(Math.max(0, keyStart - 12), keyStart);
  const found = pattern.exec(before);
  return found ? keyStart - (before.length - found.index) : keyStart;
}

const numberingPatterns = boundedMemo<RegExp | null>(512, Infinity);

/** The numbering of a template label as it may be written just before the label (`（ 三 ）`), made once per label. */
function numberingPattern(label: string): RegExp | null {
  return numberingPatterns.get(label, labelNumbering);
}

function labelNumbering(label: string): RegExp | null {
  const m = /^(?:([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\)|(\d+)\.)/.exec(label);
  return !m
    ? null
    : m[1]
      ? new RegExp(`${m[1]}\\s*[、.．]\\s*$`)
      : m[2]
        ? new RegExp(`[(（]\\s*${m[2]}\\s*[)）]\\s*$`)
        : new RegExp(`${m[3]}\\s*[.．、]\\s*$`);
}

function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** Find one table's rows: the chain, then rows without digits between chained rows. */
function findTable(text: string, index: HanIndex, kind: TableKind, template: TableTemplate): FoundTable | null {
  const specs = rowsOf(kind, template);
  const occ = specs.flatMap((spec, row) => occurrences(text, index, spec, row));
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
    // only a key that starts before the limit is taken: search no further
    const first = lowerBound(index.pos, after);
    const found = index.han.slice(first, lowerBound(index.pos, limit) + key.length - 1).indexOf(key);
    const h = found < 0 ? -1 : first + found;
    if (h < 0 || index.pos[h]! >= limit) continue;
    const keyStart = index.pos[h]!;
    const start = labelStart(text, specs[r]!, keyStart);
    let end = index.pos[h + key.length - 1]! + 1;
    while (end < limit && CLOSERS.has(text[end]!) && !/\s/.test(text[end]!)) end++;
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

/**
 * Where table 三's header shows a 法人或其他组织「小计」column: the span of its `小计`
 * (spaces inside allowed), `null` when the header has none.
 */
export function subtotalInHeader(text: string, header: Span | null): Span | null {
  if (!header) return null;
  const found = /小\s*计/.exec(text.slice(header.start, header.end));
  return found ? { start: header.start + found.index, end: header.start + found.index + found[0].length } : null;
}

/** Table 4: `结果维持…总计` headers followed by one run of digits. */
function findAppeals(text: string, index: HanIndex, after: number): FoundAppeals | null {
  for (let h = index.han.indexOf("结果维持", lowerBound(index.pos, after)); h >= 0; h = index.han.indexOf("结果维持", h + 1)) {
    let i = index.pos[h]!;
    while (i < text.length && (APPEAL_HEADER_CHARS.has(text[i]!) || /\s/.test(text[i]!))) i++;
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
export function scanGlued(text: string, index = hanIndex(text)): GluedScan {
  let best: GluedScan | null = null;
  let bestScore = -1;
  for (const template of ["2021", "2019"] as const) {
    // a table has a row at most per row of its template: a template that cannot score more is not scanned
    if (bestScore >= rowsOf("activeDisclosure", template).length + rowsOf("applications", template).length) continue;
    const tables: FoundTable[] = [];
    let score = 0;
    for (const kind of ["activeDisclosure", "applications"] as const) {
      const t = findTable(text, index, kind, template);
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
