/**
 * `repeated-text` (series): how much of year N's narrative is year N−1's, sentence by
 * sentence with the figures left out — the check of evaluations that deduct points when a
 * report repeats last year's text with the numbers changed.
 *
 * A sentence is what lies between 。！？；(and their half-width forms) or line breaks, read
 * from the narrative sections 一、总体情况, 五 and 六 (the tables' sections are left out);
 * a line break inside a hard-wrapped paragraph (a line of at least
 * {@link WRAPPED_LINE_LENGTH} characters that does not end in punctuation) continues the
 * sentence. Sentences are compared after folding full-width characters and removing
 * whitespace and every number (`2024`, `1,295`, `95.5`); sentences shorter than
 * {@link MIN_SENTENCE_LENGTH} characters after that (headings, `无。`) are not counted.
 */
import { toHalfWidth } from "../../text/cell-value.js";
import type { Finding, Report } from "../../types.js";
import { repeatedNotCheckableMessage, repeatedTextMessage } from "../messages.js";
import { isObject, type ReportPair, type RuleOptions, type SeriesRule } from "../rule.js";

/** Sentences shorter than this (in characters, after normalising) are not counted. */
export const MIN_SENTENCE_LENGTH = 8;
/** A line at least this long that does not end in punctuation is a wrapped line: the sentence goes on. */
export const WRAPPED_LINE_LENGTH = 20;
/** Above this share of repeated sentences the finding is a warning. */
export const REPEATED_SHARE_LIMIT = 0.5;

const NARRATIVE_SECTIONS = new Set([1, 5, 6]);
const SENTENCE_END = /[。！？；!?;]/u;
const LINE_END_PUNCTUATION = /[。！？；!?;：:，,、）)」』”]$/u;

/** The narrative of sections 一, 五 and 六, one string per section, without the heading (the template's own words). */
function narrativeTexts(report: Report): string[] {
  const sections: unknown = report.sections;
  if (!Array.isArray(sections)) return [];
  const texts: string[] = [];
  for (const s of sections) {
    if (!isObject(s) || typeof s.number !== "number" || !NARRATIVE_SECTIONS.has(s.number) || typeof s.text !== "string") continue;
    const text = s.text.trimStart();
    const heading = typeof s.heading === "string" ? s.heading.trim() : "";
    texts.push(heading !== "" && text.startsWith(heading) ? text.slice(heading.length) : text);
  }
  return texts;
}

/** Lines joined where a paragraph was hard-wrapped, split where a line ends a sentence or a heading. */
function logicalLines(text: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const line = raw.trim();
    if (line === "") {
      if (current !== "") lines.push(current);
      current = "";
      continue;
    }
    current += line;
    if (line.length < WRAPPED_LINE_LENGTH || LINE_END_PUNCTUATION.test(line)) {
      lines.push(current);
      current = "";
    }
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** A sentence as it is compared: full-width folded, without whitespace and without numbers. */
export function normalizeSentence(sentence: string): string {
  return toHalfWidth(sentence).replace(/\s+/gu, "").replace(/\d[\d.,]*/gu, "");
}

/** The counted sentences of a report's narrative, normalised, in order (repeats kept). */
export function narrativeSentences(report: Report): string[] {
  const out: string[] = [];
  for (const text of narrativeTexts(report)) {
    for (const line of logicalLines(text)) {
      for (const piece of line.split(SENTENCE_END)) {
        const sentence = normalizeSentence(piece);
        if (sentence.length >= MIN_SENTENCE_LENGTH) out.push(sentence);
      }
    }
  }
  return out;
}

/** Reports of a known template (2021, 2019, legacy): others are not reports, or not parsed ones. */
function hasNarrative(report: Report): boolean {
  return report.template === "2021" || report.template === "2019" || report.template === "legacy";
}

/** The share of `later`'s sentences found in `earlier`, with the counts. */
export function repeatedShare(earlier: readonly string[], later: readonly string[]): { repeated: number; total: number; share: number } {
  const known = new Set(earlier);
  const repeated = later.filter((s) => known.has(s)).length;
  return { repeated, total: later.length, share: later.length === 0 ? 0 : repeated / later.length };
}

/**
 * Per pair of years, always an `info` with the share of year N's sentences found in year N−1
 * (`actual`, 0..1, three decimals; `expected` the limit 0.5), and before it a `warning` with the
 * same figures when the share is above half. Paths `["sections"]`, `reports` `[N−1, N]`. Not
 * checkable (one info) when either year has no sentence to compare.
 */
export function checkRepeatedText(pair: ReportPair, options: RuleOptions): Finding[] {
  const { earlier, later, years } = pair;
  if (!hasNarrative(earlier) || !hasNarrative(later)) return [];
  const before = narrativeSentences(earlier);
  const after = narrativeSentences(later);
  const base = { rule: "repeated-text" as const, reports: [...years] };
  if (before.length === 0 || after.length === 0) {
    if (!options.includeNotCheckable) return [];
    const empty = [...(before.length === 0 ? [years[0]] : []), ...(after.length === 0 ? [years[1]] : [])];
    return [{ ...base, paths: ["sections"], severity: "info", message: repeatedNotCheckableMessage(empty), notCheckable: true }];
  }
  const { repeated, total, share } = repeatedShare(before, after);
  const over = share > REPEATED_SHARE_LIMIT;
  const finding = (severity: "warning" | "info"): Finding => ({
    ...base,
    paths: ["sections"],
    severity,
    message: repeatedTextMessage(years[0], years[1], repeated, total, share, severity === "warning"),
    expected: REPEATED_SHARE_LIMIT,
    actual: Math.round(share * 1000) / 1000,
  });
  return over ? [finding("warning"), finding("info")] : [finding("info")];
}

/** The `repeated-text` rule. */
export const repeatedText: SeriesRule = { name: "repeated-text", check: checkRepeatedText };
