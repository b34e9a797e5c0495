/**
 * From a tokenized text to the report model: sections, a second copy of the
 * report, table kinds, template matching, values and metadata.
 */
import type {
  Diagnostic,
  Layout,
  Report,
  ReportSource,
  Section,
  Table,
  TableKind,
  TemplateVersion,
} from "../types.js";
import { SECTION_HEADINGS } from "../template/headings.js";
import type { TextBlock, Tokenized } from "../tokenize/types.js";
import { classifyTable } from "./classify-table.js";
import { extractMeta } from "./extract-meta.js";
import { buildSections } from "./find-sections.js";
import type { MappedTables } from "./map-tables.js";
import { mapFragmentReadings } from "./map-fragments.js";
import { buildModel } from "./build-model.js";
import { locateDiagnostics } from "./locate.js";
import { findStrayContent } from "./stray-rows.js";
import { joinFragmentLabels } from "./join-fragments.js";
import { organTypeOf } from "./organ-type.js";
import { findPublished } from "./published-date.js";

const SECTION_KIND: Partial<Record<number, TableKind>> = { 2: "activeDisclosure", 3: "applications", 4: "appeals" };

const LEGACY_CUES = /历年累计|否决公开|收费及减免|申诉|咨询.{0,10}(人次|件)|回应解读|依申请公开.{0,6}(受理|答复).{0,6}\d/;

/** Everything about the input that is not in the tokens. */
export interface BuildSource {
  layout: Layout | null;
  confidence: number;
  encoding: string | null;
  encodingReason: ReportSource["encodingReason"];
  /**
   * The creation date of the file (`YYYY-MM-DD`, from a PDF's or DOCX's properties): `meta.published`
   * when the text states no date, with a `published-from-file` diagnostic. Not part of `report.source`.
   */
  created?: string | null;
}

/**
 * Map any layout's tokens onto the report model. Pure; never throws on odd tokens.
 *
 * @param text - the text every offset points into
 * @param tokenized - the tokenizer's tables and blocks
 */
export function buildReport(text: string, tokenized: Tokenized, source: BuildSource, diagnostics: Diagnostic[] = []): Report {
  // in document order, and never ending before they start (text of broken markup may map back oddly)
  const allBlocks = tokenized.blocks.map((b) => (b.end < b.start ? { ...b, end: b.start } : b)).sort((a, b) => a.start - b.start);
  const { sections, copyStart } = buildSections(allBlocks, text.length);
  if (copyStart !== null) diagnostics.push(duplicateDiagnostic(text, sections[0]?.start ?? 0, copyStart));
  const limit = copyStart ?? text.length;
  const blocks = allBlocks.filter((b) => b.start < limit);
  const stray = findStrayContent(blocks, sections, tokenized.layout);
  const sorted = [...tokenized.tables.filter((t) => t.start < limit), ...stray.tables].sort((a, b) => a.start - b.start);
  classifyTables(sorted, sections);
  const floating = stray.floating.filter((f) => f.section === 2).map((f) => f.cell);
  const readings = tokenized.layout === "markdown" ? joinFragmentLabels(sorted, blocks, sections) : [{ tables: sorted, joined: [] }];
  const tables = readings[0]!.tables;
  const mapped = mapFragmentReadings(readings, floating);
  diagnostics.push(...tokenized.diagnostics.filter((d) => d.start === undefined || d.start < limit));
  diagnostics.push(...mapped.diagnostics);

  const firstSection = sections[0]?.start ?? limit;
  const head = blocks.filter((b) => b.start < firstSection);
  const named = extractMeta(head.length > 0 ? head : blocks.slice(0, 3), blocks, tokenized.documentTitle);
  const published = findPublished(text, blocks, head, sections);
  const meta = { ...named, published: published?.date ?? null, organType: organTypeOf(named.organization) };
  if (published === null && source.created) {
    meta.published = source.created;
    diagnostics.push(fileDateDiagnostic(source.created));
  }
  const template = chooseTemplate(mapped, sections, blocks, text, diagnostics);
  const model = buildModel(template, mapped);
  missingTableDiagnostics(template, mapped, diagnostics);
  missingSectionDiagnostics(template, sections, diagnostics);
  const cut = truncationDiagnostic(template, sections, tables, limit, text);
  if (cut) diagnostics.push(cut);

  const locations = template === "2021" || template === "2019" ? mapped.locations : {};
  if (published !== null) locations["meta.published"] = { start: published.start, end: published.end, text: published.text };
  const { created: _created, ...reportSource } = source;
  const report: Report = {
    template,
    meta,
    ...model,
    sections,
    source: { ...reportSource, text },
    locations,
    diagnostics,
  };
  locateDiagnostics(report);
  return report;
}

/** Set each table's kind: by its words, or else by the section it stands in. */
function classifyTables(tables: Table[], sections: readonly Section[]): void {
  for (const table of tables) {
    if (table.kind) continue;
    table.kind = classifyTable(table);
    if (table.kind) continue;
    const section = [...sections].reverse().find((s) => s.start <= table.start);
    table.kind = section ? (SECTION_KIND[section.number] ?? null) : null;
  }
}

function chooseTemplate(
  mapped: MappedTables,
  sections: readonly Section[],
  blocks: readonly TextBlock[],
  text: string,
  diagnostics: Diagnostic[],
): TemplateVersion {
  if (mapped.template) return mapped.template;
  const narrative = blocks.map((b) => b.text).join("\n");
  const looksLikeReport = /政府信息公开/.test(text) && (/年度报告|年报|工作报告/.test(text) || sections.length >= 3);
  if (looksLikeReport && LEGACY_CUES.test(narrative)) {
    diagnostics.push({
      code: "legacy-report",
      severity: "info",
      message: "2019 年以前格式的年度报告：不按表格模板读取 / a pre-2019 report: its statistics are not read into the tables",
    });
    return "legacy";
  }
  diagnostics.push({
    code: "not-a-report",
    severity: "error",
    message: looksLikeReport
      ? "找不到年度报告的统计表格 / no table of the annual-report template was found"
      : "不像政府信息公开工作年度报告 / the text does not look like a government information-disclosure annual report",
  });
  return "unknown";
}

function missingTableDiagnostics(template: TemplateVersion, mapped: MappedTables, diagnostics: Diagnostic[]): void {
  if (template !== "2021" && template !== "2019") return;
  const names: Record<TableKind, string> = {
    activeDisclosure: "二、主动公开政府信息情况",
    applications: "三、收到和处理政府信息公开申请情况",
    appeals: "四、政府信息公开行政复议、行政诉讼情况",
  };
  for (const kind of ["activeDisclosure", "applications", "appeals"] as const) {
    if (mapped.present.has(kind)) continue;
    diagnostics.push({
      code: "missing-table",
      severity: "error",
      path: kind,
      message: `未找到表格“${names[kind]}” / table ${kind} (${names[kind]}) not found`,
    });
  }
}

const SECTION_NAMES = Object.values(SECTION_HEADINGS);

function missingSectionDiagnostics(template: TemplateVersion, sections: readonly Section[], diagnostics: Diagnostic[]): void {
  if (template !== "2021" && template !== "2019") return;
  const found = new Set(sections.map((s) => s.number));
  SECTION_NAMES.forEach((name, i) => {
    if (found.has((i + 1) as Section["number"])) return;
    diagnostics.push({
      code: "missing-section",
      severity: "warning",
      path: "sections",
      message: `未找到“${name}”一节的标题 / no heading of section ${i + 1} (${name})`,
    });
  });
}

/** A report whose text ends inside a table, before its last sections, was cut off. */
function truncationDiagnostic(
  template: TemplateVersion,
  sections: readonly Section[],
  tables: readonly Table[],
  limit: number,
  text: string,
): Diagnostic | null {
  if (template !== "2021" && template !== "2019") return null;
  const last = tables[tables.length - 1];
  const lastSection = sections[sections.length - 1];
  if (!last || last.end > limit || (lastSection && lastSection.number >= 5)) return null;
  if (text.slice(last.end, limit).trim() !== "") return null;
  return {
    code: "truncated",
    severity: "warning",
    start: last.end,
    end: limit,
    message: "文本在表格中结束，报告似乎不完整 / the text ends inside a table: the report looks cut off",
  };
}

function fileDateDiagnostic(created: string): Diagnostic {
  return {
    code: "published-from-file",
    severity: "info",
    path: "meta.published",
    message: `正文未写明发布日期，采用文件的创建日期 ${created} / the text states no publication date: meta.published is the file's creation date ${created}`,
  };
}

function duplicateDiagnostic(text: string, firstStart: number, copyStart: number): Diagnostic {
  const first = text.slice(firstStart, copyStart).trim();
  const second = text.slice(copyStart).trim();
  const same = second.startsWith(first) || first === second;
  return {
    code: "duplicate-body",
    severity: same ? "info" : "warning",
    start: copyStart,
    end: text.length,
    message: same
      ? "报告正文重复出现两次，只读取第一份 / the report's body appears twice; the first copy was read"
      : "报告正文在此处重新开始（与第一份不完全相同），只读取第一份 / the report starts again here (not identical to the first copy); the first copy was read",
  };
}
