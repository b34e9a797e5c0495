/**
 * Which of the files OCR reads some bytes are: PDF, PNG or JPEG, by their first bytes.
 */
import { sniffFormat } from "../file/sniff-format.js";

/** `"pdf"`, `"png"`, `"jpeg"`, or `null` for other bytes. */
export function sniffImage(bytes: Uint8Array): "pdf" | "png" | "jpeg" | null {
  const format = sniffFormat(bytes);
  return format === "pdf" || format === "png" || format === "jpeg" ? format : null;
}
