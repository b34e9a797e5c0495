/**
 * Label similarity: written labels against the template's row labels, by their
 * meaning-bearing characters weighted by rarity.
 */
import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { buildLabelIndex, keySimilarity, labelSimilarity, similarities } from "../../src/report/match-label.js";
import { labelKey } from "../../src/template/normalize.js";
import { ACTIVE_ROWS, APPLICATION_ROWS, rowsOf } from "../../src/template/templates.js";

const TABLE3 = rowsOf("applications", "2021").map((r) => r.label);
const index = buildLabelIndex(TABLE3);
const at = (label: string) => {
  const i = TABLE3.indexOf(label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
};

/** The index of the candidate a written label scores highest against, and its score. */
function best(written: string): { label: string; score: number } {
  const scores = similarities(labelKey(written), index);
  let i = 0;
  for (let j = 1; j < scores.length; j++) if (scores[j]! > scores[i]!) i = j;
  return { label: TABLE3[i]!, score: scores[i]! };
}

describe("buildLabelIndex", () => {
  it("keeps one key per candidate, in order: numbering, punctuation, spaces and width removed", () => {
    const idx = buildLabelIndex(["(三)不予公开", "1.属于国家秘密", "３．危及“三安全一稳定”", " 二、上年结转 ", "（ ）"]);
    expect(idx.keys).toEqual(["不予公开", "属于国家秘密", "危及三安全一稳定", "上年结转", ""]);
    expect(idx.counts).toHaveLength(5);
    expect(idx.totals).toHaveLength(5);
    expect(idx.totals[4]).toBe(0);
  });

  it("weighs a character found in every label less than one found in a single label", () => {
    // 申请 is in many rows of table 3; 秘 only in 1.属于国家秘密
    expect(index.weight("申")).toBeLessThan(index.weight("秘"));
    expect(index.weight("秘")).toBeGreaterThan(0);
    // a character in no label weighs the most
    expect(index.weight("猫")).toBeGreaterThan(index.weight("秘"));
  });

  it("builds an empty index over no labels", () => {
    const empty = buildLabelIndex([]);
    expect(empty.keys).toEqual([]);
    expect(Array.from(similarities("规章", empty))).toEqual([]);
    expect(keySimilarity("规章", 0, empty)).toBe(0);
  });
});

describe("labelSimilarity", () => {
  it("scores every template label 1 against itself", () => {
    expect(TABLE3.length).toBeGreaterThan(20);
    for (const label of TABLE3) expect(labelSimilarity(label, at(label), index), label).toBe(1);
  });

  it("scores 1 a label written with spaces, full-width digits and punctuation, or other quotes", () => {
    const written: Array<[string, string]> = [
      ["1. 属于 国家 秘密", "1.属于国家秘密"],
      ["１．属于国家秘密", "1.属于国家秘密"],
      ["1、属于国家秘密", "1.属于国家秘密"],
      ["（一）予以公开", "(一)予以公开"],
      ["(一)\u3000予以公开", "(一)予以公开"],
      ["3.危及\"三安全一稳定\"", "3.危及“三安全一稳定”"],
      ["3.危及‘三安全一稳定’", "3.危及“三安全一稳定”"],
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)"],
      ["一、本年新收政府信息\n公开申请数量", "一、本年新收政府信息公开申请数量"],
    ];
    for (const [w, label] of written) expect(labelSimilarity(w, at(label), index), w).toBe(1);
    expect.assertions(written.length);
  });

  it("forgives a typo or a missing word: the right row still scores highest", () => {
    for (const [w, label] of [
      ["1.属于国家秘蜜", "1.属于国家秘密"],
      ["2.其他法律法规禁止公开", "2.其他法律行政法规禁止公开"],
      ["4.无正当理由大量反复", "4.无正当理由大量反复申请"],
      ["1.本机关不掌握相关信息", "1.本机关不掌握相关政府信息"],
    ] as const) {
      const b = best(w);
      expect(b.label, w).toBe(label);
      expect(b.score, w).toBeGreaterThan(0.7);
      expect(b.score, w).toBeLessThan(1);
    }
    expect.assertions(12);
  });

  it("scores another row low", () => {
    expect(labelSimilarity("1.属于国家秘密", at("2.重复申请"), index)).toBeLessThan(0.45);
    expect(labelSimilarity("3.要求提供公开出版物", at("1.属于国家秘密"), index)).toBeLessThan(0.45);
    expect(labelSimilarity("行政许可", at("(一)予以公开"), index)).toBeLessThan(0.45);
  });

  it("scores a long label contained in a written label that carries its group label too", () => {
    expect(labelSimilarity("(三)不予公开1.属于国家秘密", at("1.属于国家秘密"), index)).toBeGreaterThanOrEqual(0.95);
    expect(labelSimilarity("三、本年度办理结果(七)总计", at("(七)总计"), index)).toBeLessThan(0.95);
  });

  it("gives no containment bonus to a key of fewer than four characters", () => {
    // 其他 (3.其他) is inside 其他法律行政法规禁止公开 but says nothing about the row
    const s = labelSimilarity("2.其他法律行政法规禁止公开", at("3.其他"), index);
    expect(s).toBeLessThan(0.45);
  });

  it("scores 0 for a written label with no meaning-bearing character", () => {
    for (const w of ["", "   ", "（ ）", "1.", "、，。", "(三)"]) {
      expect(Array.from(similarities(labelKey(w), index)).every((s) => s === 0), JSON.stringify(w)).toBe(true);
    }
    expect.assertions(6);
  });

  it("scores 0 against a candidate with an empty key, and outside the index", () => {
    const idx = buildLabelIndex(["规章", "（一）"]);
    expect(labelSimilarity("规章", 1, idx)).toBe(0);
    expect(labelSimilarity("规章", 0, idx)).toBe(1);
    expect(labelSimilarity("规章", 2, idx)).toBe(0);
    expect(labelSimilarity("规章", -1, idx)).toBe(0);
  });

  it("gives the same scores on a second call (they are kept per index)", () => {
    const first = Array.from(similarities(labelKey("1.属于国家秘蜜"), index));
    expect(Array.from(similarities(labelKey("1.属于国家秘蜜"), index))).toEqual(first);
    // another index over other labels does not see them
    const other = buildLabelIndex(ACTIVE_ROWS.map((r) => r.label));
    expect(similarities(labelKey("1.属于国家秘蜜"), other)).toHaveLength(ACTIVE_ROWS.length);
  });

  test.prop([fc.string({ maxLength: 40 }), fc.constantFrom(...APPLICATION_ROWS.map((r) => r.label))], { numRuns: 300 })(
    "any written label scores in 0..1 against every candidate; a label written inside it with a prefix scores at least its own containment",
    (junk, label) => {
      const idx = buildLabelIndex(APPLICATION_ROWS.map((r) => r.label));
      const scores = Array.from(similarities(labelKey(junk), idx));
      expect(scores).toHaveLength(APPLICATION_ROWS.length);
      expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
      const i = APPLICATION_ROWS.findIndex((r) => r.label === label);
      if (labelKey(label).length >= 4) expect(labelSimilarity(`${junk}${label}`, i, idx)).toBeGreaterThanOrEqual(0.95);
      else expect(labelSimilarity(label, i, idx)).toBe(1);
    },
  );
});
