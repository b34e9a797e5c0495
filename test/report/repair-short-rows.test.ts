/**
 * Rows of table 三 short of cells: their numbers are placed where the table's sums allow.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../../src/index.js";
import { APPLICATION_ROWS } from "../../src/template/templates.js";

const ROWS_2021 = APPLICATION_ROWS.filter((r) => r.templates.includes("2021"));

/** A markdown table 三 with every row zero but those given. */
function table3(rows: Record<string, string>): string {
  const lines = ["三、收到和处理政府信息公开申请情况", "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |", "|---|---|---|---|---|---|---|---|"];
  for (const spec of ROWS_2021) {
    const cells = rows[spec.path] ?? "0 | 0 | 0 | 0 | 0 | 0 | 0";
    lines.push(`| ${spec.label} | ${cells} |`);
  }
  return lines.join("\n");
}

const filled = { newReceived: "5 | 0 | 0 | 0 | 0 | 0 | 5", total: "5 | 0 | 0 | 0 | 0 | 0 | 5" };

describe("short rows of table 3", () => {
  it("are placed the one way the row total and the column sums allow", () => {
    const report = parseReport(table3({ ...filled, granted: "5 | 5" }));
    expect(report.applications?.granted).toEqual({
      naturalPerson: 5,
      commercial: null,
      research: null,
      nonprofit: null,
      legalService: null,
      otherOrg: null,
      orgSubtotal: null,
      total: 5,
    });
    const repaired = report.diagnostics.find((d) => d.code === "repaired-by-arithmetic");
    expect(repaired?.path).toBe("applications.granted");
    expect(report.locations["applications.granted.total"]?.text).toBe("5");
  });

  it("leave the cells the sums cannot place null, with the readings as alternatives", () => {
    // two short rows whose fives could each stand in either of two columns
    const report = parseReport(
      table3({
        newReceived: "5 | 5 | 0 | 0 | 0 | 0 | 10",
        total: "5 | 5 | 0 | 0 | 0 | 0 | 10",
        granted: "5 | 5",
        partiallyGranted: "5 | 5",
      }),
    );
    const granted = report.applications?.granted;
    expect(granted?.total).toBe(5);
    expect(granted?.naturalPerson).toBeNull();
    expect(granted?.commercial).toBeNull();
    const ambiguous = report.diagnostics.filter((d) => d.code === "ambiguous-cell" && d.path?.startsWith("applications.granted."));
    expect(ambiguous.map((d) => d.path)).toEqual(["applications.granted.naturalPerson", "applications.granted.commercial"]);
    expect(ambiguous[0]!.alternatives).toHaveLength(2);
  });

  it("leave every cell null when no placement adds up, each named with the readings", () => {
    const report = parseReport(table3({ ...filled, granted: "4 | 5" }));
    const granted = report.applications!.granted;
    expect(Object.values(granted).every((v) => v === null)).toBe(true);
    const named = report.diagnostics.filter((d) => d.code === "ambiguous-cell").map((d) => d.path);
    expect(named).toEqual(Object.keys(granted).filter((k) => k !== "orgSubtotal").map((k) => `applications.granted.${k}`));
    const first = report.diagnostics.find((d) => d.code === "ambiguous-cell")!;
    expect(first.alternatives!.length).toBe(21); // C(7,2) readings of two numbers in seven columns
    expect(first.alternatives).toContainEqual(expect.objectContaining({ "applications.granted.naturalPerson": 4, "applications.granted.commercial": 5 }));
  });

  it("stop at the step budget on many short rows, leaving their cells null and saying so", () => {
    // every outcome row short of cells (two 2s and their total 4), the column sums known and one
    // of them odd: no placement adds up, but no range of partial sums shows it before the last row
    const outcome = ROWS_2021.filter((r) => !["newReceived", "total", "carriedOver", "carriedForward"].includes(r.path));
    const sums = [0, 0, 0, 0, 0, 0];
    for (let k = 0; k < 2 * outcome.length; k++) sums[k % 6]! += 2;
    sums[0]! -= 1;
    sums[1]! += 1;
    const totals = `${sums.join(" | ")} | ${4 * outcome.length}`;
    const rows: Record<string, string> = { newReceived: totals, total: totals };
    for (const spec of outcome) rows[spec.path] = "2 | 2 | 4";
    const report = parseReport(table3(rows));
    const budget = report.diagnostics.filter((d) => d.code === "ambiguous-cell" && /budget/.test(d.message));
    expect(budget.length).toBeGreaterThan(0);
    expect(report.applications?.granted.naturalPerson).toBeNull();
    expect(report.applications?.granted.total).toBeNull();
  });

  it("place rows that share no checkable sum one by one (their readings multiply, they are not tried jointly)", () => {
    // the totals are blank: no column sum links the short rows, each is decided by its own row total
    const rows: Record<string, string> = { newReceived: "| | | | | |", total: "| | | | | |" };
    for (const spec of ROWS_2021) if (!["newReceived", "total", "carriedOver", "carriedForward"].includes(spec.path)) rows[spec.path] = "1 | 0 | 1";
    const report = parseReport(table3(rows));
    expect(report.diagnostics.filter((d) => /budget/.test(d.message))).toEqual([]);
    const granted = report.diagnostics.filter((d) => d.code === "ambiguous-cell" && d.path?.startsWith("applications.granted."));
    // `1 | 0 | 1`: the total is the last 1; the 1 and the 0 stand in two of the six applicant columns
    expect(granted.length).toBe(6);
    expect(granted[0]!.alternatives).toHaveLength(15);
    expect(report.applications?.granted.total).toBe(1);
  });
});
