/**
 * Row alignment: written rows of a table against the template's rows, in order
 * (table 三, table 四) or by label alone (table 二), and rows of numbers whose label
 * was lost placed by their position.
 */
import { describe, expect, it } from "vitest";
import { alignmentScore, alignRows, fillGaps, matchRowsByLabel, type RowMatch } from "../../src/report/align-rows.js";
import { ACTIVE_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS, rowsOf, type RowSpec } from "../../src/template/templates.js";
import { toLogicalRow, type LogicalRow } from "../../src/tables/logical-rows.js";
import type { Cell } from "../../src/types.js";

const TABLE3 = rowsOf("applications", "2021");
const TABLE3_2019 = rowsOf("applications", "2019");
const TABLE2 = rowsOf("activeDisclosure", "2021");
const WIDTH = APPLICANT_COLUMNS.length;

/** Rows are written one after the other: each cell gets the next offsets of an imaginary text. */
let offset = 0;
function row(...texts: string[]): LogicalRow {
  const cells: Cell[] = texts.map((text) => {
    const cell = { text, rowSpan: 1, colSpan: 1, start: offset, end: offset + text.length };
    offset += text.length + 1;
    return cell;
  });
  return toLogicalRow(cells);
}
const zeros = (n = WIDTH) => Array.from({ length: n }, () => "0");
/** A written row of table 三: its label, then a full row of numbers. */
const numbered = (label: string) => row(label, ...zeros());
const paths = (matches: readonly RowMatch[]) => matches.map((m) => m.spec.path);
const spec = (path: string, specs: readonly RowSpec[] = TABLE3) => specs.find((s) => s.path === path)!;

describe("alignRows", () => {
  it("matches every row of a table written as the template prints it, in order, each with score 1", () => {
    const rows = TABLE3.map((s) => numbered(s.label));
    const matches = alignRows(rows, TABLE3, APPLICATION_ROWS);
    expect(paths(matches)).toEqual(TABLE3.map((s) => s.path));
    expect(matches.every((m, i) => m.row === rows[i] && m.score === 1 && !m.positional)).toBe(true);
    expect(alignmentScore(matches)).toBe(TABLE3.length);
  });

  it("gives nothing for no rows, no specs, or rows without a label or a value", () => {
    expect(alignRows([], TABLE3, APPLICATION_ROWS)).toEqual([]);
    expect(alignRows([numbered("1.属于国家秘密")], [], APPLICATION_ROWS)).toEqual([]);
    // a header row (labels only) and a row of numbers without its label
    expect(alignRows([row("申请人情况", "自然人", "总计"), row(...zeros())], TABLE3, APPLICATION_ROWS)).toEqual([]);
    expect(alignmentScore([])).toBe(0);
  });

  it("does not take the header cell 总计 for the (七)总计 row: a row without values never matches", () => {
    const header = row("总计");
    expect(header.values).toEqual([]);
    const total = numbered("(七)总计");
    expect(alignRows([header, total], TABLE3, APPLICATION_ROWS).map((m) => m.row)).toEqual([total]);
  });

  it("reads labels written with spaces, full-width digits and full-width punctuation", () => {
    const rows = [
      numbered("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
      numbered("１．属于 国家秘密"),
      numbered("3.危及\"三安全一稳定\""),
      numbered("(七)\u3000总计"),
    ];
    const matches = alignRows(rows, TABLE3, APPLICATION_ROWS);
    expect(paths(matches)).toEqual(["partiallyGranted", "denied.stateSecret", "denied.threeSecurities", "total"]);
    expect(matches.every((m) => m.score === 1)).toBe(true);
  });

  it("keeps the order: of two rows written in reverse, only one is matched", () => {
    const matches = alignRows([numbered("2.重复申请"), numbered("1.信访举报投诉类申请")], TABLE3, APPLICATION_ROWS);
    expect(matches).toHaveLength(1);
    expect(["notProcessed.repeated", "notProcessed.petitionOrComplaint"]).toContain(matches[0]!.spec.path);
  });

  it("matches a duplicated row once (which copy is a tie; the rows around it keep their matches)", () => {
    const first = numbered("1.属于国家秘密");
    const second = numbered("1.属于国家秘密");
    const matches = alignRows([numbered("(一)予以公开"), first, second, numbered("2.其他法律行政法规禁止公开")], TABLE3, APPLICATION_ROWS);
    expect(paths(matches)).toEqual(["granted", "denied.stateSecret", "denied.prohibitedByLaw"]);
    expect([first, second]).toContain(matches[1]!.row);
  });

  it("reads a row with its group labels in cells of their own (merged cells written out)", () => {
    const rows = [row("三、本年度办理结果", "(三)不予公开", "1.属于国家秘密", ...zeros()), row("(三)不予公开", "2.其他法律行政法规禁止公开", ...zeros())];
    const matches = alignRows(rows, TABLE3, APPLICATION_ROWS);
    expect(paths(matches)).toEqual(["denied.stateSecret", "denied.prohibitedByLaw"]);
    expect(matches.every((m) => m.score === 1)).toBe(true);
  });

  it("reads a row shifted by a merged cell: an empty cell before the label or before the values", () => {
    const rows = [row("", "(一)予以公开", "", ...zeros()), row("", "", "(三)不予公开", "1.属于国家秘密", ...zeros())];
    const matches = alignRows(rows, TABLE3, APPLICATION_ROWS);
    expect(paths(matches)).toEqual(["granted", "denied.stateSecret"]);
    expect(matches[0]!.row.values).toHaveLength(WIDTH + 1);
  });

  it("uses order to tell 3.其他 from the other rows with 其他 in their label", () => {
    const rows = ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "(七)总计"].map(numbered);
    expect(paths(alignRows(rows, TABLE3, APPLICATION_ROWS))).toEqual([
      "otherHandling.overdueCorrection",
      "otherHandling.overdueFee",
      "otherHandling.other",
      "total",
    ]);
  });

  it("does not read a group label alone as one of its rows (2021), but as the row it is (2019)", () => {
    const rows = [numbered("(六)其他处理")];
    expect(alignRows(rows, TABLE3, APPLICATION_ROWS)).toEqual([]);
    expect(paths(alignRows(rows, TABLE3_2019, APPLICATION_ROWS))).toEqual(["otherHandling.all"]);
  });

  it("discounts a row without numbers (all its value cells blank) to 0.6 of its label's score", () => {
    const blank = row("1.属于国家秘密", "", "", "");
    expect(blank.numbers).toBe(0);
    const [m] = alignRows([blank], TABLE3, APPLICATION_ROWS);
    expect(m?.spec.path).toBe("denied.stateSecret");
    expect(m?.score).toBeCloseTo(0.6, 10);
  });

  it("leaves a row whose label is like no template row unmatched", () => {
    expect(alignRows([numbered("本年度接待来访群众"), numbered("网站访问量")], TABLE3, APPLICATION_ROWS)).toEqual([]);
  });

  it("gives the rows it was asked about, also for a second table of the same shape", () => {
    const a = TABLE3.map((s) => numbered(s.label));
    const b = TABLE3.map((s) => numbered(s.label));
    const first = alignRows(a, TABLE3, APPLICATION_ROWS);
    const second = alignRows(b, TABLE3, APPLICATION_ROWS);
    expect(second.map((m) => m.row)).toEqual(b);
    expect(second.every((m, i) => m.row === b[i] && m.row !== a[i])).toBe(true);
    expect(paths(second)).toEqual(paths(first));
  });

  it("reads rows whose offsets run backwards like rows in order", () => {
    const inOrder = TABLE3.map((s) => numbered(s.label));
    const backwards = TABLE3.map((s, i) => ({ ...numbered(s.label), start: 10_000 - i * 10, end: 10_005 - i * 10 }));
    expect(paths(alignRows(backwards, TABLE3, APPLICATION_ROWS))).toEqual(paths(alignRows(inOrder, TABLE3, APPLICATION_ROWS)));
  });
});

describe("fillGaps", () => {
  const labelled = (path: string) => numbered(spec(path).label);

  it("places rows of numbers whose label was lost between two matched rows, by position", () => {
    const orphanA = row(...zeros());
    const orphanB = row(...zeros());
    const rows = [labelled("granted"), orphanA, orphanB, labelled("denied.prohibitedByLaw")];
    const specs = TABLE3.slice(TABLE3.indexOf(spec("granted")), TABLE3.indexOf(spec("denied.prohibitedByLaw")) + 1);
    expect(specs.map((s) => s.path)).toEqual(["granted", "partiallyGranted", "denied.stateSecret", "denied.prohibitedByLaw"]);
    const matches = alignRows(rows, specs, APPLICATION_ROWS);
    expect(paths(matches)).toEqual(["granted", "denied.prohibitedByLaw"]);
    const filled = fillGaps(rows, specs, matches);
    expect(paths(filled)).toEqual(["granted", "partiallyGranted", "denied.stateSecret", "denied.prohibitedByLaw"]);
    expect(filled[1]).toEqual({ row: orphanA, spec: spec("partiallyGranted"), score: 0, positional: true });
    expect(filled[2]).toEqual({ row: orphanB, spec: spec("denied.stateSecret"), score: 0, positional: true });
  });

  it("places nothing when the rows of numbers are not exactly as many as the rows left", () => {
    const specs = [spec("granted"), spec("partiallyGranted"), spec("denied.stateSecret"), spec("denied.prohibitedByLaw")];
    const one = [labelled("granted"), row(...zeros()), labelled("denied.prohibitedByLaw")];
    expect(paths(fillGaps(one, specs, alignRows(one, specs, APPLICATION_ROWS)))).toEqual(["granted", "denied.prohibitedByLaw"]);
    const three = [labelled("granted"), row(...zeros()), row(...zeros()), row(...zeros()), labelled("denied.prohibitedByLaw")];
    expect(paths(fillGaps(three, specs, alignRows(three, specs, APPLICATION_ROWS)))).toEqual(["granted", "denied.prohibitedByLaw"]);
  });

  it("does not count rows without numbers, and fills no gap before the first or after the last matched row", () => {
    const specs = [spec("granted"), spec("partiallyGranted"), spec("denied.stateSecret")];
    const withBlank = [labelled("granted"), row("", "", ""), row(...zeros()), labelled("denied.stateSecret")];
    expect(paths(fillGaps(withBlank, specs, alignRows(withBlank, specs, APPLICATION_ROWS)))).toEqual(["granted", "partiallyGranted", "denied.stateSecret"]);
    const edges = [row(...zeros()), labelled("partiallyGranted"), row(...zeros())];
    expect(paths(fillGaps(edges, specs, alignRows(edges, specs, APPLICATION_ROWS)))).toEqual(["partiallyGranted"]);
  });

  it("returns the matches (sorted by template order) when there is nothing to fill, and nothing for no matches", () => {
    const rows = [labelled("granted"), labelled("partiallyGranted")];
    const matches = alignRows(rows, TABLE3, APPLICATION_ROWS);
    expect(fillGaps(rows, TABLE3, [...matches].reverse())).toEqual(matches);
    expect(fillGaps([], TABLE3, [])).toEqual([]);
  });
});

describe("matchRowsByLabel", () => {
  const written = (label: string, ...values: string[]) => row(label, ...values);

  it("matches table 二's rows in any order, and gives them in template order", () => {
    const rows = [written("行政处罚", "7"), written("规章", "1", "0", "5"), written("行政事业性收费", "0.5"), written("行政规范性文件", "2", "1", "9")];
    const matches = matchRowsByLabel(rows, TABLE2, ACTIVE_ROWS);
    expect(paths(matches)).toEqual(["rules", "normativeDocuments", "punishment", "fees"]);
    expect(matches.map((m) => m.row.labels[0]!.text)).toEqual(["规章", "行政规范性文件", "行政处罚", "行政事业性收费"]);
  });

  it("uses each row and each template row once: of a duplicated row the first copy", () => {
    const first = written("规章", "1", "2", "3");
    const second = written("规章", "4", "5", "6");
    const matches = matchRowsByLabel([first, second], TABLE2, ACTIVE_ROWS);
    expect(matches).toHaveLength(1);
    expect(matches[0]!.row).toBe(first);
  });

  it("gives the best pairs first: a row close to two template rows goes to the closer one", () => {
    const rows = [written("行政规范性文件", "2", "1", "9"), written("规范性文件", "3", "0", "4")];
    // 规范性文件 (the 2019 label) is close to 行政规范性文件, which the exact row takes
    const matches = matchRowsByLabel(rows, TABLE2, ACTIVE_ROWS);
    expect(matches.map((m) => [m.spec.path, m.row.labels[0]!.text])).toEqual([["normativeDocuments", "行政规范性文件"]]);
  });

  it("leaves rows below the threshold, rows without values and empty input unmatched", () => {
    expect(matchRowsByLabel([written("网站访问量", "100")], TABLE2, ACTIVE_ROWS)).toEqual([]);
    expect(matchRowsByLabel([row("规章")], TABLE2, ACTIVE_ROWS)).toEqual([]);
    expect(matchRowsByLabel([], TABLE2, ACTIVE_ROWS)).toEqual([]);
  });

  it("reads a label with full-width punctuation or spaces", () => {
    const matches = matchRowsByLabel([written("行政 许可", "3"), written("行政事业性收费（万元）", "1.5")], TABLE2, ACTIVE_ROWS);
    expect(paths(matches)).toEqual(["licensing", "fees"]);
  });
});
