/**
 * Cutting a run of glued values (`640020470`, `230 000023`, `2648-18538`,
 * `13575394432.52元`) into a row's cells.
 *
 * A run is read into chunks: whitespace, commas and blank markers (`/`, `—`) are
 * hard boundaries; inside a chunk of digits any place between two digits may be a
 * cell boundary (a soft cut), except after a decimal point; a sign starts a new
 * cell. Counts have no leading zeros, so a `0` that starts a cell is the whole cell.
 *
 * The enumeration is driven by the row's sum rules (parts then total, e.g. the six
 * applicant columns then 总计): for a group it chooses the total first and then
 * cuts the parts with the remaining sum as a bound, so it only walks splits that
 * can still add up. Every piece considered counts one step on a shared
 * {@link SearchCounter}; the search stops when the budget is spent.
 */

import type { SearchCounter } from "../../text/step-budget.js";

/** What a cell may hold: a count (no sign, no decimals), a signed change, or money (decimals allowed). */
export type CellKind = "count" | "signed" | "money";

/** Most digits a count may have; longer pieces are not read as one number. */
const MAX_COUNT_DIGITS = 12;
/** Most integer digits a money value may have. */
const MAX_MONEY_DIGITS = 15;

interface Chunk {
  blank: boolean;
  /** Offsets into the document. */
  start: number;
  end: number;
  /** Half-width text of the number without sign and unit (`13575394432.52`). */
  digits: string;
  /** Offset of `digits[0]` in the document. */
  digitsStart: number;
  /** Number of integer digits. */
  intLength: number;
  sign: "" | "+" | "-";
  hasDecimal: boolean;
  unit: string;
}

/** A place where a cell may start or end. Hard points must be cut; soft points may be. */
interface Point {
  /** Offset where a piece that starts here starts. */
  start: number;
  /** Offset where a piece that ends here ends. */
  end: number;
  hard: boolean;
  /** The chunk a piece starting here lies in (-1 for the last point). */
  chunk: number;
}

/** A run of glued values, ready to be cut. Offsets are into the document. */
export interface DigitRun {
  /** The run as written. */
  text: string;
  start: number;
  end: number;
  chunks: Chunk[];
  points: Point[];
  /** For each point, the first hard point after it. */
  nextHard: number[];
  /** Fewest / most cells the run from each point can be cut into. */
  minCells: number[];
  maxCells: number[];
  /** Piece shapes and values, filled as they are first needed. */
  cache?: PieceCache;
}

/** One cell cut from a run. */
export interface Piece {
  start: number;
  end: number;
  /** The characters the cell was cut from (sign, decimals and unit included). */
  text: string;
  /** `null` for a blank marker. */
  value: number | null;
}

/** A way to cut a run: the point index where each cell starts (plus the end), and the values. */
export interface Split {
  cuts: number[];
  values: Array<number | null>;
}

/** A sum rule over any cells of a run: the cells at `parts` add up to the cell at `total`. */
export interface RunCheck {
  parts: readonly number[];
  total: number;
}

/** The rules a run's cells obey. */
export interface RunShape {
  kinds: readonly CellKind[];
  /** Sum rules over consecutive cells: cells `first … first+size-2` add up to cell `first+size-1`. */
  groups: ReadonlyArray<{ first: number; size: number }>;
  /** Other sum rules, checked on every split the groups allow (a row's 总计 when 小计 stands between). */
  checks?: readonly RunCheck[];
}

/** The splits found, and whether they are all of them. */
export interface SplitResult {
  splits: Split[];
  /** False when the split cap or the step budget stopped the enumeration. */
  complete: boolean;
}

const SIGNS: Record<string, "+" | "-"> = { "+": "+", "＋": "+", "-": "-", "－": "-", "−": "-", "﹣": "-" };
const MARKERS = new Set(["/", "／", "\\", "—", "–", "―", "-", "－", "−", "﹣"]);
const SEPARATORS = new Set([",", "，", "、", ";", "；"]);

/** Classes of the characters a run may hold (a character may be in two: `-` is a sign and a blank marker). */
const DIGIT = 1;
const SPACE = 2;
const MARKER = 4;
const SIGN = 8;
const SEPARATOR = 16;
const DOT = 32;

/** The classes of a UTF-16 code unit (0 when it cannot belong to a run). */
function classOf(code: number): number {
  if (code >= 48 && code <= 57) return DIGIT;
  if (code >= 0xff10 && code <= 0xff19) return DIGIT;
  switch (code) {
    case 0x20: // space
    case 0x09: // tab
    case 0x0a: // \n
    case 0x0d: // \r
    case 0x3000: // ideographic space
    case 0xa0: // no-break space
    case 0x2002: // en space
    case 0x2003: // em space
      return SPACE;
    case 0x2f: // /
    case 0xff0f: // ／
    case 0x5c: // \
    case 0x2014: // —
    case 0x2013: // –
    case 0x2015: // ―
      return MARKER;
    case 0x2d: // -
    case 0xff0d: // －
    case 0x2212: // −
    case 0xfe63: // ﹣
      return MARKER | SIGN;
    case 0x2b: // +
    case 0xff0b: // ＋
      return SIGN;
    case 0x2c: // ,
    case 0xff0c: // ，
    case 0x3001: // 、
    case 0x3b: // ;
    case 0xff1b: // ；
      return SEPARATOR;
    case 0x2e: // .
    case 0xff0e: // ．
      return DOT;
    default:
      return 0;
  }
}

function isDigitCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

/** The spaces of a run: space, tab, line breaks, ideographic, no-break, en and em spaces. */
function isSpaceCode(code: number): boolean {
  return classOf(code) === SPACE;
}

function isRunCode(code: number): boolean {
  return classOf(code) !== 0;
}

const SIGN_CODES = new Set(Object.keys(SIGNS).map((c) => c.charCodeAt(0)));
const MARKER_CODES = new Set([...MARKERS].map((c) => c.charCodeAt(0)));

function digitOf(c: string): string | null {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return c;
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xfee0);
  return null;
}

function isDot(c: string | undefined): boolean {
  return c === "." || c === "．";
}

/**
 * The run of values that starts at `from` (after optional whitespace) and ends before
 * `limit`, at a line break after its first digit, or at the first character that cannot
 * belong to it. Units `元` / `万元` right after a number are part of the run. `null`
 * when there is no digit.
 */
export function scanRun(text: string, from: number, limit = text.length): { start: number; end: number } | null {
  let i = from;
  while (i < limit && classOf(text.charCodeAt(i)) === SPACE) i++;
  const start = i;
  let end = i;
  let digits = 0;
  while (i < limit) {
    const code = text.charCodeAt(i);
    const cls = classOf(code);
    if (cls === DIGIT) {
      digits++;
      i++;
      end = i;
      if (text.charCodeAt(i) === 0x4e07 && text.charCodeAt(i + 1) === 0x5143 && i + 2 <= limit) i = end = i + 2; // 万元
      else if (text.charCodeAt(i) === 0x5143) i = end = i + 1; // 元
      continue;
    }
    if (cls === DOT) {
      if (i + 1 < limit && isDigitCode(text.charCodeAt(i + 1)) && i > start && isDigitCode(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      break;
    }
    if (cls === 0 || ((code === 0x0a || code === 0x0d) && digits > 0)) break;
    i++;
    if (cls !== SPACE) end = i;
  }
  return digits > 0 ? { start, end } : null;
}

/**
 * True when {@link scanRun} from `from` finds a run that starts right at `from` (no space
 * before it): a digit is reached through other run characters, no dot before it. Cheaper
 * than scanning the run; most places where a run might start hold none.
 */
export function runStartsAt(text: string, from: number, limit = text.length): boolean {
  if (from >= limit || isSpaceCode(text.charCodeAt(from))) return false;
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) return true;
    // a dot before the first digit ends the run, as does any character that cannot be in one
    if (c === 0x2e || c === 0xff0e || !isRunCode(c)) return false;
  }
  return false;
}

/** Read the chunks of a run (its text from `start` to `end` in the document). */
function readChunks(doc: string, start: number, end: number): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Chunk | null = null;
  const close = () => {
    if (cur) chunks.push(cur);
    cur = null;
  };
  for (let i = start; i < end; i++) {
    const c = doc[i]!;
    const d = digitOf(c);
    if (d !== null) {
      if (!cur || cur.blank || cur.unit !== "") {
        close();
        cur = { blank: false, start: i, end: i + 1, digits: "", digitsStart: i, intLength: 0, sign: "", hasDecimal: false, unit: "" };
      }
      cur.digits += d;
      if (!cur.hasDecimal) cur.intLength++;
      cur.end = i + 1;
      continue;
    }
    const next = doc[i + 1];
    if (c in SIGNS && next !== undefined && i + 1 < end && digitOf(next) !== null) {
      close();
      cur = { blank: false, start: i, end: i + 1, digits: "", digitsStart: i + 1, intLength: 0, sign: SIGNS[c]!, hasDecimal: false, unit: "" };
      continue;
    }
    if (isDot(c) && cur && !cur.blank && !cur.hasDecimal && cur.unit === "" && next !== undefined && digitOf(next) !== null) {
      cur.hasDecimal = true;
      cur.digits += ".";
      cur.end = i + 1;
      continue;
    }
    if ((c === "元" || (c === "万" && doc[i + 1] === "元")) && cur && !cur.blank && cur.unit === "") {
      const unit = c === "万" ? "万元" : "元";
      cur.unit = unit;
      cur.end = i + unit.length;
      i += unit.length - 1;
      continue;
    }
    if (MARKERS.has(c)) {
      if (!cur || !cur.blank) {
        close();
        cur = { blank: true, start: i, end: i + 1, digits: "", digitsStart: i, intLength: 0, sign: "", hasDecimal: false, unit: "" };
      }
      cur.end = i + 1;
      continue;
    }
    close();
  }
  close();
  return chunks;
}

/** How many digits a run has. */
export function digitsIn(run: DigitRun): number {
  let n = 0;
  for (const c of run.chunks) if (!c.blank) n += c.digits.replace(".", "").length;
  return n;
}

/**
 * How many chunks (numbers and blank markers) the run from `start` to `end` reads into, and
 * how many digits they hold: `parseRun(…).chunks.length` and {@link digitsIn}, without
 * preparing the run for cutting.
 */
export function runCounts(doc: string, start: number, end: number): { chunks: number; digits: number } {
  // readChunks as a state machine: every digit lands in a number chunk; count where chunks open
  let chunks = 0;
  let digits = 0;
  let open: "none" | "number" | "blank" = "none";
  let unit = false;
  let decimal = false;
  for (let i = start; i < end; i++) {
    const c = doc.charCodeAt(i);
    const next = doc.charCodeAt(i + 1);
    if (isDigitCode(c)) {
      if (open !== "number" || unit) {
        chunks++;
        open = "number";
        unit = decimal = false;
      }
      digits++;
    } else if (SIGN_CODES.has(c) && i + 1 < end && isDigitCode(next)) {
      chunks++;
      open = "number";
      unit = decimal = false;
    } else if ((c === 0x2e || c === 0xff0e) && open === "number" && !decimal && !unit && isDigitCode(next)) {
      decimal = true;
    } else if ((c === 0x5143 || (c === 0x4e07 && next === 0x5143)) && open === "number" && !unit) {
      // 元, 万元
      unit = true;
      if (c === 0x4e07) i++;
    } else if (MARKER_CODES.has(c)) {
      if (open !== "blank") chunks++;
      open = "blank";
    } else open = "none";
  }
  return { chunks, digits };
}

/** Parse a run of values (document offsets `start`…`end`) into cut points. */
export function parseRun(doc: string, start: number, end: number): DigitRun {
  const chunks = readChunks(doc, start, end);
  const points: Point[] = [];
  chunks.forEach((ch, ci) => {
    const prevEnd = ci === 0 ? ch.start : chunks[ci - 1]!.end;
    points.push({ start: ch.start, end: prevEnd, hard: true, chunk: ci });
    if (!ch.blank) {
      for (let k = 1; k < ch.intLength; k++) {
        const at = ch.digitsStart + k;
        points.push({ start: at, end: at, hard: false, chunk: ci });
      }
    }
  });
  const last = chunks[chunks.length - 1];
  points.push({ start: last ? last.end : start, end: last ? last.end : start, hard: true, chunk: -1 });
  const run: DigitRun = {
    text: doc.slice(start, end),
    start,
    end,
    chunks,
    points,
    nextHard: [],
    minCells: [],
    maxCells: [],
  };
  fillBounds(run);
  return run;
}

function fillBounds(run: DigitRun): void {
  const m = run.points.length - 1;
  const nextHard = new Array<number>(m + 1).fill(m);
  for (let i = m - 1; i >= 0; i--) nextHard[i] = run.points[i + 1]!.hard ? i + 1 : nextHard[i + 1]!;
  run.nextHard = nextHard;
  const min = new Array<number>(m + 1).fill(Infinity);
  const max = new Array<number>(m + 1).fill(-Infinity);
  min[m] = 0;
  max[m] = 0;
  for (let a = m - 1; a >= 0; a--) {
    for (let b = a + 1; b <= nextHard[a]!; b++) {
      if ((b - a < WIDTH ? cached(run, a, b) : pieceFlags(run, a, b, null, 0)) & SHAPELESS) {
        if (leadingZero(run, a)) break;
        continue;
      }
      if (min[b]! + 1 < min[a]!) min[a] = min[b]! + 1;
      if (max[b]! + 1 > max[a]!) max[a] = max[b]! + 1;
    }
  }
  run.minCells = min;
  run.maxCells = max;
}

/** True when a piece starting at point `a` starts with the digit 0. */
function leadingZero(run: DigitRun, a: number): boolean {
  const p = run.points[a]!;
  const ch = run.chunks[p.chunk];
  if (!ch || ch.blank) return false;
  return ch.digits[p.start === ch.start ? 0 : p.start - ch.digitsStart] === "0";
}

/** Pieces longer than this (in points) are never read as one number. */
const WIDTH = 17;
/** Flags of a piece: not a number (or too long for any cell) … */
const INVALID = 1;
/** … a blank marker … */
const BLANK = 2;
/** … signed … */
const SIGNED = 4;
/** … with decimals … */
const DECIMAL = 8;
/** … worked out (a flag of cached pieces) … */
const KNOWN = 16;
/** … too long for a count … */
const LONG = 32;
/** … not even the shape of a number or a blank marker. */
const SHAPELESS = 64;

/**
 * The flags and values of a run's pieces (a, b) with 1 ≤ b − a < {@link WIDTH} and b at or
 * before the next hard point: piece (a, b) is at `offset[a] + b − a − 1`.
 */
export interface PieceCache {
  offset: number[];
  flags: number[];
  values: number[];
}

function pieceCache(run: DigitRun): PieceCache {
  const m = run.points.length - 1;
  const offset = new Array<number>(m + 1);
  let size = 0;
  for (let a = 0; a <= m; a++) {
    offset[a] = size;
    size += Math.max(0, Math.min(run.nextHard[a]! - a, WIDTH - 1));
  }
  return { offset, flags: new Array<number>(size).fill(0), values: new Array<number>(size).fill(0) };
}

/**
 * Flags of piece (a, b), its value (if a number) written to `values[k]`. A piece is a blank
 * marker (a whole chunk of them), or a number: digits within one chunk, its sign if it starts
 * the chunk, its decimals if it ends the chunk, no leading zero.
 */
function pieceFlags(run: DigitRun, a: number, b: number, values: number[] | null, k: number): number {
  const pa = run.points[a]!;
  const ch = run.chunks[pa.chunk];
  if (!ch || b > run.nextHard[a]!) return KNOWN | INVALID | SHAPELESS;
  const pb = run.points[b]!;
  if (ch.blank) return pb.hard && pa.hard ? KNOWN | BLANK : KNOWN | INVALID | SHAPELESS;
  const from = pa.hard ? 0 : pa.start - ch.digitsStart;
  const intDigits = (pb.hard ? ch.intLength : pb.end - ch.digitsStart) - from;
  if (intDigits <= 0 || (intDigits > 1 && ch.digits.charCodeAt(from) === 48)) return KNOWN | INVALID | SHAPELESS;
  const sign = pa.hard && ch.sign !== "";
  const decimal = pb.hard && ch.hasDecimal;
  if (values) {
    const magnitude = decimal || intDigits > MAX_MONEY_DIGITS ? Number(ch.digits.slice(from, pb.hard ? ch.digits.length : from + intDigits)) : integerAt(ch.digits, from, from + intDigits);
    values[k] = sign && ch.sign === "-" ? -magnitude : magnitude;
  }
  let flags = KNOWN;
  if (sign) flags |= SIGNED;
  if (decimal) flags |= DECIMAL;
  if (intDigits > MAX_COUNT_DIGITS) flags |= LONG;
  if (intDigits > MAX_MONEY_DIGITS) flags |= INVALID;
  return flags;
}

/** The integer written by half-width digits `from … to` (at most 15 of them: exact). */
function integerAt(digits: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (digits.charCodeAt(i) - 48);
  return n;
}

/** Where piece (a, b) is in the run's cache (-1 when the cache does not hold it: too long, or past a hard point). */
function slotOf(run: DigitRun, a: number, b: number): number {
  const width = b - a;
  if (width <= 0 || width >= WIDTH || b > run.nextHard[a]!) return -1;
  return (run.cache ??= pieceCache(run)).offset[a]! + width - 1;
}

/** Flags of the piece in slot `k` of the run's cache (piece (a, b)), worked out the first time. */
function flagsAt(run: DigitRun, k: number, a: number, b: number): number {
  const cache = run.cache!;
  const known = cache.flags[k]!;
  if (known !== 0) return known;
  return (cache.flags[k] = pieceFlags(run, a, b, cache.values, k));
}

/** Shape flags of piece (a, b), computed once per run (with its value). */
function cached(run: DigitRun, a: number, b: number): number {
  if (b - a >= WIDTH) return INVALID;
  const k = slotOf(run, a, b);
  // not held: past a hard point (or empty), so not a number; at most a blank marker
  return k < 0 ? pieceFlags(run, a, b, null, 0) : flagsAt(run, k, a, b);
}

/** Value of piece (a, b) if it is valid for a cell of `kind`; `undefined` when not. */
function pieceValue(run: DigitRun, a: number, b: number, kind: CellKind): number | null | undefined {
  if (b - a >= WIDTH) return undefined;
  const k = slotOf(run, a, b);
  const flags = k < 0 ? pieceFlags(run, a, b, null, 0) : flagsAt(run, k, a, b);
  if (flags & INVALID) return undefined;
  if (flags & BLANK) return null;
  if (flags & SIGNED && kind !== "signed") return undefined;
  if (flags & DECIMAL && kind !== "money") return undefined;
  if (flags & LONG && kind !== "money") return undefined;
  return run.cache!.values[k]!;
}

/**
 * The value of the cell cut from points a…b, read as what it looks like (money when it has
 * decimals, a change when it has a sign); `null` when it is blank or not a number.
 */
export function pieceValueAt(run: DigitRun, a: number, b: number): number | null {
  const flags = cached(run, a, b);
  if (flags & (INVALID | BLANK)) return null;
  return pieceValue(run, a, b, flags & DECIMAL ? "money" : flags & SIGNED ? "signed" : "count") ?? null;
}

/** The cell cut from points a…b of a run. */
export function pieceAt(run: DigitRun, a: number, b: number): Piece {
  const start = run.points[a]!.start;
  const end = run.points[b]!.end;
  const text = run.text.slice(start - run.start, end - run.start);
  return { start, end, text, value: pieceValueAt(run, a, b) };
}

/** The cells of a split. */
export function piecesOf(run: DigitRun, split: Split): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i + 1 < split.cuts.length; i++) out.push(pieceAt(run, split.cuts[i]!, split.cuts[i + 1]!));
  return out;
}

function digitCount(n: number): number {
  if (n < 10) return 1;
  if (n < 1e14) {
    // the same as the logarithm below, which is exact this far, without computing it
    let digits = 2;
    for (let p = 100; n >= p; p *= 10) digits++;
    return digits;
  }
  return Math.floor(Math.log10(n)) + 1;
}

interface GroupPart {
  end: number;
  cuts: number[];
  values: number[];
}

/** Search state for one run. */
class RunSearch {
  private readonly memo = new Map<number, GroupPart[]>();
  /** Part searches known to yield nothing (see {@link RunSearch.deadKey}). */
  private readonly dead = new Set<number | string>();
  private emitted = 0;
  readonly splits: Split[] = [];
  stopped = false;

  constructor(
    readonly run: DigitRun,
    readonly shape: RunShape,
    readonly counter: SearchCounter,
    readonly cap: number,
  ) {}

  private step(): boolean {
    this.counter.steps++;
    if (this.counter.steps > this.counter.budget) this.stopped = true;
    return !this.stopped;
  }

  private feasible(point: number, cellsLeft: number): boolean {
    return this.run.minCells[point]! <= cellsLeft && cellsLeft <= this.run.maxCells[point]!;
  }

  /** True when a split's values satisfy the shape's checks. */
  private checked(values: ReadonlyArray<number | null>): boolean {
    const checks = this.shape.checks;
    return checks === undefined || checks.every((c) => checkError(values, c) === 0);
  }

  /** Cut cells `cell…` from point `p`. */
  walk(cell: number, p: number, cuts: number[], values: Array<number | null>): void {
    if (this.stopped) return;
    const n = this.shape.kinds.length;
    if (cell === n) {
      if (p === this.run.points.length - 1 && this.checked(values)) {
        if (this.splits.length >= this.cap) {
          this.stopped = true;
          return;
        }
        this.splits.push({ cuts: [...cuts, p], values: [...values] });
      }
      return;
    }
    const g = this.shape.groups.findIndex((x) => x.first === cell);
    if (g >= 0) {
      const size = this.shape.groups[g]!.size;
      for (const part of this.groupFrom(p, g)) {
        if (this.stopped) return;
        if (!this.feasible(part.end, n - cell - size)) continue;
        this.walk(cell + size, part.end, [...cuts, ...part.cuts], [...values, ...part.values]);
      }
      return;
    }
    const kind = this.shape.kinds[cell]!;
    for (let b = p + 1; b <= this.run.nextHard[p]!; b++) {
      if (!this.step()) return;
      const v = pieceValue(this.run, p, b, kind);
      if (v === undefined) {
        if (leadingZero(this.run, p)) break;
        continue;
      }
      if (!this.feasible(b, n - cell - 1)) continue;
      cuts.push(p);
      values.push(v);
      this.walk(cell + 1, b, cuts, values);
      cuts.pop();
      values.pop();
    }
  }

  /** Every way to cut sum group `g` starting at point `p`: the total first, then the parts. */
  private groupFrom(p: number, g: number): GroupPart[] {
    const key = p * 64 + g;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const { first, size } = this.shape.groups[g]!;
    const parts = size - 1;
    const cellsAfter = this.shape.kinds.length - first - size;
    const out: GroupPart[] = [];
    const m = this.run.points.length - 1;
    for (let q = p + size; q <= m && !this.stopped; q++) {
      if (!this.feasible(q, cellsAfter)) continue;
      for (let t = q - 1; t >= p + parts; t--) {
        if (!this.step()) break;
        if (this.run.nextHard[t]! < q) break;
        const total = pieceValue(this.run, t, q, this.shape.kinds[first + parts]!);
        if (total === undefined) {
          if (q - t > MAX_COUNT_DIGITS) break;
          continue;
        }
        if (total === null || total < 0) continue;
        this.parts(p, t, parts, total, first, [], [], (cuts, values) => {
          cuts.push(t);
          values.push(total);
          out.push({ end: q, cuts, values });
        });
      }
    }
    this.memo.set(key, out);
    return out;
  }

  /**
   * Cut `r` parts from point `a` to point `t` adding up to `rest`. A search that yields
   * nothing is remembered (see {@link RunSearch.deadKey}) and not walked again.
   */
  private parts(
    a: number,
    t: number,
    r: number,
    rest: number,
    cell: number,
    cuts: number[],
    values: number[],
    emit: (cuts: number[], values: number[]) => void,
  ): void {
    if (this.stopped) return;
    const key = this.deadKey(a, t, r, rest, cell);
    if (this.dead.has(key)) return;
    const before = this.emitted;
    const kind = this.shape.kinds[cell]!;
    if (r === 1) {
      if (this.step() && pieceValue(this.run, a, t, kind) === rest) {
        this.emitted++;
        emit([...cuts, a], [...values, rest]);
      }
    } else {
      const last = Math.min(this.run.nextHard[a]!, t - (r - 1));
      for (let b = a + 1; b <= last; b++) {
        if (!this.step()) break;
        const v = pieceValue(this.run, a, b, kind);
        if (v === undefined) {
          if (leadingZero(this.run, a)) break;
          continue;
        }
        if (v === null || v < 0) continue;
        if (v > rest) break;
        const left = rest - v;
        const room = t - b;
        // the other parts cover `room` digits: not too many for their sum, nor too few
        // (up to six parts add at most one digit to their longest part)
        if (left === 0 ? room !== r - 1 : room > (r - 1) * digitCount(left) || room < digitCount(left) + r - (r > 2 ? 3 : 2)) continue;
        cuts.push(a);
        values.push(v);
        this.parts(b, t, r - 1, left, cell + 1, cuts, values, emit);
        cuts.pop();
        values.pop();
      }
    }
    if (this.emitted === before) this.dead.add(key);
  }

  /**
   * One key per part search: a number packing the sum left with start, end, parts and cell
   * when it fits in a safe integer, else a string of them.
   */
  private deadKey(a: number, t: number, r: number, rest: number, cell: number): number | string {
    const n = this.shape.kinds.length + 1;
    const points = this.run.points.length;
    const size = points * points * n * n;
    if (Number.isInteger(rest) && rest >= 0 && rest <= (Number.MAX_SAFE_INTEGER - size) / size) {
      return rest * size + ((a * points + t) * n + r) * n + cell;
    }
    return `${a}|${t}|${r}|${rest}|${cell}`;
  }
}

/**
 * Every split of `run` into `shape.kinds.length` cells that obeys the cell kinds and
 * the sum groups, up to `cap` splits. Steps are counted on `counter`.
 */
export function enumerateSplits(run: DigitRun, shape: RunShape, counter: SearchCounter, cap = 4096): SplitResult {
  const search = new RunSearch(run, shape, counter, cap);
  if (run.points.length > 1 && run.minCells[0]! <= shape.kinds.length && shape.kinds.length <= run.maxCells[0]!) {
    search.walk(0, 0, [], []);
  }
  return { splits: search.splits, complete: !search.stopped };
}

/**
 * How many splits of `run` obey the cell kinds alone (no sum rules), counted by
 * dynamic programming without listing them; capped at `cap`.
 */
export function countSplits(run: DigitRun, kinds: readonly CellKind[], cap = 1_000_000): number {
  const m = run.points.length - 1;
  const n = kinds.length;
  const pieces = new Map<CellKind, ValidPieces>();
  // ways[c][p]: ways to cut cells c… from point p
  let next = new Array<number>(m + 1).fill(0);
  let cur = new Array<number>(m + 1).fill(0);
  next[m] = 1;
  for (let c = n - 1; c >= 0; c--) {
    const kind = kinds[c]!;
    let valid = pieces.get(kind);
    if (!valid) pieces.set(kind, (valid = validPieces(run, kind)));
    for (let a = 0; a < m; a++) {
      let w = 0;
      for (let j = valid.from[a]!; j < valid.from[a + 1]!; j++) {
        const ways = next[valid.ends[j]!]!;
        if (ways !== 0) w = Math.min(cap, w + ways);
      }
      cur[a] = w;
    }
    cur[m] = 0;
    [next, cur] = [cur, next];
  }
  return next[0]!;
}

/** The pieces valid for a cell of one kind: the ends `ends[from[a]] … ends[from[a + 1] - 1]` of those starting at point `a`. */
interface ValidPieces {
  from: number[];
  ends: number[];
}

function validPieces(run: DigitRun, kind: CellKind): ValidPieces {
  const m = run.points.length - 1;
  const from = new Array<number>(m + 1);
  const ends: number[] = [];
  for (let a = 0; a < m; a++) {
    from[a] = ends.length;
    for (let b = a + 1; b <= run.nextHard[a]!; b++) {
      if (pieceValue(run, a, b, kind) !== undefined) ends.push(b);
      // a piece starting with 0 is the digit 0 alone: none longer is valid
      else if (leadingZero(run, a)) break;
    }
  }
  from[m] = ends.length;
  return { from, ends };
}

/** |parts − total| of one sum rule of a split; 0 when one of its cells is blank. */
function checkError(values: ReadonlyArray<number | null>, check: RunCheck): number {
  let parts = 0;
  for (const i of check.parts) {
    const v = values[i];
    if (v === null || v === undefined) return 0;
    parts += v;
  }
  const total = values[check.total];
  return total === null || total === undefined ? 0 : Math.abs(parts - total);
}

/** How far a split is from its sum rules: the sum over groups and checks of |parts − total| (blanks ignored). */
export function sumError(values: ReadonlyArray<number | null>, shape: RunShape): number {
  let error = 0;
  for (const { first, size } of shape.groups) {
    let parts = 0;
    let blank = false;
    for (let i = first; i < first + size - 1; i++) {
      const v = values[i];
      if (v === null || v === undefined) blank = true;
      else parts += v;
    }
    const total = values[first + size - 1];
    if (!blank && total !== null && total !== undefined) error += Math.abs(parts - total);
  }
  for (const check of shape.checks ?? []) error += checkError(values, check);
  return error;
}

/**
 * The `k` splits closest to satisfying the sum rules (smallest {@link sumError}, then
 * the smallest largest cell), among the first `cap` splits that obey the cell kinds.
 * Used when no split satisfies the rules.
 */
export function nearestSplits(run: DigitRun, shape: RunShape, counter: SearchCounter, k = 6, cap = 400): SplitResult {
  const free: RunShape = { kinds: shape.kinds, groups: [] };
  const { splits, complete } = enumerateSplits(run, free, counter, cap);
  const scored = splits.map((s) => ({ s, error: sumError(s.values, shape), largest: largest(s.values) }));
  scored.sort((x, y) => x.error - y.error || x.largest - y.largest);
  return { splits: scored.slice(0, k).map((x) => x.s), complete };
}

function largest(values: ReadonlyArray<number | null>): number {
  let m = 0;
  for (const v of values) if (v !== null && Math.abs(v) > m) m = Math.abs(v);
  return m;
}
