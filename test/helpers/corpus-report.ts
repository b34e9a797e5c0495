/**
 * Reports built from the corpus ground truth (`corpus/*.expected.json`) and the
 * corpus texts, without the parser: the tables hold the expected values and the
 * whole narrative of the file is one section.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { TableTemplate } from "../../src/report/templates.js";
import type { Report } from "../../src/types.js";
import { makeReport } from "./make-report.js";

export const CORPUS_DIR = join(import.meta.dirname, "../../corpus");
export const CORPUS_EXTRA_DIR = join(import.meta.dirname, "../../../shared/corpus-extra");

/** The parts of an expected file the validation tests use. */
export interface Expected {
  id: string;
  files: Array<{ file: string; layout: string }>;
  template: string;
  meta: { year: number | null; organization: string | null; title: string | null };
  values: Record<string, number | null>;
  findings: Array<{ rule: string; severity: string; paths: string[]; expected?: number; actual?: number }>;
}

/** Every expected file of a folder (none when the folder is absent). */
export function readExpected(dir: string): Expected[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Expected);
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: "\"", ldquo: "“", rdquo: "”", middot: "·", mdash: "—" };

/** The visible text of an HTML document (tags dropped, common entities decoded). */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<[^>]*>/g, "")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m);
}

/**
 * A report for one file of an expected entry: the expected values, template and
 * year; `source.text` is the file itself and section 1 holds its whole visible text.
 */
export function corpusReport(dir: string, expected: Expected, file: string): Report {
  const text = readFileSync(join(dir, file), "utf8");
  const template = expected.template as TableTemplate;
  const report = makeReport(expected.values, { template, year: expected.meta.year });
  const narrative = file.endsWith(".html") ? htmlText(text) : text;
  report.sections = [{ number: 1, heading: "", text: narrative, start: 0, end: narrative.length }];
  report.source.text = text;
  return report;
}
