import { describe, expect, it } from "vitest";
import { hasGlobMagic, matchesGlob, planGlob } from "../../src/cli/glob.js";

describe("planGlob", () => {
  it("walks from the segments before the first pattern", () => {
    expect(planGlob("reports/2023/*.html")).toMatchObject({ base: "reports/2023", maxDepth: 1 });
    expect(planGlob("*.txt")).toMatchObject({ base: ".", maxDepth: 1 });
    expect(planGlob("/data/**/*.md")).toMatchObject({ base: "/data", maxDepth: Infinity });
  });

  it("matches *, ?, [..], {a,b} within a segment and ** across segments", () => {
    const star = planGlob("r/*.txt");
    expect(matchesGlob(star, "a.txt")).toBe(true);
    expect(matchesGlob(star, "sub/a.txt")).toBe(false);
    expect(matchesGlob(star, "a.txt.bak")).toBe(false);
    const deep = planGlob("r/**/*.{htm,html}");
    expect(matchesGlob(deep, "a.html")).toBe(true);
    expect(matchesGlob(deep, "x/y/a.htm")).toBe(true);
    expect(matchesGlob(deep, "x/y/a.txt")).toBe(false);
    const chars = planGlob("seed-00[12]?.txt");
    expect(matchesGlob(chars, "seed-001x.txt")).toBe(true);
    expect(matchesGlob(chars, "seed-003x.txt")).toBe(false);
    const negated = planGlob("seed-00[!1].txt");
    expect(matchesGlob(negated, "seed-002.txt")).toBe(true);
    expect(matchesGlob(negated, "seed-001.txt")).toBe(false);
    expect(matchesGlob(planGlob("a+b(1).txt*"), "a+b(1).txt")).toBe(true);
  });

  it("tells patterns from plain paths", () => {
    expect(hasGlobMagic("a/*.txt")).toBe(true);
    expect(hasGlobMagic("a/b.txt")).toBe(false);
  });
});
