/**
 * Figures of table 2 that the narrative states (`本年度制发的规范性文件77件`,
 * `现行有效行政规范性文件393件`). Table 2 has no sum rule, so when its glued digits
 * can be cut several ways, a cut that agrees with the report's own words is
 * preferred. They are hints only: a figure no cut agrees with is ignored.
 */
import type { TableTemplate } from "../../template/templates.js";
import { toHalfWidth } from "../../text/cell-value.js";

interface HintPattern {
  path: string;
  pattern: RegExp;
}

const DOC = "(?:行政)?规范性文件";
const COUNT = "(?:共|合计|总计)?(\\d+)件";

function hint(path: string, source: string): HintPattern {
  return { path, pattern: new RegExp(source, "g") };
}

const PATTERNS: Record<TableTemplate, readonly HintPattern[]> = {
  "2021": [
    hint("activeDisclosure.normativeDocuments.issued", `(?:制发|出台|印发)了?的?${DOC}${COUNT}`),
    hint("activeDisclosure.normativeDocuments.repealed", `废止了?的?${DOC}${COUNT}`),
    hint("activeDisclosure.normativeDocuments.inForce", `现行有效的?${DOC}${COUNT}`),
    hint("activeDisclosure.rules.issued", `(?:制发|出台|印发)了?的?规章${COUNT}`),
    hint("activeDisclosure.rules.repealed", `废止了?的?规章${COUNT}`),
    hint("activeDisclosure.rules.inForce", `现行有效的?规章${COUNT}`),
  ],
  "2019": [
    hint("activeDisclosure.normativeDocuments.made", `(?:新)?制作了?的?${DOC}${COUNT}`),
    hint("activeDisclosure.rules.made", `(?:新)?制作了?的?规章${COUNT}`),
  ],
};

/** Stretches of the narrative around the words the patterns need (the rest cannot match: every pattern ends in 件). */
function windows(narrative: string): string[] {
  const out: string[] = [];
  for (const word of ["规范性文件", "规章"]) {
    for (let i = narrative.indexOf(word); i >= 0; i = narrative.indexOf(word, i + word.length)) {
      const window = narrative.slice(Math.max(0, i - 24), i + 40);
      if (window.includes("件")) out.push(toHalfWidth(window).replace(/\s+/g, ""));
    }
  }
  return out;
}

/** The table-2 figures stated by `narrative` (text outside the tables), by model path. */
export function narrativeHints(narrative: string, template: TableTemplate): Map<string, number[]> {
  const hints = new Map<string, number[]>();
  for (const text of windows(narrative)) {
    for (const { path, pattern } of PATTERNS[template]) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const value = Number(m[1]);
        const list = hints.get(path) ?? [];
        if (!list.includes(value)) list.push(value);
        hints.set(path, list);
      }
    }
  }
  return hints;
}
