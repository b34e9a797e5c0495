/** The page's words, Chinese first, with English beside them. */

export type Language = "zh" | "en";

const WORDS = {
  skip: ["跳到正文", "Skip to content"],
  title: ["政府信息公开工作年度报告检查", "Government information disclosure annual report checker"],
  lead: [
    "把年度报告拖到这里：读出三张表格的每个数字，核对其中的合计。文件只在本机浏览器中处理，不会上传。",
    "Drop annual reports here: every number of the three tables is read and their sums are checked. Files are processed in this browser only and never uploaded.",
  ],
  inputHeading: ["选择文件", "Choose files"],
  dropHint: ["拖放 HTML、TXT、MD、PDF、DOCX、DOC 文件到这里，可一次多个", "Drop HTML, TXT, MD, PDF, DOCX or DOC files here, many at once"],
  pick: ["选择文件…", "Choose files…"],
  pasteSummary: ["或粘贴报告全文", "Or paste the text of a report"],
  pasteLabel: ["报告全文（纯文本或 HTML）", "Text of the report (plain text or HTML)"],
  pasteGo: ["解析粘贴的文本", "Parse the pasted text"],
  pasted: ["粘贴的文本", "pasted text"],
  progress: ["解析进度", "Progress"],
  progressText: ["已解析 {done} / {total}", "Parsed {done} of {total}"],
  progressDone: ["已解析 {total} 个文件", "Done: {total} parsed"],
  manyHeading: ["全部报告", "All reports"],
  filter: ["筛选", "Filter"],
  exportCsv: ["导出 CSV", "Export CSV"],
  bom: ["带 BOM（Excel）", "With BOM (Excel)"],
  csvHeader: ["表头", "Header"],
  headerEn: ["模型路径（英文）", "Model paths"],
  headerZh: ["中文", "Chinese"],
  exportNdjson: ["导出 NDJSON", "Export NDJSON"],
  exportJson: ["导出 JSON", "Export JSON"],
  summaryCaption: ["每个文件一行；点击列标题排序", "One row per file; click a column heading to sort"],
  seriesHeading: ["跨年度核对（按机关）", "Checks across years (by organisation)"],
  seriesNone: ["没有同一机关的多个年度。", "No organisation has reports of more than one year."],
  seriesOk: ["{count} 份报告（{years}）：未发现问题", "{count} reports ({years}): no findings"],
  findingsHeading: ["核对结果", "Findings"],
  findingsNone: ["未发现问题。", "No findings."],
  sourceHeading: ["原文", "Source text"],
  footer: ["由 xxgk-report 生成。离线可用。", "Made with xxgk-report. Works offline."],
  colFile: ["文件", "File"],
  colOrganization: ["机关", "Organisation"],
  colYear: ["年度", "Year"],
  colTemplate: ["模板", "Template"],
  colErrors: ["错误", "Errors"],
  colWarnings: ["警告", "Warnings"],
  colBlanks: ["空白", "Blanks"],
  metaOrganization: ["机关", "Organisation"],
  metaYear: ["年度", "Year"],
  metaTemplate: ["模板", "Template"],
  metaLayout: ["版式", "Layout"],
  metaEncoding: ["编码", "Encoding"],
  metaFormat: ["文件格式", "File format"],
  unknown: ["未识别", "unknown"],
  none: ["无", "none"],
  legendExact: ["读出的数值", "read exactly"],
  legendBlank: ["空白（null）", "blank (null)"],
  legendAmbiguous: ["有歧义（悬停查看其他读法）", "ambiguous (hover for the other readings)"],
  legendFail: ["未通过核对", "part of a failing rule"],
  alternatives: ["其他读法：", "Other readings: "],
  notAReport: ["{file}：不是年度报告——{reason}", "{file}: not an annual report — {reason}"],
  failed: ["{file}：无法解析——{reason}", "{file}: could not be parsed — {reason}"],
  readFailed: ["{file}：无法读取文件——{reason}", "{file}: the file could not be read — {reason}"],
  noReason: ["没有找到年度报告的表格", "no table of an annual report was found"],
  narrative: ["正文各部分", "Narrative sections"],
  back: ["查看", "Open"],
  severity_error: ["错误", "error"],
  severity_warning: ["警告", "warning"],
  severity_info: ["提示", "info"],
  table_activeDisclosure: ["二、主动公开政府信息情况", "2. Proactive disclosure"],
  table_applications: ["三、收到和处理政府信息公开申请情况", "3. Requests received and handled"],
  table_appeals: ["四、政府信息公开行政复议、行政诉讼情况", "4. Administrative reviews and lawsuits"],
  tableMissing: ["未读到此表。", "This table was not read."],
  applicantHeader: ["申请人情况", "Applicants"],
  orgHeader: ["法人或其他组织", "Legal persons and other organisations"],
  balanceNote: [
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    "(In each column: item 1 + item 2 = item 3 + item 4)",
  ],
  contentHeader: ["信息内容", "Item"],
  reviewHeader: ["行政复议", "Administrative review"],
  litigationHeader: ["行政诉讼", "Administrative litigation"],
  directHeader: ["未经复议直接起诉", "Sued directly"],
  afterReviewHeader: ["复议后起诉", "Sued after review"],
} as const satisfies Record<string, readonly [string, string]>;

export type WordKey = keyof typeof WORDS;

let current: Language = "zh";

/** The language shown. */
export function language(): Language {
  return current;
}

/** Switch the language shown. */
export function setLanguage(next: Language): void {
  current = next;
}

/** A word of the page in the current language, with `{name}` filled in. */
export function t(key: WordKey, values: Record<string, string | number> = {}): string {
  const text = WORDS[key][current === "zh" ? 0 : 1];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ""));
}

/**
 * The library's messages are Chinese, " / ", English: the part of the current language
 * (the whole message when it has no English part).
 */
export function bilingual(message: string): string {
  const at = message.indexOf(" / ");
  if (at < 0) return message;
  if (current === "en") return message.slice(at + 3);
  const zh = message.slice(0, at);
  // A reader's error ("无法读取PDF文件 / the PDF could not be read: <detail>") keeps its detail.
  const detail = / could not be read: (.+)$/s.exec(message.slice(at + 3));
  return detail ? `${zh}：${detail[1]}` : zh;
}
