/**
 * Template recognition by structure, never by year.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flattenReport, parseReport, templatePaths } from "../../src/index.js";
import { corpusDir } from "../helpers/corpus.js";

const seed = (n: string) => readFileSync(join(corpusDir, `seed-${n}.txt`), "utf8");
const between = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to));

describe("template recognition", () => {
  it("reads the 2019 template of a 2021 report as 2019", () => {
    const report = parseReport(seed("004"));
    expect(report.template).toBe("2019");
    expect(report.meta.year).toBe(2021);
    expect(report.applications?.otherHandling.all?.total).toBe(0);
    expect(report.applications?.otherHandling.other).toBeUndefined();
    expect(report.diagnostics.some((d) => d.code === "template-mixed")).toBe(false);
  });

  it("does not use the year: a 2019-template table under a 2024 title is still 2019", () => {
    const text = `某县交通运输局2024年政府信息公开工作年度报告\n${seed("004")}`;
    const report = parseReport(text);
    expect(report.template).toBe("2019");
    expect(report.meta.year).toBe(2024);
  });

  it("says so when table 2 and table 3 follow different templates", () => {
    const s4 = seed("004");
    const table3of2021 = between(seed("001"), "三、收到和处理", "四、政府信息公开行政复议");
    const mixed = s4.replace(between(s4, "三、收到和处理", "四、政府信息公开行政复议"), table3of2021);
    const report = parseReport(mixed);
    expect(report.template).toBe("2019");
    const d = report.diagnostics.find((x) => x.code === "template-mixed");
    expect(d?.severity).toBe("warning");
  });
});

describe("templatePaths", () => {
  it("gives a copy: changing it changes nothing the library reads", () => {
    const text = readFileSync(join(corpusDir, "seed-001.txt"), "utf8");
    const original = templatePaths("2021");
    const paths = templatePaths("2021");
    const before = flattenReport(parseReport(text));
    paths.length = 0;
    paths.push("applications.total.total");
    expect(templatePaths("2021")).toEqual(original);
    expect(original).toHaveLength(225);
    expect(flattenReport(parseReport(text))).toEqual(before);
  });
});
