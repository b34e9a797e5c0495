/**
 * Layout detection: every layout module scores the text; the best score wins.
 */
import { LAYOUTS, type Layout, type LayoutDetection } from "../types.js";
import { LAYOUT_MODULES, type LayoutModule } from "../tokenize/index.js";
import { ParseContext } from "../text/parse-context.js";

/**
 * Score every layout on a text and choose the best.
 *
 * `confidence` is the winning score discounted by how close the runner-up came
 * (1 = only one layout fits, fully; 0 = nothing looks like a report table).
 *
 * @example
 * ```ts
 * detectLayout("规章 | 0 | 0 | 0 |\n行政规范性文件 | 1 | 0 | 5 |").layout // "pipe-rows"
 * ```
 */
export function detectLayout(text: string): LayoutDetection {
  if (typeof text !== "string") throw new TypeError("detectLayout(text): text must be a string");
  return detectLayoutIn(new ParseContext(text));
}

/** {@link detectLayout} of a parse's text: the detectors share the parse's state (lines, scans) with its tokenizer. */
export function detectLayoutIn(context: ParseContext): LayoutDetection {
  const text = context.text;
  const scores = Object.fromEntries(LAYOUTS.map((l) => [l, 0])) as Record<Layout, number>;
  // an HTML document is read as HTML: its text layouts are not scored
  const html = LAYOUT_MODULES.find((m) => m.layout === "html");
  const htmlScore = html ? safeScore(html, text, context) : 0;
  scores.html = htmlScore;
  for (const module of LAYOUT_MODULES) {
    if (module === html || htmlScore >= 0.9) continue;
    scores[module.layout] = safeScore(module, text, context);
  }
  let best: Layout = "flat-text";
  let bestScore = -1;
  let second = 0;
  for (const layout of LAYOUTS) {
    const s = scores[layout];
    if (s > bestScore) {
      second = Math.max(second, bestScore);
      best = layout;
      bestScore = s;
    } else if (s > second) second = s;
  }
  const confidence = bestScore <= 0 ? 0 : bestScore * (1 - second / (2 * bestScore));
  return { layout: best, confidence: round(confidence), scores };
}

function safeScore(module: LayoutModule, text: string, context: ParseContext): number {
  let score = 0;
  try {
    score = module.detect(text, context);
  } catch {
    score = 0;
  }
  return Number.isFinite(score) ? Math.max(0, Math.min(1, score)) : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
