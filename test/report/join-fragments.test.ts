/**
 * Table 三 as PDF→markdown converters fragment it: one test per pattern found in real
 * converter output (corpus/shanghai-gov-2025.md).
 */
import { describe, expect, it } from "vitest";
import { detectLayout, flattenReport, parseReport, validateReport } from "../../src/index.js";
import { FRAGMENT_BUDGET, splitLabelLines } from "../../src/report/join-fragments.js";
import { rowsOf } from "../../src/template/templates.js";
import type { TextBlock } from "../../src/tokenize/types.js";

const SPECS = rowsOf("applications", "2021");

/** Six applicant counts per row (the 总计 column, (七)总计 and the balance are computed). */
const COUNTS: Record<string, number[]> = {
  granted: [5, 1, 0, 0, 0, 0],
  partiallyGranted: [2, 0, 1, 0, 0, 0],
  "denied.stateSecret": [1, 0, 0, 0, 0, 0],
  "denied.prohibitedByLaw": [3, 0, 0, 0, 0, 0],
  "denied.threeSecurities": [4, 0, 0, 0, 0, 0],
  "notProcessed.petitionOrComplaint": [6, 0, 0, 0, 0, 0],
  "notProcessed.repeated": [0, 2, 0, 0, 0, 0],
  "notProcessed.publication": [0, 0, 0, 0, 1, 0],
};

/** Every row's seven values (a table that adds up: nothing carried over or forward). */
function rowValues(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const total = [0, 0, 0, 0, 0, 0];
  for (const spec of SPECS) {
    const counts = COUNTS[spec.path] ?? [0, 0, 0, 0, 0, 0];
    if (!["newReceived", "carriedOver", "total", "carriedForward"].includes(spec.path)) counts.forEach((c, i) => (total[i] = total[i]! + c));
    out.set(spec.path, counts);
  }
  out.set("newReceived", total);
  out.set("total", total);
  return new Map([...out].map(([path, c]) => [path, [...c, c.reduce((a, b) => a + b, 0)]]));
}

const md = (cells: ReadonlyArray<string | number>) => `| ${cells.join(" | ")} |`;
const DELIMITER = "|---|---|---|---|---|---|---|---|";

/**
 * A 2021 report whose table 三 is one markdown table, except the rows in `detached`: their
 * label is written as the given text lines and their numbers start a new fragment.
 * `between` lines are written before the fragment of the row named.
 */
function report(detached: Record<string, string[]>, options: { header?: string[]; between?: Record<string, string[]>; subtotal?: boolean } = {}): string {
  const values = rowValues();
  // a 小计 column: the five organisation columns' sum before 总计
  if (options.subtotal) for (const [path, v] of values) values.set(path, [...v.slice(0, 6), v.slice(1, 6).reduce((a, b) => a + b, 0), v[6]!]);
  const delimiter = options.subtotal ? `${DELIMITER}---|` : DELIMITER;
  const lines = [
    "2024年县交通运输局政府信息公开工作年度报告",
    "一、总体情况",
    "本局认真贯彻落实《中华人民共和国政府信息公开条例》。",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "信息内容本年制发件数本年废止件数现行有效件数",
    "规章 0 0 0",
    "行政规范性文件 1 0 5",
    "第二十条第（五）项",
    "信息内容本年处理决定数量",
    "行政许可 97",
    "第二十条第（六）项",
    "信息内容本年处理决定数量",
    "行政处罚 12",
    "行政强制 0",
    "第二十条第（八）项",
    "信息内容本年收费金额（单位：万元）",
    "行政事业性收费 0",
    "三、收到和处理政府信息公开申请情况",
    ...(options.header ?? ["申请人情况", "自然人", "法人或其他组织", "总计"]),
  ];
  let open = false;
  for (const spec of SPECS) {
    const v = values.get(spec.path)!;
    const label = detached[spec.path];
    const before = options.between?.[spec.path];
    if (label || before || !open) {
      lines.push(...(before ?? []), ...(label ?? []));
      lines.push(label ? md(v) : md([spec.label.replace(/\(/g, "（").replace(/\)/g, "）"), ...v]), delimiter);
      open = true;
    } else lines.push(md([spec.label.replace(/\(/g, "（").replace(/\)/g, "）"), ...v]));
  }
  lines.push(
    "四、政府信息公开行政复议、行政诉讼情况",
    "行政复议行政诉讼",
    md(Array<number>(15).fill(0)),
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    "五、存在的主要问题及改进情况",
    "公开的及时性有待提高。",
    "六、其他需要报告的事项",
    "本机关未收取信息处理费。",
  );
  return lines.join("\n") + "\n";
}

/** Every cell of table 三 that differs from the values written. */
function wrongCells(text: string): string[] {
  const flat = flattenReport(parseReport(text));
  const out: string[] = [];
  for (const [path, v] of rowValues()) {
    ["naturalPerson", "commercial", "research", "nonprofit", "legalService", "otherOrg", "total"].forEach((key, i) => {
      const p = `applications.${path}.${key}`;
      if (flat[p] !== v[i]) out.push(`${p}: ${flat[p]} ≠ ${v[i]}`);
    });
  }
  return out;
}

/** The warnings and errors of a parsed report, and the validator's errors. */
function complaints(text: string): string[] {
  const report = parseReport(text);
  const warnings = report.diagnostics.filter((d) => d.severity !== "info").map((d) => `${d.code} ${d.path}`);
  const errors = validateReport(report).findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.paths[0]}`);
  return [...warnings, ...errors];
}

describe("labels on text lines between fragments of table 三", () => {
  it("the fragment text reads as markdown", () => {
    const text = report({ partiallyGranted: ["（二）部分公开（区分处理的，只", "计这一情形，不计其他情形）"] });
    expect(detectLayout(text).layout).toBe("markdown");
    expect(parseReport(text).source.layout).toBe("markdown");
  });

  it("a label wrapped over two lines before its numbers: （二）部分公开（区分处理的，只 / 计这一情形…", () => {
    const text = report({ partiallyGranted: ["（二）部分公开（区分处理的，只", "计这一情形，不计其他情形）"] });
    expect(wrongCells(text)).toEqual([]);
    expect(complaints(text)).toEqual([]);
  });

  it("the first row's label after the applicant header spread over lines (商业企科研机社会公法律服)", () => {
    const header = ["（本列数据的勾稽关系为：第一项加第二项之和，", "等于第三项加第四项之和）", "申请人情况", "自然人", "法人或其他组织", "总计", "商业企科研机社会公法律服其他", "业构益组织务机构"];
    const text = report({ newReceived: ["一、本年新收政府信息公开申请数量"] }, { header });
    expect(wrongCells(text)).toEqual([]);
    expect(complaints(text)).toEqual([]);
  });

  it("a 小计 column named on a header line: rows read with it, 总计 from the last cell", () => {
    const header = ["申请人情况", "自然人", "法人或其他组织", "总计", "商业企科研机社会公法律服其他小计", "业构益组织务机构"];
    const text = report({ partiallyGranted: ["（二）部分公开（区分处理的，只", "计这一情形，不计其他情形）"] }, { header, subtotal: true });
    expect(wrongCells(text)).toEqual([]);
    expect(flattenReport(parseReport(text))["applications.granted.orgSubtotal"]).toBe(1);
    expect(complaints(text)).toEqual([]);
  });

  it("a header line that is a row label (总计) is not taken for the first row's", () => {
    const text = report({ newReceived: ["一、本年新收政府信息", "公开申请数量"], carriedOver: ["二、上年结转政府信息公开申请数量"] });
    expect(wrongCells(text)).toEqual([]);
    expect(complaints(text)).toEqual([]);
  });

  it("the labels of several rows in one run before a fragment of their numbers", () => {
    const values = rowValues();
    const text = report({ "notProcessed.petitionOrComplaint": ["1.信访举报投诉类申请"] }).replace(
      [md(values.get("notProcessed.petitionOrComplaint")!), DELIMITER, md(["2.重复申请", ...values.get("notProcessed.repeated")!]), md(["3.要求提供公开出版物", ...values.get("notProcessed.publication")!])].join("\n"),
      ["2.重复申请", "3.要求提供公开", "出版物", md(values.get("notProcessed.petitionOrComplaint")!), DELIMITER, md(values.get("notProcessed.repeated")!), md(values.get("notProcessed.publication")!)].join("\n"),
    );
    expect(text).toContain("出版物\n| 6 |");
    expect(wrongCells(text)).toEqual([]);
    expect(complaints(text)).toEqual([]);
  });

  it("a group label wrapped among the row label lines: （三）不 / 予公开 / 1.属于国家秘密", () => {
    const text = report({ "denied.stateSecret": ["（三）不", "予公开", "1.属于国家", "秘密"] });
    expect(wrongCells(text)).toEqual([]);
    expect(complaints(text)).toEqual([]);
  });

  it("page numbers and `## 表三` headings between fragments are not labels", () => {
    const text = report(
      { "denied.prohibitedByLaw": ["2.其他法律行政法规禁止公开"] },
      { between: { "denied.prohibitedByLaw": ["— 5 —", "## 表三：收到和处理政府信息公开申请情况"] } },
    );
    expect(wrongCells(text)).toEqual([]);
    expect(complaints(text)).toEqual([]);
  });

  it("table 二 as `label number` lines: 行政许可 97 under 信息内容本年处理决定数量", () => {
    const flat = flattenReport(parseReport(report({})));
    expect(flat["activeDisclosure.licensing.decisions"]).toBe(97);
    expect(flat["activeDisclosure.punishment.decisions"]).toBe(12);
    expect(flat["activeDisclosure.normativeDocuments.inForce"]).toBe(5);
  });

  it("two rows of numbers after three labels: the rows they could be are null, with the readings", () => {
    const values = rowValues();
    const three = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"];
    const text = report({ "denied.stateSecret": three }).replace(
      [md(values.get("denied.stateSecret")!), DELIMITER, md(["2.其他法律行政法规禁止公开", ...values.get("denied.prohibitedByLaw")!]), md(["3.危及“三安全一稳定”", ...values.get("denied.threeSecurities")!])].join("\n"),
      [md(values.get("denied.stateSecret")!), DELIMITER, md(values.get("denied.prohibitedByLaw")!)].join("\n"),
    );
    const parsed = parseReport(text);
    const flat = flattenReport(parsed);
    const rows = ["denied.stateSecret", "denied.prohibitedByLaw", "denied.threeSecurities"];
    const nulls = rows.flatMap((r) => ["naturalPerson", "total"].map((k) => `applications.${r}.${k}`));
    expect(nulls.map((p) => flat[p])).toEqual(nulls.map(() => null));
    const ambiguous = parsed.diagnostics.filter((d) => d.code === "ambiguous-cell");
    expect(ambiguous.map((d) => d.path)).toEqual(expect.arrayContaining(nulls));
    const stateSecret = ambiguous.find((d) => d.path === "applications.denied.stateSecret.naturalPerson")!;
    expect(stateSecret.alternatives!.length).toBeGreaterThanOrEqual(2);
    expect(stateSecret.alternatives!.map((a) => a["applications.denied.stateSecret.naturalPerson"])).toContain(1);
    // no other cell changes, and no error is blamed on the organ
    const others = wrongCells(text).filter((w) => !rows.some((r) => w.startsWith(`applications.${r}.`)));
    expect(others).toEqual([]);
    expect(validateReport(parsed).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a dropped label line: the rows are not given the wrong labels", () => {
    const values = rowValues();
    const text = report({ "denied.stateSecret": ["1.属于国家秘密", "3.危及“三安全一稳定”"] }).replace(
      [md(values.get("denied.stateSecret")!), DELIMITER, md(["2.其他法律行政法规禁止公开", ...values.get("denied.prohibitedByLaw")!])].join("\n"),
      [md(values.get("denied.stateSecret")!), DELIMITER, md(values.get("denied.prohibitedByLaw")!)].join("\n"),
    );
    expect(wrongCells(text)).toEqual([]);
    // row 2 is read by its place between rows 1 and 3, and says so
    expect(complaints(text)).toEqual(["weak-label-match applications.denied.prohibitedByLaw"]);
  });

  it("a label line written twice (among the lines and in its own row): the row order decides", () => {
    const values = rowValues();
    const three = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”"];
    // the label of row 3 is written twice: among the lines, and in its own row
    const text = report({ "denied.stateSecret": three }).replace(
      [md(values.get("denied.stateSecret")!), DELIMITER, md(["2.其他法律行政法规禁止公开", ...values.get("denied.prohibitedByLaw")!])].join("\n"),
      [md(values.get("denied.stateSecret")!), DELIMITER, md(values.get("denied.prohibitedByLaw")!)].join("\n"),
    );
    expect(wrongCells(text)).toEqual([]);
    expect(complaints(text)).toEqual([]);
  });
});

describe("splitLabelLines", () => {
  const lines = (texts: string[]): TextBlock[] => {
    let at = 0;
    return texts.map((text) => {
      const block = { text, start: at, end: at + text.length };
      at += text.length + 1;
      return block;
    });
  };

  it("gives each row its lines, a group label apart", () => {
    const splits = splitLabelLines(lines(["（三）不予公开", "1.属于国家秘密", "2.其他法律行政", "法规禁止公开"]), 2);
    expect(splits).not.toBeNull();
    expect(splits!.length).toBe(1);
    expect(splits![0]!.map((cells) => cells.map((c) => c.text))).toEqual([["（三）不予公开", "1.属于国家秘密"], ["2.其他法律行政法规禁止公开"]]);
  });

  it("is null once the report's search budget is spent", () => {
    const texts = ["1.属于国家秘密", "2.其他法律行政法规禁止公开"];
    expect(splitLabelLines(lines(texts), 2, { steps: 0, budget: 10_000 })).not.toBeNull();
    expect(splitLabelLines(lines(texts), 2, { steps: FRAGMENT_BUDGET, budget: FRAGMENT_BUDGET })).toBeNull();
  });

  it("is null when the lines read as no row, or are fewer than the rows", () => {
    expect(splitLabelLines(lines(["申请人情况", "自然人"]), 1)).toBeNull();
    expect(splitLabelLines(lines(["1.属于国家秘密"]), 2)).toBeNull();
  });
});
