import { describe, expect, it } from "vitest";
import { checkOutcomeTotal } from "../../src/validate/rules/outcome-total.js";
import { outcomeRows } from "../../src/template/equations.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };

describe("outcome rows", () => {
  it("lists the 21/19 outcome rows of each template in table order", () => {
    const rows2021 = outcomeRows("2021");
    expect(rows2021).toHaveLength(21);
    expect(rows2021[0]).toBe("granted");
    expect(rows2021.slice(-3)).toEqual(["otherHandling.overdueCorrection", "otherHandling.overdueFee", "otherHandling.other"]);
    const rows2019 = outcomeRows("2019");
    expect(rows2019).toHaveLength(19);
    expect(rows2019.at(-1)).toBe("otherHandling.all");
    expect(rows2019).not.toContain("total");
  });
});

describe("outcome-total rule", () => {
  it("gives no finding on a consistent report of either template", () => {
    expect(checkOutcomeTotal(makeReport(), opts)).toEqual([]);
    expect(checkOutcomeTotal(makeReport({}, { template: "2019" }), opts)).toEqual([]);
  });

  it("reports the broken column: total first, then every outcome row in table order", () => {
    // sample commercial outcomes: granted 3 + partiallyGranted 1 + notHeld 1 + other 1 = 6
    const findings = checkOutcomeTotal(makeReport({ "applications.denied.stateSecret.commercial": 2 }), opts);
    expect(findings).toHaveLength(1);
    const f = findings[0]!;
    expect(f).toMatchObject({ rule: "outcome-total", severity: "error", expected: 8, actual: 6 });
    expect(f.paths).toEqual(["applications.total.commercial", ...outcomeRows("2021").map((r) => `applications.${r}.commercial`)]);
    expect(f.paths).toHaveLength(22);
    expect(f.message).toContain("（七）总计应等于各项办理结果之和（商业企业：期望 8，实际 6）");
  });

  it("uses otherHandling.all for the 2019 template", () => {
    const findings = checkOutcomeTotal(
      makeReport({ "applications.otherHandling.all.naturalPerson": 4 }, { template: "2019" }),
      opts,
    );
    expect(findings.map((f) => [f.paths[0], f.paths.at(-1), f.expected, f.actual])).toEqual([
      ["applications.total.naturalPerson", "applications.otherHandling.all.naturalPerson", 9, 5],
    ]);
  });

  it("reports a column with a blank part as not checkable", () => {
    const findings = checkOutcomeTotal(makeReport({ "applications.otherHandling.other.total": null }), opts);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "info", notCheckable: true });
    expect(findings[0]!.paths[0]).toBe("applications.total.total");
    expect(findings[0]!.message).toContain("applications.otherHandling.other.total");
  });
});
