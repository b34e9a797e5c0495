/**
 * `xxgk-report/docx`: annual reports published as Word .docx files. Needs the optional
 * peer dependency `mammoth`; the document's creation date (a last resort for
 * `meta.published`) is read when the optional `cfb` is installed too.
 *
 * @packageDocumentation
 */
export {
  parseDocx,
  docxToHtml,
  docxCreationDate,
  extractDocxTables,
  type DocxOptions,
  type DocxZipReader,
  type MammothModule,
} from "./parse-docx.js";
