/**
 * `xxgk-report/docx`: annual reports published as Word .docx files. Needs the optional
 * peer dependency `mammoth`.
 *
 * @packageDocumentation
 */
export { parseDocx, docxToHtml, extractDocxTables, type DocxOptions, type MammothModule } from "./parse-docx.js";
