import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport, validateReport } from "../../src/index.js";
import { checkLatePublication, publicationDeadline } from "../../src/validate/rules/late-publication.js";
import { repoRoot } from "../helpers/corpus.js";
import { makeReport } from "../helpers/make-report.js";

const opts = { includeNotCheckable: true };
const read = (file: string) => readFileSync(join(repoRoot, "corpus", file), "utf8");
const late = (text: string) => validateReport(parseReport(text)).findings.filter((f) => f.rule === "late-publication");

describe("late-publication on copies of corpus reports", () => {
  // 湛河区交通局, a department, reporting on 2022: due 2023-01-31
  const department = read("seed-003.txt");

  it("passes a department's report signed on 20 January", () => {
    expect(late(`${department}\n湛河区交通局\n2023年1月20日\n`)).toEqual([]);
  });

  it("warns on a department's report signed in March, with the date, the deadline and the article", () => {
    const text = `${department}\n湛河区交通局\n二〇二三年三月十五日\n`;
    const findings = late(text);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        paths: ["meta.published", "meta.year", "meta.organType"],
        expected: "2023-01-31",
        actual: "2023-03-15",
      }),
    ]);
    expect(findings[0]!.message).toBe(
      "2022年度报告发布于2023-03-15，晚于《政府信息公开条例》第四十九条规定的政府部门报告公布期限2023-01-31 / late-publication: the report on 2022 was published on 2023-03-15, after the deadline of 2023-01-31 that article 49 of the Regulations sets for a department",
    );
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe("二〇二三年三月十五日");
  });

  it("gives a people's government until 31 March", () => {
    const government = read("shanghai-gov-2025.md");
    expect(late(`${government}\n上海市人民政府办公厅\n2026年3月31日\n`)).toEqual([]);
    expect(late(`${government}\n上海市人民政府办公厅\n2026年4月2日\n`)).toEqual([
      expect.objectContaining({ severity: "warning", expected: "2026-03-31", actual: "2026-04-02" }),
    ]);
  });

  it("has no deadline for a township, however late", () => {
    const township = parseReport(`${read("seed-004.txt")}\n花桥镇\n2022年12月1日\n`);
    expect(township.meta.organType).toBe("township");
    expect(township.meta.published).toBe("2022-12-01");
    expect(validateReport(township).findings.filter((f) => f.rule === "late-publication")).toEqual([]);
  });

  it("reads the 发布时间 of a corpus page (an organ whose kind the name does not tell: not checkable)", () => {
    const findings = late(read("pingtan-2023.txt"));
    expect(findings).toEqual([expect.objectContaining({ severity: "info", notCheckable: true })]);
    expect(findings[0]!.message).toContain("meta.organType");
  });
});

describe("checkLatePublication", () => {
  it("computes the deadline by organ type", () => {
    expect(publicationDeadline(2024, "department")).toBe("2025-01-31");
    expect(publicationDeadline(2024, "government")).toBe("2025-03-31");
    expect(publicationDeadline(2024, "township")).toBeNull();
  });

  it("treats the deadline day itself as on time", () => {
    expect(checkLatePublication(makeReport({}, { year: 2022, published: "2023-01-31" }), opts)).toEqual([]);
    expect(checkLatePublication(makeReport({}, { year: 2022, published: "2023-02-01" }), opts)).toHaveLength(1);
  });

  it("reports a blank date as not checkable, never as passed", () => {
    const report = makeReport({}, { year: 2022, published: null });
    expect(checkLatePublication(report, opts)).toEqual([
      expect.objectContaining({ rule: "late-publication", severity: "info", notCheckable: true, paths: ["meta.published", "meta.year", "meta.organType"] }),
    ]);
    expect(checkLatePublication(report, { includeNotCheckable: false })).toEqual([]);
    const noYear = makeReport({}, { year: null, published: "2023-06-01" });
    expect(checkLatePublication(noYear, opts)[0]!.message).toContain("meta.year");
  });

  it("skips reports before the 2019 条例 and reports without the template's tables", () => {
    expect(checkLatePublication(makeReport({}, { template: "2019", year: 2018, published: "2019-09-01" }), opts)).toEqual([]);
    const legacy = { ...makeReport({}, { published: "2030-01-01" }), template: "legacy" as const };
    expect(checkLatePublication(legacy, opts)).toEqual([]);
  });

  it("never throws on a malformed meta", () => {
    const report = { ...makeReport(), meta: { year: "2022", published: 5, organType: "x" } } as never;
    expect(checkLatePublication(report, opts)).toEqual([expect.objectContaining({ notCheckable: true })]);
    expect(validateReport({ ...makeReport(), meta: null } as never).findings.some((f) => f.rule === "late-publication")).toBe(true);
  });
});

describe("late-publication with the file's creation date", () => {
  const fromFile = (published: string) => ({
    ...makeReport({}, { year: 2022, published }),
    diagnostics: [{ code: "published-from-file" as const, severity: "info" as const, message: "", path: "meta.published" }],
  });

  it("warns when even the file was made after the deadline", () => {
    expect(checkLatePublication(fromFile("2023-02-10"), opts)).toEqual([expect.objectContaining({ severity: "warning", actual: "2023-02-10" })]);
  });

  it("cannot tell when the file was made in time (it may have been published later)", () => {
    const findings = checkLatePublication(fromFile("2023-01-10"), opts);
    expect(findings).toEqual([expect.objectContaining({ severity: "info", notCheckable: true, expected: "2023-01-31", actual: "2023-01-10" })]);
    expect(checkLatePublication(fromFile("2023-01-10"), { includeNotCheckable: false })).toEqual([]);
  });
});
