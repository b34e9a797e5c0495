/**
 * A value cell read as a number, or not at all. Glyphs that look like digits (`o O 〇 D`
 * for 0, `l I | 丨` for 1) are read as digits. A reading is taken when the recogniser is
 * sure of every digit and it has a character for every glyph the image shows; otherwise
 * the cell is read again in other views (the ink larger, smaller, darker; and glyph by
 * glyph, where its digits stand apart), and a number that two readings agree on, with no
 * rival as sure, is taken. What stays unsure is marked so, with what was read.
 */
import type { GrayImage, PixelBox } from "./gray-image.js";
import { glyphRuns } from "./glyph-runs.js";
import type { LineView, Recognizer, ReadText } from "./recognizer.js";

/** A value cell as read: a number's text (or words, or a blank marker) and how sure. */
export interface ValueRead {
  text: string;
  confidence: number;
  /** Other numbers the recogniser offered for the cell (a digit's second choice, another view's reading). */
  alternatives?: string[];
  /** What the recogniser read, when it is not sure of a number (`text` is then a blank marker). */
  uncertain?: { read: string; confidence: number };
}

/** What {@link readValue} needs beyond the piece. */
export interface ValueContext {
  recognizer: Recognizer;
  /** A digit less likely than this is doubted (default 0.97). */
  minConfidence: number;
  /** Grey level below which a pixel is ink, for counting glyphs (the grey edges of strokes included). */
  lightInk: number;
  /** How many glyphs the piece shows at least (see `glyph-runs.ts`). */
  glyphs: number;
}

const CONFUSABLE_DIGITS: Record<string, string> = {
  o: "0", O: "0", "〇": "0", "○": "0", D: "0", "Ｏ": "0", "ｏ": "0", "零": "0",
  l: "1", I: "1", "|": "1", "丨": "1", "Ｉ": "1", "ｌ": "1", "｜": "1", i: "1",
};

const NUMBER = /^\d+(\.\d+)?$/;

/** Two readings of a cell (in different views) that agree on a number settle it when both are at least this sure. */
const AGREE = 0.5;

/** A reading this sure is taken alone when no other reading offers another number at least {@link AGREE} sure. */
const NEARLY_SURE = 0.95;

/** The views an unsure value cell is read again in (see {@link LineView}). */
const REREAD_VIEWS: ReadonlyArray<LineView & { darker?: boolean }> = [
  { height: 40, pad: 0 },
  { height: 28, pad: 0 },
  { height: 32, pad: 0, darker: true },
];

const BLANK_MARKER = /^[/／—–\-－、\\]+$|^无$/;

/**
 * A value cell's reading as a number's text, confusable glyphs read as digits and
 * thousands separators dropped; `null` when it is not a number.
 */
export function numericText(read: string): string | null {
  let text = "";
  for (const c of read.replace(/\s+/g, "")) text += CONFUSABLE_DIGITS[c] ?? (c >= "０" && c <= "９" ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c);
  text = text.replace(/(\d),(?=\d{3}\b)/g, "$1");
  if (/[0-9]/.test(read) || /^[oO〇○DlI|丨ｏＯ]+$/.test(read.trim())) return NUMBER.test(text) ? text : null;
  return null;
}

/** True when the reading is words, not a number: it has a Han character (a header, a note). */
function isText(read: string): boolean {
  return /[\u3400-\u9fff]/.test(read);
}

/**
 * A number as a table prints it: a character for every glyph the image shows, and no
 * leading zero (`05` is a `105` or a `15` whose first digit was lost).
 */
function plausible(n: string | null, glyphs: number): n is string {
  return n !== null && n.length >= glyphs && !/^0\d/.test(n);
}

const darkened = new WeakMap<GrayImage, GrayImage>();

/** The image with its strokes darker and bolder-looking (grey levels squared): another view of thin glyphs. */
function darker(image: GrayImage): GrayImage {
  let out = darkened.get(image);
  if (!out) {
    const data = new Uint8Array(image.data.length);
    for (let i = 0; i < data.length; i++) data[i] = Math.round((image.data[i]! * image.data[i]!) / 255);
    out = { width: image.width, height: image.height, data };
    darkened.set(image, out);
  }
  return out;
}

/**
 * The numbers read when one digit is replaced by the recogniser's second choice for it,
 * when that is a digit too (at least 5 % likely): as many digits, no leading zero.
 */
function secondChoices(read: ReadText): string[] {
  const out = new Set<string>();
  const own = numericText(read.text);
  if (own === null) return [];
  read.chars.forEach((c, i) => {
    if (!c.alt || c.alt.p < 0.05 || numericText(c.char)?.length !== 1 || !/^\d$/.test(numericText(c.alt.char) ?? "")) return;
    const text = read.chars.map((d, j) => (j === i ? c.alt!.char : d.char)).join("");
    const number = numericText(text);
    if (number !== null && number !== own && number.length === own.length && !/^0\d/.test(number)) out.add(number);
  });
  return [...out];
}

/**
 * The cell read glyph by glyph, where its glyphs stand apart: each run of ink read as a
 * lone digit, joined. `null` unless every run reads as exactly one digit.
 */
async function readGlyphByGlyph(image: GrayImage, box: PixelBox, context: ValueContext): Promise<ReadText | null> {
  const runs = glyphRuns(image, context.lightInk, box);
  if (runs.length < 2) return null;
  const parts: ReadText[] = [];
  for (const run of runs) {
    const part = await context.recognizer.read(image, run);
    if (part.chars.length !== 1 || numericText(part.text)?.length !== 1) return null;
    parts.push(part);
  }
  const chars = parts.flatMap((p) => p.chars);
  return { text: chars.map((c) => c.char).join(""), chars, confidence: Math.min(...parts.map((p) => p.confidence)) };
}

/** Every plausible number the readings offered, second choices included, but `taken`. */
function offered(readings: readonly ReadText[], taken: string, glyphs: number): string[] {
  const out = new Set<string>();
  for (const r of readings) {
    const n = numericText(r.text);
    if (plausible(n, glyphs) && r.confidence >= AGREE) out.add(n);
    for (const m of secondChoices(r)) if (plausible(m, glyphs)) out.add(m);
  }
  out.delete(taken);
  return [...out];
}

/** The number two readings agree on with no rival as sure, or one nearly sure reading offers alone; else `null`. */
function settle(readings: readonly ReadText[], glyphs: number): { number: string; top: ReadText } | null {
  const votes = new Map<string, ReadText[]>();
  for (const r of readings) {
    const n = numericText(r.text);
    if (!plausible(n, glyphs) || r.confidence < AGREE) continue;
    votes.set(n, [...(votes.get(n) ?? []), r]);
  }
  const agreed = [...votes].filter(([, rs]) => rs.length >= 2);
  if (agreed.length === 1) {
    const [number, rs] = agreed[0]!;
    const top = rs.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    const rival = [...votes].some(([m, others]) => m !== number && others.some((r) => r.confidence >= top.confidence - 0.05));
    if (!rival) return { number, top };
  }
  const best = readings.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  const number = numericText(best.text);
  if (plausible(number, glyphs) && best.confidence >= NEARLY_SURE && votes.size === 1 && votes.has(number)) return { number, top: best };
  return null;
}

/**
 * How far a lone stroke leans: the slope (pixels across per pixel down) of the middle of
 * its ink, row by row over the middle three fifths of the box. Negative for a `/`.
 */
export function slant(image: GrayImage, threshold: number, box: PixelBox): number {
  const h = box.y1 - box.y0;
  const ys: number[] = [];
  const xs: number[] = [];
  for (let y = box.y0 + Math.floor(h / 5); y < box.y1 - Math.floor(h / 5); y++) {
    let sum = 0;
    let count = 0;
    for (let x = box.x0; x < box.x1; x++) {
      if (image.data[y * image.width + x]! < threshold) {
        sum += x;
        count++;
      }
    }
    if (count > 0) {
      ys.push(y);
      xs.push(sum / count);
    }
  }
  if (ys.length < 3) return 0;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  let num = 0;
  let den = 0;
  ys.forEach((y, i) => {
    num += (y - my) * (xs[i]! - mx);
    den += (y - my) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/** A lone stroke leaning this much (either way) is a slash (a blank marker), whatever it is read as: a `1` stands upright. */
const SLASH_SLANT = 0.15;

/** Read a value cell whose first reading is `first` (see the module's comment). `null` for a cell without text. */
export async function readValue(image: GrayImage, box: PixelBox, first: ReadText, context: ValueContext): Promise<ValueRead | null> {
  const { glyphs, recognizer } = context;
  // words and blank markers stay as they are; anything else in a value cell is read as a number or not at all
  if (numericText(first.text) === null && (isText(first.text) || BLANK_MARKER.test(first.text.trim()))) {
    return first.text.trim() === "" ? null : { text: first.text.trim(), confidence: first.confidence };
  }
  const number = numericText(first.text);
  if (number === "1" && glyphs <= 1 && Math.abs(slant(image, context.lightInk, box)) >= SLASH_SLANT) return { text: "/", confidence: first.confidence };
  if (plausible(number, glyphs) && first.confidence >= context.minConfidence) return { text: number, confidence: first.confidence, alternatives: secondChoices(first) };
  const readings = [first];
  for (const view of REREAD_VIEWS) readings.push(await recognizer.read(view.darker ? darker(image) : image, box, view));
  const byGlyph = await readGlyphByGlyph(image, box, context);
  if (byGlyph) readings.push(byGlyph);
  const settled = settle(readings, glyphs);
  if (settled) return { text: settled.number, confidence: settled.top.confidence, alternatives: offered(readings, settled.number, glyphs) };
  const best = readings.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  // stands in the grid as a blank marker, so no reading of it can pass for the cell's value
  return { text: "/", confidence: best.confidence, uncertain: { read: best.text, confidence: best.confidence }, alternatives: offered(readings, "", glyphs) };
}
