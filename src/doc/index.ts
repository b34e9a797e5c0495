/**
 * `xxgk-report/doc`: annual reports published as Word 97–2003 .doc files. Needs the
 * optional peer dependency `cfb` (which opens the OLE container; the Word streams are
 * read here).
 *
 * @packageDocumentation
 */
export { parseDoc, docToText, extractDocTables, type DocOptions, type CfbModule } from "./parse-doc.js";
export { readWordParagraphs, paragraphsToTabRows, WordFormatError, type WordParagraph } from "./word-binary.js";
