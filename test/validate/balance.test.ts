import { describe, expect, it } from "vitest";
import { checkBalance } from "../../src/validate/rules/balance.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };

describe("balance rule", () => {
  it("gives no finding on a consistent report of either template", () => {
    expect(checkBalance(makeReport(), opts)).toEqual([]);
    expect(checkBalance(makeReport({}, { template: "2019" }), opts)).toEqual([]);
  });

  it("reports one error for the broken column, with the four cells, total first", () => {
    // sample naturalPerson: newReceived 5 + carriedOver 0 = total 5 + carriedForward 0
    const findings = checkBalance(makeReport({ "applications.carriedForward.naturalPerson": -1 }), opts);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "balance",
      severity: "error",
      paths: [
        "applications.total.naturalPerson",
        "applications.carriedForward.naturalPerson",
        "applications.newReceived.naturalPerson",
        "applications.carriedOver.naturalPerson",
      ],
      expected: 5,
      actual: 4,
    });
    expect(findings[0]!.message).toBe(
      "第三项加第四项之和应等于第一项加第二项之和（自然人：期望 5，实际 4） / balance: newReceived + carriedOver must equal total + carriedForward (naturalPerson: expected 5, got 4)",
    );
  });

  it("reports each broken column separately", () => {
    const findings = checkBalance(
      makeReport({ "applications.newReceived.commercial": 99, "applications.carriedOver.total": 50 }),
      opts,
    );
    expect(findings.map((f) => f.paths[0])).toEqual(["applications.total.commercial", "applications.total.total"]);
  });

  it("reports a blank input as not checkable (info), or nothing when not wanted", () => {
    const report = makeReport({ "applications.carriedOver.research": null });
    const findings = checkBalance(report, opts);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      rule: "balance",
      severity: "info",
      notCheckable: true,
      paths: [
        "applications.total.research",
        "applications.carriedForward.research",
        "applications.newReceived.research",
        "applications.carriedOver.research",
      ],
    });
    expect(findings[0]!.expected).toBeUndefined();
    expect(findings[0]!.message).toContain("无法校验");
    expect(findings[0]!.message).toContain("not checkable");
    expect(checkBalance(report, { includeNotCheckable: false })).toEqual([]);
  });

  it("leaves a missing table and legacy reports alone", () => {
    expect(checkBalance(makeReport({}, { omitTables: ["applications"] }), opts)).toEqual([]);
    expect(checkBalance({ ...makeReport(), template: "legacy" }, opts)).toEqual([]);
  });
});
