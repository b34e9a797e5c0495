import { describe, expect, it } from "vitest";
import { getPath } from "../../src/report/get-path.js";
import { makeReport } from "../helpers/make-report.js";

describe("getPath", () => {
  const report = makeReport({ "applications.granted.commercial": null, "appeals.review.total": 4 });

  it("reads a number through nested objects", () => {
    expect(getPath(report, "appeals.review.total")).toBe(4);
    expect(getPath(report, "applications.denied.thirdPartyRights.naturalPerson")).toBe(1);
  });

  it("returns null for a blank cell", () => {
    expect(getPath(report, "applications.granted.commercial")).toBeNull();
  });

  it("returns undefined for an absent path, a non-number or a prototype key", () => {
    expect(getPath(report, "applications.otherHandling.all.total")).toBeUndefined();
    expect(getPath(report, "template")).toBeUndefined();
    expect(getPath(report, "applications.total.constructor")).toBeUndefined();
    expect(getPath({ activeDisclosure: null }, "activeDisclosure.rules.issued")).toBeUndefined();
    expect(getPath(null, "a")).toBeUndefined();
    expect(getPath(42, "a")).toBeUndefined();
  });
});
