/**
 * Builds Report objects for tests from flat `path → value` records, without the parser.
 */
import { APPLICANT_COLUMNS, rowsOf, templatePaths, type TableTemplate } from "../../src/template/templates.js";
import { organTypeOf } from "../../src/report/organ-type.js";
import { SECTION_HEADINGS } from "../../src/template/headings.js";
import type { Report, Section, TableKind } from "../../src/types.js";

type SectionNumber = Section["number"];

/** Default body of each section: plain text with no figure the narrative rule reads. */
export const DEFAULT_SECTION_TEXTS: Record<SectionNumber, string> = {
  1: "本年度，本机关认真贯彻落实《条例》，扎实推进政务公开工作。",
  2: "详见下表。",
  3: "详见下表。",
  4: "详见下表。",
  5: "公开工作仍有不足，下一步将加强培训。",
  6: "本年度未收取信息处理费。",
};

/** The paths of the cells a State Council table prints: every model path but the local 小计 column. */
export function printedPaths(template: TableTemplate): string[] {
  return templatePaths(template).filter((p) => !p.endsWith(".orgSubtotal"));
}

/** `values` with every `orgSubtotal` path of the template set to `null` (a table without 小计). */
export function withoutSubtotal<T>(template: TableTemplate, values: Record<string, T>): Record<string, T | null> {
  const out: Record<string, T | null> = { ...values };
  for (const p of templatePaths(template)) if (p.endsWith(".orgSubtotal")) out[p] = null;
  return out;
}

export interface MakeReportOptions {
  /** Template of the report (default `"2021"`). */
  template?: TableTemplate;
  /** `meta.year` (default 2022 for the 2021 template, 2020 for the 2019 template). */
  year?: number | null;
  /** Values of paths not in `values`: `"sample"` (consistent non-zero figures, the default) or `"zero"`. */
  base?: "sample" | "zero";
  /** Section bodies replacing the defaults. */
  sections?: Partial<Record<SectionNumber, string>>;
  /** Section numbers to leave out. */
  omitSections?: SectionNumber[];
  /** Tables to set to `null`. */
  omitTables?: TableKind[];
  /** `meta.published` (default: 15 January of the year after `year`, on time for any organ). */
  published?: string | null;
  /** `meta.organization` (default `测试局`); `meta.organType` follows from it. */
  organization?: string;
  /** Replaces `source.text` (the sections keep the offsets they had in the generated text). */
  sourceText?: string;
}

/**
 * Consistent figures for every path of a template: every arithmetic rule holds,
 * most cells are non-zero, `*.change` has a negative value and money has decimals.
 */
export function sampleValues(template: TableTemplate): Record<string, number | null> {
  const v: Record<string, number | null> = {};
  // 小计 is a column only some reports print: blank unless a test gives it
  for (const path of templatePaths(template)) v[path] = path.endsWith(".orgSubtotal") ? null : 0;
  if (template === "2021") {
    Object.assign(v, {
      "activeDisclosure.rules.issued": 1,
      "activeDisclosure.rules.repealed": 0,
      "activeDisclosure.rules.inForce": 10,
      "activeDisclosure.normativeDocuments.issued": 5,
      "activeDisclosure.normativeDocuments.repealed": 2,
      "activeDisclosure.normativeDocuments.inForce": 40,
      "activeDisclosure.licensing.decisions": 120,
      "activeDisclosure.punishment.decisions": 30,
      "activeDisclosure.coercion.decisions": 4,
      "activeDisclosure.fees.amount": 12.5,
    });
  } else {
    Object.assign(v, {
      "activeDisclosure.rules.made": 1,
      "activeDisclosure.rules.published": 1,
      "activeDisclosure.rules.total": 10,
      "activeDisclosure.normativeDocuments.made": 5,
      "activeDisclosure.normativeDocuments.published": 5,
      "activeDisclosure.normativeDocuments.total": 40,
      "activeDisclosure.licensing.previous": 20,
      "activeDisclosure.licensing.change": -3,
      "activeDisclosure.licensing.decisions": 100,
      "activeDisclosure.otherServices.previous": 5,
      "activeDisclosure.otherServices.change": 1,
      "activeDisclosure.otherServices.decisions": 7,
      "activeDisclosure.punishment.previous": 3,
      "activeDisclosure.punishment.decisions": 30,
      "activeDisclosure.coercion.previous": 2,
      "activeDisclosure.coercion.decisions": 4,
      "activeDisclosure.fees.previous": 1,
      "activeDisclosure.fees.change": -1,
      "activeDisclosure.procurement.items": 3,
      "activeDisclosure.procurement.amount": 45.67,
    });
  }
  const other = template === "2021" ? "otherHandling.other" : "otherHandling.all";
  const applicants = APPLICANT_COLUMNS.filter((c) => c.key !== "total").map((c) => c.key);
  applicants.forEach((col, i) => {
    const cell: Record<string, number> = {
      newReceived: 5 + i,
      carriedOver: i % 2,
      granted: 2 + i,
      partiallyGranted: 1,
      "denied.thirdPartyRights": i === 0 ? 1 : 0,
      "unavailable.notHeld": 1,
      [other]: i === 1 ? 1 : 0,
    };
    for (const [row, value] of Object.entries(cell)) v[`applications.${row}.${col}`] = value;
    const outcome = rowsOf("applications", template)
      .map((r) => r.path)
      .filter((p) => !["newReceived", "carriedOver", "total", "carriedForward"].includes(p))
      .reduce((sum, row) => sum + (v[`applications.${row}.${col}`] ?? 0), 0);
    v[`applications.total.${col}`] = outcome;
    v[`applications.carriedForward.${col}`] = cell.newReceived! + cell.carriedOver! - outcome;
  });
  for (const { path: row } of rowsOf("applications", template)) {
    v[`applications.${row}.total`] = applicants.reduce((sum, col) => sum + (v[`applications.${row}.${col}`] ?? 0), 0);
  }
  const appeals: Record<string, number[]> = {
    review: [1, 2, 0, 1, 4],
    litigationDirect: [0, 1, 1, 0, 2],
    litigationAfterReview: [0, 0, 0, 1, 1],
  };
  for (const [row, numbers] of Object.entries(appeals)) {
    ["upheld", "corrected", "other", "pending", "total"].forEach((col, i) => {
      v[`appeals.${row}.${col}`] = numbers[i]!;
    });
  }
  return v;
}

function setPath(root: Record<string, unknown>, path: string, value: number | null): void {
  const keys = path.split(".");
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (typeof node[key] !== "object" || node[key] === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The source text and sections of a report with the given section bodies. */
function buildText(
  title: string,
  options: MakeReportOptions,
): { text: string; sections: Section[] } {
  let text = `${title}\n`;
  const sections: Section[] = [];
  for (const n of [1, 2, 3, 4, 5, 6] as const) {
    if (options.omitSections?.includes(n)) continue;
    const body = options.sections?.[n] ?? DEFAULT_SECTION_TEXTS[n];
    const sectionText = `${SECTION_HEADINGS[n]}\n${body}`;
    sections.push({ number: n, heading: SECTION_HEADINGS[n], text: sectionText, start: text.length, end: text.length + sectionText.length });
    text += `${sectionText}\n`;
  }
  return { text, sections };
}

/**
 * A Report of the 2021 or 2019 template. Every path of the template takes its
 * value from `values` when present there (a `null` makes a blank cell), else
 * from the base figures. Sections 一 … 六 are present with harmless default texts.
 */
export function makeReport(values: Record<string, number | null> = {}, options: MakeReportOptions = {}): Report {
  const template = options.template ?? "2021";
  const base = options.base === "zero" ? {} : sampleValues(template);
  const tables: Record<string, unknown> = {};
  for (const path of templatePaths(template)) {
    const value = Object.prototype.hasOwnProperty.call(values, path) ? values[path]! : path.endsWith(".orgSubtotal") ? null : (base[path] ?? 0);
    setPath(tables, path, value);
  }
  for (const kind of options.omitTables ?? []) tables[kind] = null;
  const year = options.year === undefined ? (template === "2021" ? 2022 : 2020) : options.year;
  const organization = options.organization ?? "测试局";
  const title = `${organization}${year ?? ""}年政府信息公开工作年度报告`;
  const published = options.published === undefined ? (year === null ? null : `${year + 1}-01-15`) : options.published;
  const { text, sections } = buildText(title, options);
  return {
    template,
    meta: { title, organization, year, published, organType: organTypeOf(organization) },
    activeDisclosure: tables.activeDisclosure as Report["activeDisclosure"],
    applications: tables.applications as Report["applications"],
    appeals: tables.appeals as Report["appeals"],
    sections,
    source: {
      layout: "pipe-rows",
      confidence: 1,
      encoding: null,
      encodingReason: null,
      text: options.sourceText ?? text,
    },
    locations: {},
    diagnostics: [],
  };
}
