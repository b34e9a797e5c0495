import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, validateSeries } from "../../src/index.js";
import {
  checkRepeatedText,
  MIN_SENTENCE_LENGTH,
  narrativeSentences,
  normalizeSentence,
} from "../../src/validate/rules/repeated-text.js";
import { repoRoot } from "../helpers/corpus.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };
const read = (file: string) => readFileSync(join(repoRoot, "corpus", file), "utf8");
/** Every number of the text one more: last year's report with this year's figures (and years). */
const newNumbers = (text: string) => text.replace(/\d+/g, (n) => String(Number(n) + 1));
const repeated = (reports: Parameters<typeof validateSeries>[0]) =>
  validateSeries(reports).findings.filter((f) => f.rule === "repeated-text");

describe("repeated-text on corpus reports", () => {
  it("warns on last year's narrative with new numbers (100 %)", () => {
    const text = read("pingtan-2023.txt");
    const lastYear = parseReport(text);
    const copy = parseReport(newNumbers(text));
    expect([lastYear.meta.year, copy.meta.year]).toEqual([2023, 2024]);
    const sentences = narrativeSentences(copy).length;
    expect(sentences).toBeGreaterThan(20);
    const findings = repeated([copy, lastYear]);
    expect(findings).toEqual([
      expect.objectContaining({ severity: "warning", reports: [2023, 2024], paths: ["sections"], expected: 0.5, actual: 1 }),
      expect.objectContaining({ severity: "info", reports: [2023, 2024], paths: ["sections"], expected: 0.5, actual: 1 }),
    ]);
    expect(findings[0]!.message).toContain(`${sentences}句中有${sentences}句`);
  });

  it("reports the share as info for two reports that were written afresh", () => {
    const earlier = parseReport(read("pingtan-2021.txt"));
    const later = parseReport(read("pingtan-2023.txt"));
    earlier.meta.year = 2022; // the corpus has every other year: compare them as consecutive
    const findings = repeated([earlier, later]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe("info");
    expect(findings[0]!.actual).toBeGreaterThan(0);
    expect(findings[0]!.actual).toBeLessThan(0.2);
  });

  it("finds the same share whichever copy of a report (text or HTML) is read", () => {
    const html = parseReport(read("pingtan-2023.html"));
    const copy = parseReport(newNumbers(read("pingtan-2023.txt")));
    const [finding] = repeated([html, copy]);
    expect(finding?.actual).toBeGreaterThan(0.8);
  });
});

describe("checkRepeatedText", () => {
  const text = (body: string) => ({ 1: body, 5: "下一步将继续加强培训，提升公开质量。", 6: "本年度未收取任何信息处理费用。" });

  it("counts sentences split on 。！？； and line breaks, numbers ignored, short ones left out", () => {
    const report = makeReport({}, { sections: text("本年共收到申请12件，全部按时答复。\n（一）概述\n主动公开信息1,295条；办结率99.5%！好。") });
    // 主动公开信息条 (7), 办结率% (4), （一）概述 (6) and 好 are shorter than MIN_SENTENCE_LENGTH (8)
    expect(MIN_SENTENCE_LENGTH).toBe(8);
    expect(narrativeSentences(report)).toEqual([
      "本年共收到申请件,全部按时答复",
      "下一步将继续加强培训,提升公开质量",
      "本年度未收取任何信息处理费用",
    ]);
    expect(normalizeSentence("２０２４年 共 1,295 件")).toBe("年共件");
  });

  it("joins the lines of a hard-wrapped paragraph", () => {
    const wrapped = makeReport({}, { sections: text("本机关坚持以人民为中心的发展思想，认真贯彻落实政府\n信息公开条例的各项要求。") });
    expect(narrativeSentences(wrapped)[0]).toBe("本机关坚持以人民为中心的发展思想,认真贯彻落实政府信息公开条例的各项要求");
  });

  it("always gives the share as info, and warns above half", () => {
    const a = makeReport({}, { year: 2022, sections: text("今年共收到申请12件，全部按时答复。") });
    const same = makeReport({}, { year: 2023, sections: text("今年共收到申请30件，全部按时答复。") });
    const half = makeReport({}, { year: 2023, sections: { ...text("今年的工作重点转向政务公开标准化建设。"), 6: "另有一项事项需要专门说明清楚。" } });
    const sameFinding = checkRepeatedText({ earlier: a, later: same, years: [2022, 2023] }, opts);
    expect(sameFinding).toEqual([expect.objectContaining({ severity: "warning", actual: 1 }), expect.objectContaining({ severity: "info", actual: 1 })]);
    expect(sameFinding[0]!.message).toContain("超过50%");
    expect(sameFinding[1]!.message).not.toContain("超过50%");
    const halfFinding = checkRepeatedText({ earlier: a, later: half, years: [2022, 2023] }, opts);
    expect(halfFinding).toEqual([expect.objectContaining({ severity: "info", actual: 0.333 })]);
    expect(halfFinding[0]!.notCheckable).toBeUndefined();
  });

  it("is not checkable when a year has no narrative, and skips non-reports", () => {
    const a = makeReport({}, { year: 2022 });
    const empty = makeReport({}, { year: 2023, sections: { 1: "无。", 5: "无。", 6: "无。" } });
    expect(checkRepeatedText({ earlier: a, later: empty, years: [2022, 2023] }, opts)).toEqual([
      expect.objectContaining({ severity: "info", notCheckable: true, reports: [2022, 2023] }),
    ]);
    expect(checkRepeatedText({ earlier: a, later: empty, years: [2022, 2023] }, { includeNotCheckable: false })).toEqual([]);
    const unknown = { ...empty, template: "unknown" as const };
    expect(checkRepeatedText({ earlier: a, later: unknown, years: [2022, 2023] }, opts)).toEqual([]);
    const malformed = { ...a, sections: [null, { number: 1, text: 5 }, "x"] } as never;
    expect(checkRepeatedText({ earlier: malformed, later: a, years: [2022, 2023] }, opts)[0]!.notCheckable).toBe(true);
  });
});
