/**
 * The 2019 template's merged 办理结果 label cell written as an empty cell in a pipe row:
 * the cells after it are placed by the header's column count, so the first number is
 * 自然人, not 商业企业.
 */
import { describe, expect, it } from "vitest";
import { flattenReport, parseReport } from "../../src/index.js";
import { sampleValues } from "../helpers/make-report.js";
import { defaultRenderOptions, renderReport } from "../helpers/render-text.js";

const ROW = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";

describe("a merged label cell written as an empty cell (2019 template, pipe rows)", () => {
  for (const line of [`${ROW} |  | 3 |  |  |  |  |  | 3 |`, `${ROW} |  | 3 |  |  |  |  |  |  | 3 |`]) {
    it(`"${line}" puts 3 under naturalPerson, and every other cell is blank or named`, () => {
      const generated = { template: "2019" as const, values: sampleValues("2019"), meta: { organization: "某某县人民政府", year: 2019 } };
      const lines = renderReport(generated, defaultRenderOptions("pipe-rows")).split("\n");
      const i = lines.findIndex((l) => l.includes("部分公开"));
      expect(i).toBeGreaterThan(0);
      lines[i] = line;
      const report = parseReport(lines.join("\n"));
      const flat = flattenReport(report);
      expect(flat["applications.partiallyGranted.naturalPerson"]).toBe(3);
      expect(flat["applications.partiallyGranted.commercial"]).toBeNull();
      const named = new Set(report.diagnostics.map((d) => d.path));
      for (const key of ["commercial", "research", "nonprofit", "legalService", "otherOrg", "total"]) {
        const path = `applications.partiallyGranted.${key}`;
        if (flat[path] !== null) expect(flat[path], path).toBe(key === "total" ? 3 : 0);
        else expect(named.has(path), path).toBe(true);
      }
    });
  }
});
