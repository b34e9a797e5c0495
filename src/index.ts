/**
 * xxgk-report: parse Chinese government information-disclosure annual reports
 * (政府信息公开工作年度报告) into typed data and audit their numbers.
 *
 * @packageDocumentation
 */
export { parseReport, extractTables } from "./parse-report.js";
export { detectLayout } from "./layout/detect-layout.js";
export { flattenReport } from "./report/flatten-report.js";
export { buildReport } from "./report/build-report.js";
export { templatePaths, allTemplatePaths, APPLICATION_ROWS, ACTIVE_ROWS, APPEAL_ROWS, APPLICANT_COLUMNS, APPEAL_COLUMNS } from "./template/templates.js";
export type { RowSpec, ColumnSpec, TableTemplate } from "./template/templates.js";
export type { Tokenized, TextBlock, LayoutModule } from "./tokenize/types.js";
export type { ParseContext } from "./text/parse-context.js";
export { LAYOUTS } from "./types.js";
export type * from "./types.js";
export { validateReport } from "./validate/validate-report.js";
export { validateSeries } from "./validate/validate-series.js";
export { parseDocument, sniffFormat, isMissingPeer } from "./document/index.js";
export type { DocumentOptions, DocumentFormat, MissingPeerError } from "./document/index.js";
