/**
 * What the document entry points say when the extraction library cannot read a file.
 */
import type { Diagnostic } from "../types.js";

/**
 * The `decoding` error of a file its library could not read.
 *
 * @param zh - the file named in Chinese (`PDF`, `DOC`)
 * @param en - the file named in English (`the PDF`, `the DOC file`)
 */
export function unreadableFile(zh: string, en: string, error: unknown): Diagnostic {
  return {
    code: "decoding",
    severity: "error",
    message: `无法读取${zh}文件 / ${en} could not be read: ${error instanceof Error ? error.message : String(error)}`,
  };
}
