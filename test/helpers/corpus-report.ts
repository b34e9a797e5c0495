/**
 * Reports built from the corpus ground truth (`corpus/*.expected.json`) and the
 * corpus texts, without the parser: the tables hold the expected values and the
 * whole narrative of the file is one section.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { TableTemplate } from "../../src/template/templates.js";
import type { Report } from "../../src/types.js";
import type { Expected } from "./corpus.js";
import { makeReport } from "./make-report.js";

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
