import { describe, expect, it } from "vitest";
import { segmentGluedTable, type GluedTableInput, type SegmentedTable } from "../../../src/tokenize/glued/segment-glued.js";
import {  parseRun } from "../../../src/tokenize/glued/split-digits.js";
import { newCounter } from "../../../src/text/step-budget.js";
import { APPEAL_ROWS, rowsOf, type TableTemplate } from "../../../src/template/templates.js";
import type { TableKind } from "../../../src/types.js";

/** A table whose rows are given as runs; rows not given are all zeros ("0000000"), rows given as "" are absent. */
function input(kind: TableKind, template: TableTemplate, runs: Record<string, string>, zeros = true): GluedTableInput {
  const specs = kind === "appeals" ? [APPEAL_ROWS] : rowsOf(kind, template).map((s) => [s]);
  let doc = "";
  const units = specs
    .map((rows) => {
      const text = runs[rows[0]!.path] ?? (zeros ? "0".repeat(rows.reduce((n, r) => n + r.columns.length, 0)) : undefined);
      if (text === undefined || text === "") return null;
      doc += "|";
      const start = doc.length;
      doc += text;
      return { rows, run: parseRun(doc, start, doc.length), at: start };
    })
    .filter((u) => u !== null);
  // parseRun keeps the text it was given, so later appends do not disturb earlier runs
  return { kind, units };
}

function values(out: SegmentedTable): Record<string, number | null> {
  return Object.fromEntries(out.cells.flat().map((c) => [c.path, c.value]));
}

function row(out: SegmentedTable, path: string): Array<number | null> {
  return out.cells.flat().filter((c) => c.path.startsWith(`${path}.`)).map((c) => c.value);
}

/** Table 三 of Pingtan 2020, which breaks its own outcome totals. */
const PINGTAN_2020: Record<string, string> = {
  newReceived: "200 000121",
  granted: "6000017",
  partiallyGranted: "6000006",
  "unavailable.notHeld": "4000004",
  "unavailable.unclearAfterCorrection": "3000003",
  "notProcessed.repeated": "3000003",
  "otherHandling.all": "4 0 0 0 0 0 4",
  total: "20 0 00 0 121",
  carriedForward: "0 0 00 00 0",
};

describe("table 3: cut by the table's own arithmetic", () => {
  it("recovers rows from their row totals and says so in one info diagnostic", () => {
    const out = segmentGluedTable(
      input("applications", "2021", {
        newReceived: "640020470",
        granted: "270020130",
        "unavailable.notHeld": "220000325",
        "otherHandling.other": "1000001",
        "denied.internalAffairs": "1000001",
        "denied.enforcementCaseFile": "6000006",
        "denied.administrativeQuery": "1000001",
        partiallyGranted: "500000 5",
        total: "630020469",
        carriedForward: "1000001",
      }),
      newCounter(),
    );
    expect(row(out, "applications.newReceived")).toEqual([64, 0, 0, 2, 0, 4, 70]);
    expect(row(out, "applications.unavailable.notHeld")).toEqual([22, 0, 0, 0, 0, 3, 25]);
    expect(row(out, "applications.total")).toEqual([63, 0, 0, 2, 0, 4, 69]);
    expect(out.cells.flat().every((c) => c.status === "exact")).toBe(true);
    const info = out.diagnostics.filter((d) => d.code === "recovered-by-arithmetic");
    expect(info).toHaveLength(1);
    expect(info[0]!.severity).toBe("info");
    expect(info[0]!.message).toContain("applications.newReceived.naturalPerson=64");
    expect(out.diagnostics.filter((d) => d.code === "ambiguous-split")).toEqual([]);
  });

  it("ties rows together by their columns when a row total leaves two readings", () => {
    // "110000011" is 11/0/… or 1/10/…; the spaced 予以公开 row settles (七) and then 一
    const out = segmentGluedTable(
      input("applications", "2021", { newReceived: "110000011", granted: "11 0 0 0 0 0 11", total: "110000011" }),
      newCounter(),
    );
    expect(row(out, "applications.newReceived")).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(row(out, "applications.total")).toEqual([11, 0, 0, 0, 0, 0, 11]);
    const info = out.diagnostics.find((d) => d.code === "recovered-by-arithmetic")!;
    expect(info.message).toContain("applications.newReceived.naturalPerson=11");
  });

  it("leaves the cells that differ blank when several splits satisfy every rule", () => {
    const out = segmentGluedTable(
      input("applications", "2021", { newReceived: "110000011", granted: "110000011", total: "110000011" }),
      newCounter(),
    );
    const v = values(out);
    for (const r of ["newReceived", "granted", "total"]) {
      expect(v[`applications.${r}.naturalPerson`]).toBeNull();
      expect(v[`applications.${r}.commercial`]).toBeNull();
      expect(v[`applications.${r}.research`]).toBe(0);
      expect(v[`applications.${r}.total`]).toBe(11);
    }
    const cell = out.cells.flat().find((c) => c.path === "applications.granted.naturalPerson")!;
    expect(cell).toMatchObject({ text: "", status: "ambiguous" });
    const amb = out.diagnostics.filter((d) => d.code === "ambiguous-split");
    expect(amb.map((d) => d.path).sort()).toEqual(
      ["granted", "newReceived", "total"].flatMap((r) => [`applications.${r}.commercial`, `applications.${r}.naturalPerson`]).sort(),
    );
    const d = amb.find((x) => x.path === "applications.granted.naturalPerson")!;
    expect(d.severity).toBe("warning");
    expect(d.alternatives).toHaveLength(2);
    expect(d.alternatives!.map((a) => [a["applications.granted.naturalPerson"], a["applications.granted.commercial"]]).sort()).toEqual([
      [1, 10],
      [11, 0],
    ]);
    expect(d.alternatives![0]!["applications.total.naturalPerson"]).toBe(d.alternatives![0]!["applications.granted.naturalPerson"]);
  });

  it("when no split satisfies the rules (Pingtan 2020), uses the one breaking the fewest and names the broken rules", () => {
    const out = segmentGluedTable(input("applications", "2019", PINGTAN_2020), newCounter());
    expect(row(out, "applications.newReceived")).toEqual([20, 0, 0, 0, 0, 1, 21]);
    expect(row(out, "applications.granted")).toEqual([6, 0, 0, 0, 0, 1, 7]);
    expect(row(out, "applications.total")).toEqual([20, 0, 0, 0, 0, 1, 21]);
    expect(out.cells.flat().every((c) => c.status === "chosen")).toBe(true);
    const warn = out.diagnostics.filter((d) => d.code === "recovered-by-arithmetic");
    expect(warn).toHaveLength(1);
    expect(warn[0]!.severity).toBe("warning");
    expect(warn[0]!.message).toContain("outcome-total naturalPerson");
    expect(warn[0]!.message).toContain("outcome-total total");
    expect(warn[0]!.message).not.toContain("balance");
    expect(out.diagnostics.filter((d) => d.code === "ambiguous-split")).toEqual([]);
  });

  it("a row whose own total is wrong gets its closest split and the broken row total is named", () => {
    const out = segmentGluedTable(input("applications", "2021", { newReceived: "6000018", granted: "6000017", total: "6000017" }), newCounter());
    expect(row(out, "applications.newReceived")).toEqual([6, 0, 0, 0, 0, 1, 8]);
    const warn = out.diagnostics.find((d) => d.code === "recovered-by-arithmetic")!;
    expect(warn.severity).toBe("warning");
    expect(warn.message).toContain("row-total applications.newReceived");
  });

  it("does not use the outcome total when an outcome row is missing", () => {
    const runs = { newReceived: "110000011", granted: "11 0 0 0 0 0 11", total: "110000011", "denied.stateSecret": "" };
    const out = segmentGluedTable(input("applications", "2021", runs), newCounter());
    expect(row(out, "applications.newReceived").slice(0, 2)).toEqual([null, null]);
    expect(row(out, "applications.total").slice(0, 2)).toEqual([null, null]);
    expect(row(out, "applications.granted")).toEqual([11, 0, 0, 0, 0, 0, 11]);
  });

  it("a run that cannot make seven cells is left blank with a diagnostic", () => {
    const out = segmentGluedTable(input("applications", "2021", { carriedOver: "00000000" }), newCounter());
    expect(row(out, "applications.carriedOver")).toEqual([null, null, null, null, null, null, null]);
    expect(out.diagnostics.find((d) => d.code === "unparsed-cell")?.path).toBe("applications.carriedOver");
  });
});

describe("table 4", () => {
  it("splits the one run by the three appeal totals", () => {
    const out = segmentGluedTable(input("appeals", "2021", { review: "21317000001324019" }), newCounter());
    expect(values(out)).toMatchObject({
      "appeals.review.upheld": 2,
      "appeals.review.total": 7,
      "appeals.litigationAfterReview.upheld": 13,
      "appeals.litigationAfterReview.total": 19,
    });
    expect(out.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(["recovered-by-arithmetic info"]);
  });

  it("reports two readings of one row as an ambiguity", () => {
    const out = segmentGluedTable(input("appeals", "2021", { review: "11000110000000000" }), newCounter());
    const v = values(out);
    expect(v["appeals.review.upheld"]).toBeNull();
    expect(v["appeals.review.corrected"]).toBeNull();
    expect(v["appeals.review.total"]).toBe(11);
    expect(v["appeals.litigationDirect.total"]).toBe(0);
    const d = out.diagnostics.find((x) => x.path === "appeals.review.upheld")!;
    expect(d.code).toBe("ambiguous-split");
    expect(d.alternatives).toEqual([
      { "appeals.review.upheld": 1, "appeals.review.corrected": 10 },
      { "appeals.review.upheld": 11, "appeals.review.corrected": 0 },
    ]);
  });
});

describe("table 2: digit rules and the narrative", () => {
  it("uses figures the narrative states to choose among splits", () => {
    const hints = new Map([
      ["activeDisclosure.normativeDocuments.issued", [88]],
      ["activeDisclosure.normativeDocuments.inForce", [698]],
    ]);
    const out = segmentGluedTable({ ...input("activeDisclosure", "2021", { normativeDocuments: "8855698" }, false), hints }, newCounter());
    expect(row(out, "activeDisclosure.normativeDocuments")).toEqual([88, 55, 698]);
    expect(out.diagnostics.find((d) => d.code === "recovered-by-arithmetic")?.message).toContain("narrative");
  });

  it("keeps what the narrative settles and leaves the rest ambiguous (pingtan-2023)", () => {
    const hints = new Map([
      ["activeDisclosure.normativeDocuments.issued", [77]],
      ["activeDisclosure.normativeDocuments.inForce", [393]],
    ]);
    const out = segmentGluedTable({ ...input("activeDisclosure", "2021", { normativeDocuments: "77132470" }, false), hints }, newCounter());
    expect(row(out, "activeDisclosure.normativeDocuments")).toEqual([77, null, null]);
    const d = out.diagnostics.find((x) => x.path === "activeDisclosure.normativeDocuments.inForce")!;
    expect(d.code).toBe("ambiguous-split");
    expect(d.alternatives).toContainEqual({ "activeDisclosure.normativeDocuments.repealed": 132, "activeDisclosure.normativeDocuments.inForce": 470 });
    expect(d.alternatives).toHaveLength(5);
  });

  it("without hints an undetermined split is ambiguous, never guessed", () => {
    const out = segmentGluedTable(input("activeDisclosure", "2021", { normativeDocuments: "693665", rules: "000" }, false), newCounter());
    expect(row(out, "activeDisclosure.rules")).toEqual([0, 0, 0]);
    expect(row(out, "activeDisclosure.normativeDocuments")).toEqual([null, null, null]);
    const d = out.diagnostics.find((x) => x.path === "activeDisclosure.normativeDocuments.issued")!;
    expect(d.alternatives).toHaveLength(10);
    expect(d.alternatives).toContainEqual({
      "activeDisclosure.normativeDocuments.issued": 69,
      "activeDisclosure.normativeDocuments.repealed": 3,
      "activeDisclosure.normativeDocuments.inForce": 665,
    });
  });

  it("reads signed changes and money in the 2019 template", () => {
    const out = segmentGluedTable(
      input("activeDisclosure", "2019", { fees: "35-15", punishment: "2648-18538", procurement: "7 75394432.52元" }, false),
      newCounter(),
    );
    expect(row(out, "activeDisclosure.fees")).toEqual([35, -15]);
    expect(row(out, "activeDisclosure.procurement")).toEqual([7, 75394432.52]);
    const amount = out.cells.flat().find((c) => c.path === "activeDisclosure.procurement.amount")!;
    expect(amount.text).toBe("75394432.52元");
    expect(row(out, "activeDisclosure.punishment")).toEqual([2648, null, null]);
  });
});

describe("bounded work", () => {
  it("a table of 20-digit runs stays within its budget and claims no exact value it cannot prove", () => {
    const runs = Object.fromEntries(rowsOf("applications", "2021").map((r, i) => [r.path, i % 2 ? "1".repeat(20) : "10".repeat(10)]));
    const counter = newCounter(100_000);
    const out = segmentGluedTable(input("applications", "2021", runs), counter);
    expect(counter.steps).toBeLessThanOrEqual(100_000 + 64);
    for (const c of out.cells.flat()) expect(c.status).not.toBe("exact");
  });
});

describe("table 三 with a 小计 column", () => {
  const shape = { template: "2021" as const, orgSubtotal: true };

  it("cuts every row into eight cells: the applicant columns, 小计 (the five organisations) and 总计", () => {
    const out = segmentGluedTable({ ...input("applications", "2021", { newReceived: "6400204670", total: "6400204670", "denied.stateSecret": "" }, false), shape }, newCounter());
    expect(out.cells[0]!.map((c) => c.path.split(".").pop())).toEqual([
      "naturalPerson",
      "commercial",
      "research",
      "nonprofit",
      "legalService",
      "otherOrg",
      "orgSubtotal",
      "total",
    ]);
    expect(row(out, "applications.newReceived")).toEqual([64, 0, 0, 2, 0, 4, 6, 70]);
    expect(out.diagnostics.filter((d) => d.code !== "recovered-by-arithmetic")).toEqual([]);
  });

  it("reads the 小计 and 总计 together: a run whose 小计 breaks the five organisations is not cut as if it held", () => {
    // 64/0/0/2/0/4 and 总计 70 hold, but 小计 7 ≠ 0+0+2+0+4
    const out = segmentGluedTable({ ...input("applications", "2021", { newReceived: "6400204770" }, false), shape }, newCounter());
    const cells = out.cells[0]!;
    expect(cells.every((c) => c.status !== "exact")).toBe(true);
    const warn = out.diagnostics.find((d) => d.code === "recovered-by-arithmetic")!;
    expect(warn.severity).toBe("warning");
    expect(warn.message).toContain("org-subtotal applications.newReceived");
  });

  it("solves the table with the column rules of all eight columns, 小计 included", () => {
    // "11000001011": 1/10/0/0/0/0/10/11 is the one cut whose 小计 and 总计 both hold; the other rows are eight zeros
    const zeros = "00000000";
    const specs = rowsOf("applications", "2021");
    const runs: Record<string, string> = Object.fromEntries(specs.map((s) => [s.path, zeros]));
    Object.assign(runs, { newReceived: "11000001011", granted: "1 10 0 0 0 0 10 11", total: "11000001011" });
    const out = segmentGluedTable({ ...input("applications", "2021", runs), shape }, newCounter());
    expect(row(out, "applications.total")).toEqual([1, 10, 0, 0, 0, 0, 10, 11]);
    expect(row(out, "applications.newReceived")).toEqual([1, 10, 0, 0, 0, 0, 10, 11]);
    expect(out.diagnostics.filter((d) => d.code === "ambiguous-split")).toEqual([]);
  });
});

describe("an exhausted step budget", () => {
  const pingtan2020 = () => input("applications", "2019", PINGTAN_2020);
  const glued = () =>
    input("applications", "2021", { newReceived: "640020470", granted: "270020130", "unavailable.notHeld": "220000325", partiallyGranted: "500000 5", total: "630020469" });

  it("gives every cell its value as the whole search finds it, or null with a diagnostic naming the cell or its row, at any budget", () => {
    for (const make of [pingtan2020, glued]) {
      const full = newCounter();
      const reference = values(segmentGluedTable(make(), full));
      const budgets = Array.from({ length: 60 }, (_, i) => Math.floor((full.steps * i) / 60));
      expect(budgets).toHaveLength(60);
      for (const budget of budgets) {
        const out = segmentGluedTable(make(), newCounter(budget));
        const named = new Set(out.diagnostics.map((d) => d.path));
        const cells = out.cells.flat();
        expect(cells.length).toBeGreaterThan(0);
        const wrong = cells.filter((c) =>
          c.value === null ? reference[c.path] !== null && !named.has(c.path) && !named.has(c.path.replace(/\.[^.]+$/, "")) : c.value !== reference[c.path],
        );
        expect(wrong.map((c) => `${budget}: ${c.path}=${c.value}`)).toEqual([]);
      }
    }
  });
});
