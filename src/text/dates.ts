/**
 * Calendar dates as Chinese documents write them: `2025年1月20日`, `二〇二五年一月二十日`,
 * `2025-01-20`, `2025/1/20`, `2025.1.20` (full-width digits too), read as `YYYY-MM-DD`.
 */

/** A date found in a text: `YYYY-MM-DD` and the span of its writing (UTF-16 offsets into that text). */
export interface DateMatch {
  date: string;
  start: number;
  end: number;
}

const ZERO = "〇零○Ｏ0０";
const HAN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
for (const c of ZERO) HAN_DIGITS[c] = 0;

const DIGIT = "[0-9０-９]";
/** `2025年1月20日` (spaces allowed between the parts). */
const ARABIC = `(${DIGIT}{4})\\s*年\\s*(${DIGIT}{1,2})\\s*月\\s*(${DIGIT}{1,2})\\s*[日号]`;
/** `二〇二五年一月二十日`: the year digit by digit, month and day as numbers (十, 二十一 …). */
const HAN = `([一二三四五六七八九${ZERO}]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,4})\\s*[日号]`;
/** `2025-01-20`, `2025/1/20`, `2025.1.20`, not inside a longer run of digits. */
const NUMERIC = `(?<![0-9０-９])(${DIGIT}{4})(?<sep>[-/.－／．])(${DIGIT}{1,2})\\k<sep>(${DIGIT}{1,2})(?![0-9０-９])`;

/** Every way of writing a date, one alternative per form. */
export const DATE_SOURCE = `(?:${ARABIC}|${HAN}|${NUMERIC})`;

/** A fresh global regular expression for the date forms (callers keep their own `lastIndex`). */
function datePattern(): RegExp {
  return new RegExp(DATE_SOURCE, "gu");
}

/** Arabic digits, full-width ones folded. */
function arabic(text: string): number {
  let n = 0;
  for (const c of text) {
    const code = c.charCodeAt(0);
    n = n * 10 + (code >= 0xff10 ? code - 0xff10 : code - 0x30);
  }
  return n;
}

/** `二〇二五` → 2025 (digit by digit). */
function hanYear(text: string): number | null {
  let n = 0;
  for (const c of text) {
    const d = HAN_DIGITS[c];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** `一` → 1, `十` → 10, `十二` → 12, `二十` → 20, `二十一` → 21, `三十一` → 31; `null` for anything else. */
export function hanNumber(text: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text === "") return null;
  const [, tens, ten, ones] = m;
  if (ten === undefined) return tens !== undefined && ones === undefined ? HAN_DIGITS[tens]! : null;
  return (tens === undefined ? 1 : HAN_DIGITS[tens]!) * 10 + (ones === undefined ? 0 : HAN_DIGITS[ones]!);
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` for a real calendar day between 1900 and 2199, else `null`. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const last = month === 2 && leap ? 29 : DAYS[month - 1]!;
  if (day > last) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The date of one match of {@link DATE_SOURCE}, or `null` when it is not a real day. */
function dateOfMatch(m: RegExpExecArray): string | null {
  if (m[1] !== undefined) return isoDate(arabic(m[1]), arabic(m[2]!), arabic(m[3]!));
  if (m[4] !== undefined) {
    const year = hanYear(m[4]);
    const month = hanNumber(m[5]!);
    const day = hanNumber(m[6]!);
    return year === null || month === null || day === null ? null : isoDate(year, month, day);
  }
  return isoDate(arabic(m[7]!), arabic(m[9]!), arabic(m[10]!));
}

/** Every date written in `text`, in order; spans that do not name a real day are left out. */
export function findDates(text: string): DateMatch[] {
  const out: DateMatch[] = [];
  const re = datePattern();
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const date = dateOfMatch(m);
    if (date !== null) out.push({ date, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const AT = new RegExp(`\\s*${DATE_SOURCE}`, "uy");

/**
 * The date written at `index` of `text` (after spaces), as `YYYY-MM-DD`, with its span in
 * `text`; `null` when none starts there. Reads only from `index` on (no copy of the text).
 */
export function dateAt(text: string, index: number): DateMatch | null {
  AT.lastIndex = index;
  const m = AT.exec(text);
  if (!m) return null;
  const date = dateOfMatch(m);
  if (date === null) return null;
  const lead = m[0].length - m[0].trimStart().length;
  return { date, start: index + lead, end: index + m[0].length };
}

/** The date a text starts with (after spaces), with its span; `null` when it does not start with one. */
export function dateAtStart(text: string): DateMatch | null {
  return dateAt(text, 0);
}

/**
 * Read one date: `parseDate("2025年1月20日")`, `parseDate("二〇二五年一月二十日")`,
 * `parseDate("2025/1/20")` are all `"2025-01-20"`. Text around the date is allowed
 * (the first date is taken); `null` when there is none.
 */
export function parseDate(text: string): string | null {
  if (typeof text !== "string") return null;
  return findDates(text)[0]?.date ?? null;
}

/** Hours east of UTC of China Standard Time, the zone of the documents this library reads. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/**
 * The calendar day of a file's timestamp: a PDF date (`D:20250120093000+08'00'`) or a
 * W3C date-time of a DOCX's properties (`2025-01-20T01:30:00Z`). A timestamp with a zone is
 * read as the day in China Standard Time (UTC+8); one without a zone as written. `null` when
 * the text is neither form or not a real day.
 */
export function fileTimestampDate(raw: string): string | null {
  if (typeof raw !== "string") return null;
  const pdf = /^\s*D:(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?(\d{2})?)?(?:([Zz])|([+-])(\d{2})'?(\d{2})?'?)?/.exec(raw);
  const w3c = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?)?/.exec(raw);
  const m = pdf ?? w3c;
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map((v) => (v === undefined ? 0 : Number(v))) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (isoDate(year, month, day) === null) return null;
  const zoned = m[7] !== undefined || m[8] !== undefined;
  if (!zoned || m[4] === undefined) return isoDate(year, month, day);
  const offset = m[7] !== undefined ? 0 : (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0));
  const utc = Date.UTC(year, month - 1, day, hour, minute) - offset * 60_000;
  const china = new Date(utc + CHINA_OFFSET_MINUTES * 60_000);
  return isoDate(china.getUTCFullYear(), china.getUTCMonth() + 1, china.getUTCDate());
}
