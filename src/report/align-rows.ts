/**
 * Align the written rows of a table with the template's rows: a monotone
 * alignment (rows keep their order) that maximises the total label similarity.
 * Order settles what a label alone cannot (`3.其他` is the row after
 * `2.申请人逾期未按收费通知…`; a header cell `总计` is not the `(七)总计` row).
 */
import type { LogicalRow } from "../tables/logical-rows.js";
import type { RowSpec } from "../template/templates.js";
import { buildLabelIndex, similarities, type LabelIndex } from "./match-label.js";
import { labelKey } from "../template/normalize.js";
import { newCounter } from "../text/step-budget.js";
import { boundedMemo, type BoundedMemo } from "../text/bounded-memo.js";

/** A written row matched to a template row. */
export interface RowMatch {
  row: LogicalRow;
  spec: RowSpec;
  score: number;
  /** True when the row was placed by its position between matched rows, not by its label. */
  positional?: boolean;
}

const MIN_SCORE = 0.45;

/**
 * Steps allowed for aligning one table: one step per (written row, template row) pair
 * scored. A table 三 of 30 rows against its 26 template rows takes 780; the body pasted
 * twice, 1,560. Past the budget, only the first rows that fit are aligned: the template
 * rows they leave unmatched stay null, each with a `missing-row` diagnostic.
 */
export const ALIGNMENT_BUDGET = 50_000;

/**
 * The rows that carry a label and a value — the ones an alignment scores — as many as
 * the budget lets `specs` be scored against (counted on a counter named `search`).
 */
function candidatesWithin(rows: readonly LogicalRow[], specs: readonly RowSpec[], search: string): LogicalRow[] {
  const counter = newCounter(ALIGNMENT_BUDGET, search);
  const candidates = rows.filter((r) => r.values.length > 0 && r.labels.length > 0);
  const fit = specs.length === 0 ? candidates.length : Math.floor(counter.budget / specs.length);
  const kept = candidates.length > fit ? candidates.slice(0, fit) : candidates;
  counter.steps = kept.length * specs.length;
  return kept;
}

interface SpecIndex {
  own: LabelIndex;
  grouped: LabelIndex;
  position: Map<RowSpec, number>;
  /** Per spec: the key of its group label when that differs from its own label (else ""). */
  groupOnly: string[];
}

const indexCache = new WeakMap<readonly RowSpec[], SpecIndex>();

/** Label indexes over all rows of a table (both templates), so weights and scores are shared. */
function indexesOf(universe: readonly RowSpec[]): SpecIndex {
  let cached = indexCache.get(universe);
  if (!cached) {
    cached = {
      own: buildLabelIndex(universe.map((s) => s.label)),
      grouped: buildLabelIndex(universe.map((s) => `${s.group ?? ""}${s.label}`)),
      position: new Map(universe.map((s, i) => [s, i])),
      groupOnly: universe.map((s) => (s.group && labelKey(s.group) !== labelKey(s.label) ? labelKey(s.group) : "")),
    };
    indexCache.set(universe, cached);
  }
  return cached;
}

/**
 * Similarity of a written row to every row of `universe` (indexed by position in it):
 * its own label, or all its labels against group + label; a group label alone scores half,
 * a row without numbers 0.6 of its label's score. `universe` is every row of the table in
 * both templates (for the weights); the label scores are looked up once per row.
 */
function rowScores(row: LogicalRow, universe: readonly RowSpec[], rowKeys: RowKeysOf): Float64Array {
  const out = new Float64Array(universe.length);
  const keys = rowKeys(row);
  if (keys === null) return out;
  const { own, grouped, groupOnly } = indexesOf(universe);
  const ownScores = similarities(keys.last, own);
  const groupedScores = keys.joined !== null ? similarities(keys.joined, grouped) : null;
  for (let j = 0; j < out.length; j++) {
    let s = ownScores[j] ?? 0;
    if (groupedScores !== null) s = Math.max(s, groupedScores[j] ?? 0);
    // a group label alone (`(六)其他处理` in the 2021 template) is not the row
    if (groupOnly[j] !== "" && groupOnly[j] === keys.last) s *= 0.5;
    out[j] = row.numbers > 0 ? s : s * 0.6;
  }
  return out;
}

const positionCache = new WeakMap<readonly RowSpec[], WeakMap<readonly RowSpec[], Int32Array>>();

/** Where each of `specs` stands in `universe` (-1 when absent), computed once per pair of lists. */
function positionsIn(specs: readonly RowSpec[], universe: readonly RowSpec[]): Int32Array {
  let byUniverse = positionCache.get(specs);
  if (!byUniverse) positionCache.set(specs, (byUniverse = new WeakMap()));
  let positions = byUniverse.get(universe);
  if (!positions) {
    const { position } = indexesOf(universe);
    positions = Int32Array.from(specs, (s) => position.get(s) ?? -1);
    byUniverse.set(universe, positions);
  }
  return positions;
}

/** The similarity matrix of rows × specs (row-major), see {@link rowScores}. */
function similarityMatrix(rows: readonly LogicalRow[], specs: readonly RowSpec[], universe: readonly RowSpec[], rowKeys: RowKeysOf): Float64Array {
  const S = specs.length;
  const sim = new Float64Array(rows.length * S);
  const positions = positionsIn(specs, universe);
  rows.forEach((row, i) => {
    const scores = rowScores(row, universe, rowKeys);
    for (let j = 0; j < S; j++) {
      const p = positions[j]!;
      sim[i * S + j] = p < 0 ? 0 : scores[p]!;
    }
  });
  return sim;
}

/** The label keys of a row: its own label, and all its labels joined (`null`: no label). */
type RowKeys = { last: string; joined: string | null } | null;

/** The label keys of a row, each row's computed once (per mapping of a report's tables). */
export type RowKeysOf = (row: LogicalRow) => RowKeys;

/** A {@link RowKeysOf} for one mapping of tables: the keys live as long as it, not on the rows. */
export function rowKeysMemo(): RowKeysOf {
  const memo = new Map<LogicalRow, RowKeys>();
  return (row) => {
    let keys = memo.get(row);
    if (keys === undefined) {
      keys = keysOf(row);
      memo.set(row, keys);
    }
    return keys;
  };
}

function keysOf(row: LogicalRow): RowKeys {
  const last = row.labels[row.labels.length - 1];
  return last ? { last: labelKey(last.text), joined: row.labels.length > 1 ? labelKey(row.labels.map((c) => c.text).join("")) : null } : null;
}
/**
 * Align rows to specs; rows without any value cell never match. `universe` lists every
 * row of the table in both templates (defaults to `specs`); `rowKeys` reads the rows' label
 * keys (pass one {@link rowKeysMemo} to the alignments of one set of rows to read them once).
 * Runs under {@link ALIGNMENT_BUDGET}.
 */
export function alignRows(rows: readonly LogicalRow[], specs: readonly RowSpec[], universe: readonly RowSpec[] = specs, rowKeys: RowKeysOf = rowKeysMemo()): RowMatch[] {
  return cachedMatches("align", rows, specs, universe, computeAlignment, rowKeys);
}

function computeAlignment(rows: readonly LogicalRow[], specs: readonly RowSpec[], universe: readonly RowSpec[], rowKeys: RowKeysOf): RowMatch[] {
  const candidates = candidatesWithin(rows, specs, "align rows");
  const R = candidates.length;
  const S = specs.length;
  const W = S + 1;
  // best[i*W+j]: best total using candidates[i..] and specs[j..]
  const best = new Float64Array((R + 1) * W);
  const sim = similarityMatrix(candidates, specs, universe, rowKeys);
  for (let i = R - 1; i >= 0; i--) {
    for (let j = S - 1; j >= 0; j--) {
      const s = sim[i * S + j]!;
      const take = s >= MIN_SCORE ? s + best[(i + 1) * W + j + 1]! : -1;
      best[i * W + j] = Math.max(take, best[(i + 1) * W + j]!, best[i * W + j + 1]!);
    }
  }
  const matches: RowMatch[] = [];
  let i = 0;
  let j = 0;
  while (i < R && j < S) {
    const s = sim[i * S + j]!;
    if (s >= MIN_SCORE && Math.abs(best[i * W + j]! - (s + best[(i + 1) * W + j + 1]!)) < 1e-9) {
      matches.push({ row: candidates[i]!, spec: specs[j]!, score: s });
      i++;
      j++;
    } else if (best[i * W + j] === best[(i + 1) * W + j]) i++;
    else j++;
  }
  return matches;
}

/** Total score of an alignment (used to choose the template). */
export function alignmentScore(matches: readonly RowMatch[]): number {
  let s = 0;
  for (const m of matches) s += m.score;
  return s;
}

/**
 * Place rows of numbers whose label was lost (converters orphan labels from their
 * numbers) by position: between two matched rows, when the unmatched rows with numbers
 * are exactly as many as the template rows left unmatched there.
 */
export function fillGaps(rows: readonly LogicalRow[], specs: readonly RowSpec[], matches: readonly RowMatch[]): RowMatch[] {
  const matchedRows = new Set(matches.map((m) => m.row));
  const specIndex = new Map(specs.map((s, i) => [s, i]));
  const rowIndex = new Map(rows.map((r, i) => [r, i]));
  const out: RowMatch[] = [...matches];
  const bounds = [
    { row: -1, spec: -1 },
    ...matches.map((m) => ({ row: rowIndex.get(m.row) ?? -1, spec: specIndex.get(m.spec) ?? -1 })),
    { row: rows.length, spec: specs.length },
  ];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const a = bounds[k]!;
    const b = bounds[k + 1]!;
    const gapSpecs = specs.slice(a.spec + 1, b.spec);
    if (gapSpecs.length === 0 || a.row < 0 || b.row >= rows.length) continue;
    const gapRows = rows.slice(a.row + 1, b.row).filter((r) => r.numbers > 0 && !matchedRows.has(r));
    if (gapRows.length !== gapSpecs.length) continue;
    gapRows.forEach((row, i) => out.push({ row, spec: gapSpecs[i]!, score: 0, positional: true }));
  }
  return out.sort((x, y) => (specIndex.get(x.spec) ?? 0) - (specIndex.get(y.spec) ?? 0));
}

/**
 * Match rows to specs by label alone, in any order: for tables whose row labels are all
 * distinct words (table 二), where converters may move a row (a row written as a text line
 * before the table's fragments). Best pairs first; each row and spec used once. Runs under
 * {@link ALIGNMENT_BUDGET}.
 */
export function matchRowsByLabel(rows: readonly LogicalRow[], specs: readonly RowSpec[], universe: readonly RowSpec[] = specs, rowKeys: RowKeysOf = rowKeysMemo()): RowMatch[] {
  return cachedMatches("label", rows, specs, universe, computeLabelMatches, rowKeys);
}

function computeLabelMatches(rows: readonly LogicalRow[], specs: readonly RowSpec[], universe: readonly RowSpec[], rowKeys: RowKeysOf): RowMatch[] {
  const candidates = candidatesWithin(rows, specs, "match labels");
  const pairs: RowMatch[] = [];
  const S = specs.length;
  const sim = similarityMatrix(candidates, specs, universe, rowKeys);
  candidates.forEach((row, i) => {
    for (let j = 0; j < S; j++) {
      const score = sim[i * S + j]!;
      if (score >= MIN_SCORE) pairs.push({ row, spec: specs[j]!, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.row.start - b.row.start);
  const usedRows = new Set<LogicalRow>();
  const usedSpecs = new Set<RowSpec>();
  const out: RowMatch[] = [];
  for (const p of pairs) {
    if (usedRows.has(p.row) || usedSpecs.has(p.spec)) continue;
    usedRows.add(p.row);
    usedSpecs.add(p.spec);
    out.push(p);
  }
  const order = new Map(specs.map((s, i) => [s, i]));
  return out.sort((a, b) => order.get(a.spec)! - order.get(b.spec)!);
}

type Matcher = (rows: readonly LogicalRow[], specs: readonly RowSpec[], universe: readonly RowSpec[], rowKeys: RowKeysOf) => RowMatch[];

/** A cached result: per match, the index of its row in `rows` and of its spec in `specs`. */
type ShapeMatches = ReadonlyArray<readonly [row: number, spec: number, score: number]>;

/** Per matcher, per specs and universe (template-derived lists): the matches of the row shapes seen. */
const shapeCache = new Map<string, WeakMap<readonly RowSpec[], WeakMap<readonly RowSpec[], BoundedMemo<ShapeMatches>>>>();

/**
 * Reports of one template print the same labels: a table whose rows have the same shape
 * as one seen before (the same label keys, the same rows with and without numbers) gets
 * the same matches, so they are computed once per shape. `null` when the rows' offsets are
 * out of order (ties of {@link matchRowsByLabel} go by offset) — then nothing is cached.
 */
function rowShape(rows: readonly LogicalRow[], rowKeys: RowKeysOf): string | null {
  let shape = "";
  let lastStart = -Infinity;
  for (const row of rows) {
    if (row.start < lastStart) return null;
    lastStart = row.start;
    const keys = rowKeys(row);
    const candidate = row.values.length > 0 && row.labels.length > 0;
    shape += `${candidate ? 1 : 0}${row.numbers > 0 ? 1 : 0}${keys?.last ?? ""}\u0001${keys?.joined ?? ""}\u0002`;
  }
  return shape;
}

function cachedMatches(
  name: string,
  rows: readonly LogicalRow[],
  specs: readonly RowSpec[],
  universe: readonly RowSpec[],
  compute: Matcher,
  rowKeys: RowKeysOf,
): RowMatch[] {
  const shape = rowShape(rows, rowKeys);
  if (shape === null) return compute(rows, specs, universe, rowKeys);
  let bySpecs = shapeCache.get(name);
  if (!bySpecs) shapeCache.set(name, (bySpecs = new WeakMap()));
  let byUniverse = bySpecs.get(specs);
  if (!byUniverse) bySpecs.set(specs, (byUniverse = new WeakMap()));
  let byShape = byUniverse.get(universe);
  // shapes are long keys: any length is kept, at most 256 shapes
  if (!byShape) byUniverse.set(universe, (byShape = boundedMemo<ShapeMatches>(255, Infinity)));
  const cached = byShape.get(shape, () => {
    const matches = compute(rows, specs, universe, rowKeys);
    const rowIndex = new Map(rows.map((r, i) => [r, i]));
    const specIndex = new Map(specs.map((s, i) => [s, i]));
    return matches.map((m) => [rowIndex.get(m.row)!, specIndex.get(m.spec)!, m.score] as const);
  });
  return cached.map(([row, spec, score]) => ({ row: rows[row]!, spec: specs[spec]!, score }));
}
