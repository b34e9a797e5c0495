/**
 * Typo-tolerant label similarity over the meaning-bearing characters of labels.
 *
 * Characters are weighted by how rare they are among the labels of one table
 * (政府信息公开申请 is in every row of table 3 and says little; 秘密 or 出版物
 * says which row it is), so an OCR typo or a missing word costs little while
 * a different row scores low.
 */
import { labelKey } from "../template/normalize.js";
import { boundedMemo, type BoundedMemo } from "../text/bounded-memo.js";

/** A set of labels to match against, with character weights and counts computed once. */
export interface LabelIndex {
  keys: string[];
  weight(ch: string): number;
  /** Character counts of each key. */
  counts: Array<Map<string, number>>;
  /** Total weight of each key. */
  totals: number[];
  /** Scores of written keys already seen against every candidate (labels repeat across reports). */
  scores: BoundedMemo<Float64Array>;
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
  const counts = keys.map(charCounts);
  const totals = counts.map((c) => weightOfCounts(c, weight));
  return { keys, weight, counts, totals, scores: boundedMemo(4_000) };
}

/** Character counts by key: labels repeat across rows, templates and reports. */
const countCache = boundedMemo<Map<string, number>>(4_000);

/** Character counts of a key (do not mutate). */
function charCounts(key: string): Map<string, number> {
  return countCache.get(key, countChars);
}

function countChars(key: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of key) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

function weightOfCounts(counts: Map<string, number>, weight: (ch: string) => number): number {
  let w = 0;
  for (const [ch, c] of counts) w += c * weight(ch);
  return w;
}

/**
 * Similarity of a written label to the candidate `i` of the index, in 0..1.
 * Dice over weighted characters; a long candidate fully contained in the
 * written label (which may carry its group label too) also scores high.
 */
export function labelSimilarity(written: string, i: number, index: LabelIndex): number {
  return keySimilarity(labelKey(written), i, index);
}

/** {@link labelSimilarity} for a written label already reduced to its key. */
export function keySimilarity(key: string, i: number, index: LabelIndex): number {
  return similarities(key, index)[i] ?? 0;
}

/** The similarity of a written key to every candidate of the index, computed once per key (do not mutate). */
export function similarities(a: string, index: LabelIndex): Float64Array {
  return index.scores.get(a, (key) => computeSimilarities(key, index));
}

function computeSimilarities(a: string, index: LabelIndex): Float64Array {
  const scores = new Float64Array(index.keys.length);
  if (a.length > 0) {
    const aCounts = charCounts(a);
    const wa = weightOfCounts(aCounts, index.weight);
    index.keys.forEach((b, i) => {
      if (b.length === 0) return;
      if (a === b) {
        scores[i] = 1;
        return;
      }
      const bCounts = index.counts[i]!;
      let common = 0;
      for (const [ch, ca] of aCounts) {
        const cb = bCounts.get(ch);
        if (cb !== undefined) common += Math.min(ca, cb) * index.weight(ch);
      }
      const dice = (2 * common) / (wa + index.totals[i]!);
      const recall = b.length >= 4 && a.includes(b) ? 0.95 : 0;
      scores[i] = Math.max(dice, recall);
    });
  }
  return scores;
}
