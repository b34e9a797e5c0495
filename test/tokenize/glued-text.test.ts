import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectGlued, gluedText, narrativeBlocks, tokenizeGlued } from "../../src/tokenize/glued-text.js";
import { flattenReport, parseReport } from "../../src/index.js";
import { validateReport } from "../../src/validate/validate-report.js";
import { rowsOf } from "../../src/template/templates.js";
import type { Diagnostic } from "../../src/types.js";
import { corpusDir, loadExpected, type Expected } from "../helpers/corpus.js";
import { readGluedValues } from "../helpers/arbitrary-glued.js";

const GLUED = loadExpected().filter((e) => e.files.some((f) => f.layout === "glued-text"));
const fileOf = (e: Expected) => e.files.find((f) => f.layout === "glued-text")!.file;
const read = (file: string) => readFileSync(join(corpusDir, file), "utf8");

/**
 * Cells the glued text alone does not settle (table 2 has no sum rule): they must come back
 * blank with an `ambiguous-split` diagnostic whose readings include the true value.
 */
const AMBIGUOUS: Record<string, string[]> = {
  "pingtan-2019": rowsOf("activeDisclosure", "2019")
    .filter((r) => r.path !== "rules")
    .flatMap((r) => r.columns.map((c) => `activeDisclosure.${r.path}.${c.key}`)),
  "pingtan-2021": ["issued", "repealed", "inForce"].map((k) => `activeDisclosure.normativeDocuments.${k}`),
  "pingtan-2023": ["repealed", "inForce"].map((k) => `activeDisclosure.normativeDocuments.${k}`),
  "pingtan-2025": ["issued", "repealed", "inForce"].map((k) => `activeDisclosure.normativeDocuments.${k}`),
};

function ambiguities(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic> {
  return new Map(diagnostics.filter((d) => d.code === "ambiguous-split" && d.path).map((d) => [d.path!, d]));
}

/** Paths whose value is neither the expected one nor an ambiguity listing it. */
function mismatches(expected: Expected, got: Record<string, number | null>, diagnostics: readonly Diagnostic[]): string[] {
  const amb = ambiguities(diagnostics);
  const out: string[] = [];
  for (const [path, want] of Object.entries(expected.values)) {
    if (got[path] === want) continue;
    const d = amb.get(path);
    if (got[path] === null && d?.alternatives?.some((a) => a[path] === want)) continue;
    out.push(`${path}: got ${got[path]}, want ${want}`);
  }
  return out;
}

describe("detect", () => {
  it("scores every glued corpus report near 1", () => {
    expect(GLUED.length).toBeGreaterThan(0);
    for (const e of GLUED) expect(detectGlued(read(fileOf(e))), e.id).toBeGreaterThanOrEqual(0.9);
  });

  it("scores 0 on every corpus file of another layout", () => {
    const others = readdirSync(corpusDir)
      .filter((f) => /\.(txt|html|md)$/.test(f))
      .filter((file) => loadExpected().some((x) => x.files.some((f) => f.file === file && f.layout !== "glued-text")));
    expect(others.length).toBeGreaterThan(0);
    for (const file of others) expect(detectGlued(read(file)), file).toBe(0);
  });

  it("ignores narrative figures such as 规范性文件393件 and 其他处理2件", () => {
    expect(detectGlued("清理并集中发布现行有效行政规范性文件393件。其他处理2件，占2.47%。")).toBe(0);
  });

  it("still detects a report where only some rows are glued", () => {
    const text = read("pingtan-2021.txt")
      .replace("640020470", "64 0 0 2 0 4 70")
      .replace("0000000二、上年", "0 0 0 0 0 0 0二、上年")
      .replace("10203120001200000", "1 0 2 0 3 12 0 0 0 12 0 0 0 0 0");
    expect(detectGlued(text)).toBeGreaterThan(0.7);
  });

  it("is the module registered for the layout", () => {
    expect(gluedText.layout).toBe("glued-text");
    expect(gluedText.detect(read("pingtan-2023.txt"))).toBe(detectGlued(read("pingtan-2023.txt")));
  });
});

describe("tokenize the glued corpus reports", () => {
  for (const e of GLUED) {
    describe(e.id, () => {
      const text = read(fileOf(e));
      const { tokenized, template } = tokenizeGlued(text);

      it("finds the template and the three tables, in order, with their kinds", () => {
        expect(template).toBe(e.template);
        expect(tokenized.layout).toBe("glued-text");
        expect(tokenized.tables.map((t) => t.kind)).toEqual(["activeDisclosure", "applications", "appeals"]);
        expect(tokenized.tables.every((t) => t.layout === "glued-text")).toBe(true);
      });

      it("gives every expected value, or blank + ambiguous-split listing it", () => {
        const got = readGluedValues(tokenized, e.template as "2021" | "2019");
        expect(mismatches(e, got, tokenized.diagnostics)).toEqual([]);
      });

      it("is ambiguous exactly where the text does not settle a split", () => {
        const amb = [...ambiguities(tokenized.diagnostics).keys()].sort();
        expect(amb).toEqual([...AMBIGUOUS[e.id]!].sort());
        for (const d of ambiguities(tokenized.diagnostics).values()) {
          expect(d.severity).toBe("warning");
          expect(text.slice(d.start, d.end)).toMatch(/^\d/);
        }
      });

      it("says the rest was recovered by arithmetic", () => {
        const info = tokenized.diagnostics.filter((d) => d.code === "recovered-by-arithmetic");
        expect(info.length).toBeGreaterThanOrEqual(1);
        expect(info.every((d) => d.severity === "info")).toBe(true);
        expect(info.some((d) => d.message.includes("applications.newReceived.total="))).toBe(true);
      });

      it("points every value cell at the digits it was cut from", () => {
        expect(tokenized.tables.flatMap((t) => t.rows.flat()).filter((c) => /^\d/.test(c.text)).length).toBeGreaterThan(0);
        for (const t of tokenized.tables) {
          for (const row of t.rows) {
            for (const cell of row) {
              expect(cell.start).toBeLessThanOrEqual(cell.end);
              if (/^\d/.test(cell.text)) expect(text.slice(cell.start, cell.end)).toBe(cell.text);
            }
          }
        }
      });

      it("cuts the narrative into blocks outside the tables, headings first", () => {
        expect(tokenized.blocks.length).toBeGreaterThan(0);
        for (const b of tokenized.blocks) {
          expect(text.slice(b.start, b.end)).toBe(b.text);
          for (const t of tokenized.tables) expect(b.end <= t.start || b.start >= t.end).toBe(true);
        }
        const starts = tokenized.blocks.map((b) => b.text.slice(0, 2));
        for (const h of ["一、", "二、", "三、", "四、", "五、", "六、"]) expect(starts).toContain(h);
      });
    });
  }

  it("labels rows as written, with their group label in the row", () => {
    const { tokenized } = tokenizeGlued(read("pingtan-2021.txt"));
    const apps = tokenized.tables.find((t) => t.kind === "applications")!;
    const secret = apps.rows.find((r) => r.some((c) => c.text === "1.属于国家秘密"))!;
    expect(secret.map((c) => c.text)).toEqual(["（三）不予公开", "1.属于国家秘密", "0", "0", "0", "0", "0", "0", "0"]);
    const total = apps.rows.find((r) => r.some((c) => c.text === "（七）总计"))!;
    expect(total.slice(1).map((c) => c.text)).toEqual(["63", "0", "0", "2", "0", "4", "69"]);
    const appeals = tokenized.tables.find((t) => t.kind === "appeals")!;
    expect(appeals.rows[appeals.rows.length - 1]!.map((c) => c.text).join(" ")).toBe("1 0 2 0 3 12 0 0 0 12 0 0 0 0 0");
  });

  it("finds rows whose label is shortened or reworded by its first characters", () => {
    const original = read("pingtan-2021.txt");
    const variant = original
      .replace("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开")
      .replace("1.本机关不掌握相关政府信息", "1.本机关不掌握相关的政府信息");
    expect(flattenReport(parseReport(variant))).toEqual(flattenReport(parseReport(original)));
    const apps = tokenizeGlued(variant).tokenized.tables.find((t) => t.kind === "applications")!;
    expect(apps.rows.find((r) => r.some((c) => c.text === "（二）部分公开"))!.slice(1).map((c) => c.text)).toEqual(["5", "0", "0", "0", "0", "0", "5"]);
  });

  it("leaves a narrative figure after the last row out of its run", () => {
    const text =
      "申请人情况自然人一、本年新收政府信息公开申请数量230 000023二、上年结转政府信息公开申请数量0000000" +
      "四、结转下年度继续办理0 0 00 00 0 2024年，我区继续推进。";
    const apps = tokenizeGlued(text).tokenized.tables.find((t) => t.kind === "applications")!;
    const last = apps.rows[apps.rows.length - 1]!;
    expect(last.map((c) => c.text)).toEqual(["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"]);
  });

  it("reads the same values when some rows are spaced and some glued", () => {
    const original = read("pingtan-2021.txt");
    const mixed = original.replace("640020470", "64 0 0 2 0 4 70").replace("630020469", "63 0 0 2 0 469").replace("2200003252.", "22 0 0 0 0 3252.");
    const a = readGluedValues(tokenizeGlued(original).tokenized, "2021");
    const b = readGluedValues(tokenizeGlued(mixed).tokenized, "2021");
    expect(b).toEqual(a);
  });
});

/** Pingtan 2020, tables as published (the report's own outcome totals do not add up). */
const PINGTAN_2020 =
  "平潭综合实验区2020年政府信息公开工作年度报告 一、总体情况2020年全区共受理政府信息公开申请21件。" +
  "二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章007规范性文件7777166" +
  "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可396442278其他对外管理服务事项107105" +
  "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚2648-18538行政强制1262629" +
  "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费35-15第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购39573802895.90元" +
  "三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" +
  "一、本年新收政府信息公开申请数量200 000121二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开6000017" +
  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）6000006（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000" +
  "3.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷0000000" +
  "8.属于行政查询事项0000000三、本年度办理结果（四）无法提供1.本机关不掌握相关政府信息40000042.没有现成信息需要另行制作0000000" +
  "3.补正后申请内容仍不明确3000003（五）不予处理1.信访举报投诉类申请00000002.重复申请30000033.要求提供公开出版物0000000" +
  "4.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理4 0 0 0 0 0 4（七）总计20 0 00 0 121" +
  "四、结转下年度继续办理 0 0 00 00 0 四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计" +
  "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计000000000000000 " +
  "五、存在的主要问题及改进情况（一）存在的主要问题:基层政务公开标准化规范化水平有待进一步提升。六、其他需要报告的事项 无其他需要报告的事项";

describe("a report that breaks its own rules (Pingtan 2020)", () => {
  it("uses the split breaking the fewest rules, and validation reports them as uncertain (the split is a guess)", () => {
    const { tokenized } = tokenizeGlued(PINGTAN_2020);
    const got = readGluedValues(tokenized, "2019");
    expect(got["applications.newReceived.naturalPerson"]).toBe(20);
    expect(got["applications.newReceived.otherOrg"]).toBe(1);
    expect(got["applications.granted.otherOrg"]).toBe(1);
    expect(got["applications.total.total"]).toBe(21);
    expect(got["activeDisclosure.fees.change"]).toBe(-15);
    expect(got["activeDisclosure.rules.total"]).toBe(7);
    const warn = tokenized.diagnostics.find((d) => d.code === "recovered-by-arithmetic" && d.severity === "warning")!;
    expect(warn.message).toMatch(/outcome-total naturalPerson; outcome-total total/);

    const report = parseReport(PINGTAN_2020);
    expect(report.source.layout).toBe("glued-text");
    const findings = validateReport(report).findings;
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const uncertain = findings.filter((f) => f.status === "uncertain");
    expect(uncertain.map((f) => `${f.severity} ${f.rule} ${f.paths[0]}`).sort()).toEqual([
      "warning outcome-total applications.total.naturalPerson",
      "warning outcome-total applications.total.total",
    ]);
    for (const f of uncertain) expect(f.causes?.map((c) => c.code)).toContain("recovered-by-arithmetic");
  });
});

describe("narrative figures settle table 2 (Pingtan 2022)", () => {
  it("88/55/698 from 本年度制发的规范性文件88件 and 现行有效行政规范性文件698件", () => {
    const text =
      "一、总体情况 集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。" +
      "二、主动公开政府信息情况第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章000行政规范性文件8855698" +
      "第二十条第（五）项信息内容本年处理决定数量行政许可10690第二十条第（六）项信息内容本年处理决定数量行政处罚2113行政强制0" +
      "第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费9116.36 三、收到和处理政府信息公开申请情况";
    const { tokenized } = tokenizeGlued(text);
    const got = readGluedValues(tokenized, "2021");
    expect(got).toMatchObject({
      "activeDisclosure.normativeDocuments.issued": 88,
      "activeDisclosure.normativeDocuments.repealed": 55,
      "activeDisclosure.normativeDocuments.inForce": 698,
      "activeDisclosure.licensing.decisions": 10690,
      "activeDisclosure.coercion.decisions": 0,
      "activeDisclosure.fees.amount": 9116.36,
    });
  });
});

describe("narrativeBlocks", () => {
  it("starts a block at a section heading glued to the text before it", () => {
    const text = "相关链接 附件下载二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况（说明）";
    const blocks = narrativeBlocks(text, []);
    expect(blocks.map((b) => b.text)).toEqual(["相关链接 附件下载", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况（说明）"]);
    expect(blocks[1]!.start).toBe(text.indexOf("二、"));
  });

  it("does not cut at enumerations inside a sentence or at 四、结转", () => {
    const blocks = narrativeBlocks("本报告包括总体情况、主动公开政府信息情况等。一是加强领导", []);
    expect(blocks).toHaveLength(1);
  });

  it("leaves the tables out", () => {
    const text = "一、总体情况好。TABLE二、主动公开";
    const at = text.indexOf("TABLE");
    const blocks = narrativeBlocks(text, [{ start: at, end: at + 5 }]);
    expect(blocks.map((b) => b.text)).toEqual(["一、总体情况好。", "二、主动公开"]);
  });
});

describe("the report model from glued text (parseReport)", () => {
  for (const e of GLUED) {
    it(`${fileOf(e)}: every expected value, or null with an ambiguity listing it`, () => {
      const report = parseReport(readFileSync(join(corpusDir, fileOf(e))));
      expect(report.source.layout).toBe("glued-text");
      expect(report.template).toBe(e.template);
      expect(mismatches(e, flattenReport(report) as Record<string, number | null>, report.diagnostics)).toEqual([]);
      const nulls = Object.keys(e.values).filter((p) => flattenReport(report)[p] === null && e.values[p] !== null);
      expect(nulls.sort()).toEqual([...AMBIGUOUS[e.id]!].sort());
    });
  }
});

describe("speed and bounded work", () => {
  // time is measured by `npm run bench`; the tests bound the work, which does not depend on the machine
  const stepsOf = (text: string) => tokenizeGlued(text).steps;

  it("spends a few hundred search steps on each glued corpus report", () => {
    expect(GLUED.length).toBeGreaterThan(0);
    for (const e of GLUED) expect(stepsOf(read(fileOf(e))), e.id).toBeLessThan(2_000);
  });

  function adversarial(digits: (i: number) => string, appeals: string): string {
    let s = "二、主动公开政府信息情况第二十条第（一）项信息内容";
    for (const r of rowsOf("activeDisclosure", "2021")) s += r.label + digits(0);
    s += "三、收到和处理政府信息公开申请情况申请人情况自然人";
    rowsOf("applications", "2021").forEach((r, i) => (s += (r.group ?? "") + r.label + digits(i + 1)));
    return `${s}四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计${appeals}五、存在的主要问题及改进情况无。`;
  }
  const cases: Record<string, string> = {
    "runs of twenty zeros": adversarial(() => "0".repeat(20), "0".repeat(40)),
    "runs of twenty ones": adversarial(() => "1".repeat(20), "1".repeat(40)),
    "20-digit runs": adversarial((i) => "12345678901234567890".slice(i % 10) + "1234567890".slice(0, i % 10), "9".repeat(30)),
    "alternating 10": adversarial(() => "10".repeat(10), "10".repeat(15)),
    "29 nines": adversarial(() => "9".repeat(29), "9".repeat(29)),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`${name}: at most 200,000 search steps`, () => {
      expect(stepsOf(text)).toBeLessThanOrEqual(200_000 + 1_000);
    });
  }
});
