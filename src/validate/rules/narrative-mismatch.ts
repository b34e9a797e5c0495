/**
 * `narrative-mismatch`: the narrative states a figure that the tables contradict.
 *
 * Only statements whose meaning is unmistakable are read (conservatively: a
 * number that could be another quantity — 办结, 结转, 条 of information, a
 * subset introduced by 其中 or 涉及 — is never taken):
 * - the number of new applications (`共收到政府信息公开申请154件`,
 *   `共受理政府信息公开申请 1295 件`, `共收到70件申请`) against
 *   `applications.newReceived.total`; the figure is also accepted when it equals
 *   newReceived + carriedOver or the (七)总计, which some reports state instead;
 * - that no application was received (`未收到政府信息公开申请`, `无依申请公开情况`)
 *   against a non-zero `applications.newReceived.total`;
 * - the number of rules / normative documents in force (`现行有效行政规范性文件393件`)
 *   against `activeDisclosure.*.inForce` (2021 template only).
 */
import type { Finding, Report, Span } from "../../types.js";
import { compact, originOf } from "../compact-text.js";
import { narrativeMismatchMessage, notCheckableMessage } from "../messages.js";
import { isObject, tableTemplate, type CellReader, type ReportRule, type ReportValues, type RuleOptions } from "../rule.js";
import { modelValues } from "../snapshot.js";

/** A figure the narrative states about one cell. */
interface Claim {
  path: string;
  /** The figure stated. */
  figure: number;
  /** Table values that agree with the statement (besides the cell itself). */
  alsoAccepted: (read: CellReader) => Array<number | null | undefined>;
  /** The statement as written in the section text. */
  statement: string;
  /** Offset of the statement in its text, and the text's own offset in the source (if known). */
  offset: number;
  textStart: number | undefined;
}

/** Punctuation that ends a clause. */
const CLAUSE_ENDS = ",，。;；:：!！?？";
const CLAUSE_END_CODES = new Set(Array.from(CLAUSE_ENDS, (c) => c.charCodeAt(0)));
const NOT_CLAUSE_END = `[^${CLAUSE_ENDS}]`;
const TOTAL_WORD = "(?:共计|合计|总计|总数为|数量为|共|计|为|达)?";
const NUMBER = "(\\d[\\d,]*)";
/** A count in 件, not 件次, not approximate (余件, 多件). */
const COUNT = `${NUMBER}件(?![次余多])`;
const RECEIVE = "(?:收到|受理|新收|接收|收悉|办理)";

/** `…收到…政府信息公开申请154件` and `…收到70件申请`. */
const NEW_APPLICATIONS = [
  new RegExp(`${RECEIVE}${NOT_CLAUSE_END}{0,30}?申请${TOTAL_WORD}${COUNT}`, "g"),
  new RegExp(`${RECEIVE}了?(?:各类)?${TOTAL_WORD}${NUMBER}件(?:政府信息公开|信息公开|公开政府信息)?申请`, "g"),
];
/** Words that make a clause about some other count (appeals, subsets, outcomes). */
const NEW_APPLICATIONS_EXCLUDED =
  /复议|诉讼|投诉|举报|信访|咨询|留言|来信|来电|热线|许可|审批|其中|涉及|自然人|企业|法人|机构|组织|办结|答复|结转|上年|予以|不予|无法|撤回|同比|增长|下降|减少|增加|占|%/;

/** `未收到…政府信息公开申请`, `无依申请公开`. */
const NO_APPLICATIONS = [
  new RegExp(`(?:未|没有)(?:收到|受理|接到|接收|收悉)${NOT_CLAUSE_END}{0,30}?申请`, "g"),
  /无(?:依申请公开|政府信息公开申请|信息公开申请)/g,
];
const NO_APPLICATIONS_EXCLUDED = /复议|诉讼|投诉|举报|费|纠错|败诉|结转|上年|办结|并非|不是/;

/** `现行有效行政规范性文件393件`, `现行有效规章12件`. */
const IN_FORCE: Array<{ path: string; pattern: RegExp }> = [
  {
    path: "activeDisclosure.normativeDocuments.inForce",
    pattern: new RegExp(`现行有效的?(?:行政)?规范性文件${TOTAL_WORD}${COUNT}`, "g"),
  },
  { path: "activeDisclosure.rules.inForce", pattern: new RegExp(`现行有效的?(?:政府)?规章${TOTAL_WORD}${COUNT}`, "g") },
];
const IN_FORCE_EXCLUDED = /其中|涉及|废止|修改|修订|失效|拟|计划|同比|增长|下降|减少|增加/;

/** “Citizens, legal persons or other organisations”: every applicant, not a subset. */
const ALL_APPLICANTS = /公民[、,]?法人(?:或者|或|和|及|以及)?其他组织/g;

/** The whole clause around `[from, to)` of a compact text, without the every-applicant phrase. */
function clauseAround(text: string, from: number, to: number): string {
  let a = from;
  while (a > 0 && !CLAUSE_END_CODES.has(text.charCodeAt(a - 1))) a--;
  let b = to;
  while (b < text.length && !CLAUSE_END_CODES.has(text.charCodeAt(b))) b++;
  return text.slice(a, b).replace(ALL_APPLICANTS, "");
}

function parseFigure(digits: string): number {
  return Number(digits.replace(/,/g, ""));
}

/** A piece of narrative to read, with its offset in the source when known. */
interface NarrativeText {
  text: string;
  start: number | undefined;
}

function narrativeTexts(report: Report): NarrativeText[] {
  const sections: unknown = report.sections;
  const texts: NarrativeText[] = [];
  if (Array.isArray(sections)) {
    for (const s of sections) {
      if (isObject(s) && typeof s.text === "string") {
        texts.push({ text: s.text, start: typeof s.start === "number" ? s.start : undefined });
      }
    }
  }
  if (texts.length === 0 && isObject(report.source) && typeof report.source.text === "string") {
    texts.push({ text: report.source.text, start: 0 });
  }
  return texts;
}

function newReceivedAlternatives(read: CellReader): Array<number | null | undefined> {
  const received = read("applications.newReceived.total");
  const over = read("applications.carriedOver.total");
  const withOver = typeof received === "number" && typeof over === "number" ? received + over : null;
  return [withOver, read("applications.total.total")];
}

/** Every claim the rule understands in one narrative text. */
function claimsIn(source: NarrativeText, template2021: boolean): Claim[] {
  const c = compact(source.text);
  const claims: Claim[] = [];
  const add = (match: RegExpExecArray, path: string, figure: number, alsoAccepted: Claim["alsoAccepted"]): void => {
    const from = originOf(c, match.index);
    const to = originOf(c, match.index + match[0].length - 1) + 1;
    claims.push({ path, figure, alsoAccepted, statement: source.text.slice(from, to), offset: from, textStart: source.start });
  };
  const scan = (pattern: RegExp, excluded: RegExp, onMatch: (m: RegExpExecArray) => void): void => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(c.text); m !== null; m = pattern.exec(c.text)) {
      if (!excluded.test(clauseAround(c.text, m.index, m.index + m[0].length))) onMatch(m);
    }
  };
  for (const pattern of NEW_APPLICATIONS) {
    scan(pattern, NEW_APPLICATIONS_EXCLUDED, (m) =>
      add(m, "applications.newReceived.total", parseFigure(m[1]!), newReceivedAlternatives),
    );
  }
  for (const pattern of NO_APPLICATIONS) {
    scan(pattern, NO_APPLICATIONS_EXCLUDED, (m) => add(m, "applications.newReceived.total", 0, () => []));
  }
  if (template2021) {
    for (const { path, pattern } of IN_FORCE) {
      scan(pattern, IN_FORCE_EXCLUDED, (m) => add(m, path, parseFigure(m[1]!), () => []));
    }
  }
  return claims;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function nearest(positions: number[], target: number): number | undefined {
  let best: number | undefined;
  for (const p of positions) if (best === undefined || Math.abs(p - target) < Math.abs(best - target)) best = p;
  return best;
}

/**
 * Where a statement sits in the source text: at the section's own offset when
 * the section text is a verbatim slice there, else its occurrence nearest to
 * that place, else a match that tolerates markup and whitespace between its
 * characters (HTML). `undefined` when it cannot be found.
 */
export function locateStatement(source: string, statement: string, estimate: number): Span | undefined {
  if (source.slice(estimate, estimate + statement.length) === statement) {
    return { start: estimate, end: estimate + statement.length };
  }
  const chars = [...statement.replace(/\s+/g, "")];
  if (chars.length === 0 || EDGE_SPACE.test(statement)) {
    const at = nearest(occurrences(source, statement), estimate);
    if (at !== undefined) return { start: at, end: at + statement.length };
    return chars.length === 0 ? undefined : nearestSpan(tolerantSpans(source, chars), estimate);
  }
  // A statement without whitespace at its ends matches the tolerant pattern wherever it occurs
  // verbatim, so each verbatim occurrence starts inside a tolerant match: one pass finds both.
  const spans = tolerantSpans(source, chars);
  const at = nearest(occurrencesIn(source, statement, spans), estimate);
  if (at !== undefined) return { start: at, end: at + statement.length };
  return nearestSpan(spans, estimate);
}

const EDGE_SPACE = /^\s|\s$/;
const MARKUP_GAP = "(?:\\s|<[^>]*>|&[#a-zA-Z0-9]+;)*";

/** Every verbatim occurrence of `statement` in `source` (overlapping ones too), in order. */
function occurrences(source: string, statement: string): number[] {
  const found: number[] = [];
  for (let i = source.indexOf(statement); i >= 0; i = source.indexOf(statement, i + 1)) found.push(i);
  return found;
}

/** {@link occurrences} that start inside one of `spans` (which are in order and do not overlap). */
function occurrencesIn(source: string, statement: string, spans: readonly Span[]): number[] {
  const found: number[] = [];
  for (const { start, end } of spans) {
    for (let i = start; i < end; i++) if (source.startsWith(statement, i)) found.push(i);
  }
  return found;
}

/**
 * The matches of `chars` with whitespace, tags and entities allowed between them, in order, as a
 * global scan finds them. Every match begins with `chars[0]`, so the pattern is only tried where
 * that character occurs (a search for it is much faster than the regex scanning on its own).
 */
function tolerantSpans(source: string, chars: readonly string[]): Span[] {
  const tolerant = new RegExp(chars.map(escapeRegExp).join(MARKUP_GAP), "y");
  const first = chars[0]!;
  const spans: Span[] = [];
  for (let at = source.indexOf(first); at >= 0; ) {
    tolerant.lastIndex = at;
    const m = tolerant.exec(source);
    if (m === null) {
      at = source.indexOf(first, at + 1);
      continue;
    }
    const end = at + m[0].length;
    spans.push({ start: at, end });
    at = source.indexOf(first, end);
  }
  return spans;
}

function nearestSpan(spans: readonly Span[], estimate: number): Span | undefined {
  const start = nearest(
    spans.map((s) => s.start),
    estimate,
  );
  return spans.find((s) => s.start === start);
}

function claimFinding(report: Report, claim: Claim, read: CellReader, options: RuleOptions): Finding | undefined {
  const actual = read(claim.path);
  if (actual === undefined) return undefined;
  if (actual === null) {
    if (!options.includeNotCheckable) return undefined;
    return {
      rule: "narrative-mismatch",
      severity: "info",
      message: notCheckableMessage("narrative-mismatch", claim.statement, [claim.path]),
      paths: [claim.path],
      expected: claim.figure,
      actual: null,
      notCheckable: true,
    };
  }
  if (actual === claim.figure || claim.alsoAccepted(read).includes(claim.figure)) return undefined;
  const finding: Finding = {
    rule: "narrative-mismatch",
    severity: "warning",
    message: narrativeMismatchMessage(claim.statement, claim.path, claim.figure, actual),
    paths: [claim.path],
    expected: claim.figure,
    actual,
  };
  const sourceText = isObject(report.source) && typeof report.source.text === "string" ? report.source.text : "";
  const span = locateStatement(sourceText, claim.statement, (claim.textStart ?? 0) + claim.offset);
  if (span) {
    finding.start = span.start;
    finding.end = span.end;
  }
  return finding;
}

/** A figure the narrative states, as {@link narrativeClaims} returns it. */
export interface NarrativeClaim {
  /** The cell the statement is about. */
  path: string;
  /** The figure the statement gives. */
  figure: number;
  /** The statement as written. */
  statement: string;
}

/** Every statement of a figure the rule understands in the report's narrative, in text order (duplicates kept). */
export function narrativeClaims(report: Report): NarrativeClaim[] {
  const template = tableTemplate(report);
  if (template === null) return [];
  return narrativeTexts(report).flatMap((text) =>
    claimsIn(text, template === "2021").map(({ path, figure, statement }) => ({ path, figure, statement })),
  );
}

/** One warning per narrative figure the tables contradict (the same figure for the same cell once). */
export function checkNarrativeMismatch(report: Report, options: RuleOptions, values: ReportValues = modelValues(report)): Finding[] {
  const template = tableTemplate(report);
  if (template === null) return [];
  const read = values.read;
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const text of narrativeTexts(report)) {
    for (const claim of claimsIn(text, template === "2021")) {
      const key = `${claim.path}=${claim.figure}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const finding = claimFinding(report, claim, read, options);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** The `narrative-mismatch` rule. */
export const narrativeMismatch: ReportRule = { name: "narrative-mismatch", check: checkNarrativeMismatch };
