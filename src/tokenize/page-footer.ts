/**
 * Page furniture that PDF text extraction leaves in the text: page numbers
 * (`- 4 -`, `— 4 —`, `第 4 页`, `第4页 共6页`, `4 / 6`).
 */
import { toHalfWidth } from "../text/cell-value.js";

const FOOTERS: readonly RegExp[] = [
  /^[-—–−]+\s*\d{1,4}\s*[-—–−]+$/,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i,
];

/** True when a line is only a page number. */
export function isPageFooter(line: string): boolean {
  // every footer has a page number (full-width digits read as digits)
  if (!/[0-9０-９]/.test(line)) return false;
  // half-width conversion keeps the length and which characters are spaces (U+200B aside)
  if (line.length > 20 && line.trim().length > 20 && !line.includes("\u200b")) return false;
  const t = toHalfWidth(line).trim();
  if (t.length === 0 || t.length > 20) return false;
  return FOOTERS.some((re) => re.test(t));
}
