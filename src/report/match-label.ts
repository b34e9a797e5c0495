/**
 * Typo-tolerant label similarity over the meaning-bearing characters of labels.
 *
 * Characters are weighted by how rare they are among the labels of one table
 * (政府信息公开申请 is in every row of table 3 and says little; 秘密 or 出版物
 * says which row it is), so an OCR typo or a missing word costs little while
 * a different row scores low.
 */
import { labelKey } from "./normalize.js";

/** A set of labels to match against, with character weights computed once. */
export interface LabelIndex {
  keys: string[];
  weight(ch: string): number;
}

/** Build an index over candidate labels (typically one table's row labels). */
export function buildLabelIndex(labels: readonly string[]): LabelIndex {
  const keys = labels.map(labelKey);
  const df = new Map<string, number>();
  for (const key of keys) for (const ch of new Set(key)) df.set(ch, (df.get(ch) ?? 0) + 1);
  const n = keys.length;
  const cache = new Map<string, number>();
  const weight = (ch: string) => {
    let w = cache.get(ch);
    if (w === undefined) {
      w = Math.log(1 + n / (df.get(ch) ?? 0.5));
      cache.set(ch, w);
    }
    return w;
  };
  return { keys, weight };
}

function weightOf(key: string, index: LabelIndex): number {
  let w = 0;
  for (const ch of key) w += index.weight(ch);
  return w;
}

/** Weight of the characters two keys share (as multisets). */
function commonWeight(a: string, b: string, index: LabelIndex): number {
  const counts = new Map<string, number>();
  for (const ch of b) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let w = 0;
  for (const ch of a) {
    const c = counts.get(ch) ?? 0;
    if (c > 0) {
      counts.set(ch, c - 1);
      w += index.weight(ch);
    }
  }
  return w;
}

/**
 * Similarity of a written label to the candidate `i` of the index, in 0..1.
 * Dice over weighted characters; a long candidate fully contained in the
 * written label (which may carry its group label too) also scores high.
 */
export function labelSimilarity(written: string, i: number, index: LabelIndex): number {
  const a = labelKey(written);
  const b = index.keys[i] ?? "";
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  const wa = weightOf(a, index);
  const wb = weightOf(b, index);
  const common = commonWeight(a, b, index);
  const dice = (2 * common) / (wa + wb);
  const recall = b.length >= 4 && a.includes(b) ? 0.95 : 0;
  return Math.max(dice, recall);
}
