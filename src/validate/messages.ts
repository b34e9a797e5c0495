/**
 * Bilingual messages of validation findings: Chinese first, then English,
 * separated by " / ".
 */
import type { Equation } from "../template/equations.js";
import { SECTION_HEADINGS, type SectionNumber } from "../template/headings.js";
import { APPEAL_COLUMNS, APPEAL_ROWS, APPLICANT_COLUMNS_WITH_SUBTOTAL, APPLICATION_ROWS } from "../template/templates.js";
import type { RuleName } from "../types.js";

const TABLE_LABELS: Record<string, string> = {
  activeDisclosure: "二、主动公开政府信息情况",
  applications: "三、收到和处理政府信息公开申请情况",
  appeals: "四、政府信息公开行政复议、行政诉讼情况",
};

function join(zh: string, en: string): string {
  return `${zh} / ${en}`;
}

function show(value: number | null | undefined): string {
  return value === null || value === undefined ? "null" : String(value);
}

/** The printed label of a column of table 3 (`自然人`, `总计` …), or the key itself. */
export function applicantColumnLabel(key: string): string {
  return APPLICANT_COLUMNS_WITH_SUBTOTAL.find((c) => c.key === key)?.label ?? key;
}

/** The printed label of a row of table 3 (with its group label), or the path itself. */
export function applicationRowLabel(row: string): string {
  const spec = APPLICATION_ROWS.find((r) => r.path === row);
  if (!spec) return row;
  return spec.group && spec.group !== "三、本年度办理结果" ? `${spec.group}${spec.label}` : spec.label;
}

/** The printed label of a row of table 4 (`行政复议`, `行政诉讼·复议后起诉` …). */
export function appealRowLabel(row: string): string {
  const spec = APPEAL_ROWS.find((r) => r.path === row);
  if (!spec) return row;
  return spec.group ? `${spec.group}·${spec.label}` : spec.label;
}

/** The printed label of a column of table 4. */
export function appealColumnLabel(key: string): string {
  return APPEAL_COLUMNS.find((c) => c.key === key)?.label ?? key;
}

/** `balance`: newReceived + carriedOver ≠ total + carriedForward in one column. */
export function balanceMessage(column: string, expected: number, actual: number): string {
  return join(
    `第三项加第四项之和应等于第一项加第二项之和（${applicantColumnLabel(column)}：期望 ${expected}，实际 ${actual}）`,
    `balance: newReceived + carriedOver must equal total + carriedForward (${column}: expected ${expected}, got ${actual})`,
  );
}

/** `row-total`: a row's 总计 differs from the sum of its six applicant columns. */
export function rowTotalMessage(row: string, expected: number, actual: number): string {
  return join(
    `“${applicationRowLabel(row)}”的总计应等于各类申请人之和（期望 ${expected}，实际 ${actual}）`,
    `row-total: applications.${row}.total must equal the sum of the six applicant columns (expected ${expected}, got ${actual})`,
  );
}

/** `outcome-total`: (七)总计 differs from the sum of the outcome rows in one column. */
export function outcomeTotalMessage(column: string, expected: number, actual: number): string {
  return join(
    `（七）总计应等于各项办理结果之和（${applicantColumnLabel(column)}：期望 ${expected}，实际 ${actual}）`,
    `outcome-total: applications.total.${column} must equal the sum of the outcome rows (expected ${expected}, got ${actual})`,
  );
}

/** `org-subtotal`: a row's 小计 differs from the sum of its five organisation columns. */
export function orgSubtotalMessage(row: string, expected: number, actual: number): string {
  return join(
    `“${applicationRowLabel(row)}”的小计应等于法人或其他组织各列之和（期望 ${expected}，实际 ${actual}）`,
    `org-subtotal: applications.${row}.orgSubtotal must equal commercial + research + nonprofit + legalService + otherOrg (expected ${expected}, got ${actual})`,
  );
}

/** The message of a sum rule's finding, by its rule. */
export function sumMessage(eq: Equation, expected: number, actual: number): string {
  const row = eq.subject.slice(eq.subject.indexOf(".") + 1);
  switch (eq.rule) {
    case "balance":
      return balanceMessage(eq.subject, expected, actual);
    case "outcome-total":
      return outcomeTotalMessage(eq.subject, expected, actual);
    case "row-total":
      return rowTotalMessage(row, expected, actual);
    case "org-subtotal":
      return orgSubtotalMessage(row, expected, actual);
    case "appeal-total":
      return appealTotalMessage(row, expected, actual);
  }
}

/** `appeal-total`: a row of table 4 whose 总计 differs from its four results. */
export function appealTotalMessage(row: string, expected: number, actual: number): string {
  return join(
    `${appealRowLabel(row)}的总计应等于结果维持、结果纠正、其他结果、尚未审结之和（期望 ${expected}，实际 ${actual}）`,
    `appeal-total: appeals.${row}.total must equal upheld + corrected + other + pending (expected ${expected}, got ${actual})`,
  );
}

/** A failing rule whose cells the parser questioned: the rule's message, prefixed. */
export function uncertainMessage(message: string, codes: readonly string[]): string {
  const list = [...new Set(codes)].join(", ");
  const cut = message.indexOf(" / ");
  const zh = cut < 0 ? message : message.slice(0, cut);
  const en = cut < 0 ? message : message.slice(cut + 3);
  return join(`读取存疑（${list}），可能是解析而非报告的错误：${zh}`, `uncertain (read with ${list}), the failure may be the parser's and not the report's: ${en}`);
}

/** Any rule whose inputs contain a blank cell. */
export function notCheckableMessage(rule: RuleName, subject: string, nullPaths: readonly string[]): string {
  const list = nullPaths.join(", ");
  return join(
    `无法校验（${subject}）：以下单元格为空 ${list}`,
    `${rule}: not checkable (${subject}): blank or absent input ${list}`,
  );
}

/** `negative`: a count below zero. */
export function negativeMessage(path: string, value: number): string {
  return join(`数量不应为负数：${path} = ${value}`, `negative: ${path} is ${value}, a count cannot be negative`);
}

/** `non-integer`: a count that is not a whole number. */
export function nonIntegerMessage(path: string, value: number): string {
  return join(`数量应为整数：${path} = ${value}`, `non-integer: ${path} is ${value}, a count must be a whole number`);
}

/** Why a cell is null: blank in the report, absent from its table, or printed but not read unambiguously. */
export type MissingReason = "blank" | "absent" | "undecided";

/** `missing-value`: a null cell, and why it is null. */
export function missingValueMessage(path: string, reason: MissingReason = "blank", codes: readonly string[] = [], readings = 0): string {
  if (reason === "undecided") {
    const list = [...new Set(codes)].join(", ");
    const zhReadings = readings > 1 ? `，有 ${readings} 种候选读法` : "";
    const enReadings = readings > 1 ? `, ${readings} readings listed` : "";
    return join(
      `单元格未能确定（并非报告留空）：${path}，见诊断 ${list}${zhReadings}`,
      `missing-value: ${path} is printed but could not be read unambiguously (not left blank by the report): see diagnostic ${list}${enReadings}`,
    );
  }
  if (reason === "absent") return join(`表中没有该单元格：${path}`, `missing-value: ${path} has no cell in the table`);
  return join(`单元格为空：${path}`, `missing-value: ${path} is blank`);
}

/** `missing-table`: a table of the template is absent. */
export function missingTableMessage(table: string): string {
  return join(
    `缺少表格“${TABLE_LABELS[table] ?? table}”`,
    `missing-table: the table ${table} is absent or could not be read`,
  );
}

/** `missing-section`: a section heading of the template is absent. */
export function missingSectionMessage(section: number): string {
  return join(
    `缺少第${section}部分“${SECTION_HEADINGS[section as SectionNumber] ?? section}”`,
    `missing-section: no heading for section ${section}`,
  );
}

/** `outdated-template`: a 2021-or-later report in the 2019 template. */
export function outdatedTemplateMessage(year: number): string {
  return join(
    `${year}年度报告仍使用2019年版格式（国办公开办函〔2019〕60号），应使用2021年版格式（国办公开办函〔2021〕30号）`,
    `outdated-template: a report on ${year} uses the 2019 template instead of the 2021 template`,
  );
}

/** `legacy-template`: a pre-2019 report. */
export function legacyTemplateMessage(): string {
  return join(
    "2019年以前的旧版报告格式，表格未校验",
    "legacy-template: a pre-2019 report; its tables are not checked",
  );
}

/** `narrative-mismatch`: the narrative states a figure the table contradicts. */
export function narrativeMismatchMessage(
  statement: string,
  path: string,
  expected: number,
  actual: number | null,
): string {
  return join(
    `正文“${statement}”与表格不符（${path}：正文 ${expected}，表格 ${show(actual)}）`,
    `narrative-mismatch: the text says ${expected} but ${path} is ${show(actual)}`,
  );
}

/** `carry-over`: year N's 结转下年度 differs from year N+1's 上年结转. */
export function carryOverMessage(column: string, yearA: number, yearB: number, expected: number, actual: number): string {
  return join(
    `${yearB}年“上年结转”应等于${yearA}年“结转下年度继续办理”（${applicantColumnLabel(column)}：期望 ${expected}，实际 ${actual}）`,
    `carry-over: carriedOver.${column} of ${yearB} must equal carriedForward.${column} of ${yearA} (expected ${expected}, got ${actual})`,
  );
}

/** `in-force`: inForce(N) ≠ inForce(N−1) + issued(N) − repealed(N). */
export function inForceMessage(row: string, yearA: number, yearB: number, expected: number, actual: number): string {
  const zh = row === "rules" ? "规章" : "行政规范性文件";
  return join(
    `${yearB}年${zh}现行有效件数应等于${yearA}年现行有效件数加${yearB}年制发件数减废止件数（期望 ${expected}，实际 ${actual}）`,
    `in-force: ${row}.inForce of ${yearB} must equal inForce of ${yearA} + issued - repealed of ${yearB} (expected ${expected}, got ${actual})`,
  );
}

/** A rule that failed on a malformed report. */
export function ruleFailedMessage(rule: RuleName): string {
  return join(`规则 ${rule} 无法在此报告上运行`, `${rule}: could not run on this report (malformed input)`);
}

/** The organ kinds as the messages name them. */
const ORGAN_KINDS: Record<string, { zh: string; en: string }> = {
  government: { zh: "县级以上人民政府", en: "a people's government at county level or above" },
  department: { zh: "政府部门", en: "a department" },
};

/** `late-publication`: the report was published after the deadline of 条例第四十九条. */
export function latePublicationMessage(year: number, organType: string, published: string, deadline: string): string {
  const kind = ORGAN_KINDS[organType] ?? { zh: organType, en: organType };
  return join(
    `${year}年度报告发布于${published}，晚于《政府信息公开条例》第四十九条规定的${kind.zh}报告公布期限${deadline}`,
    `late-publication: the report on ${year} was published on ${published}, after the deadline of ${deadline} that article 49 of the Regulations sets for ${kind.en}`,
  );
}

/** `late-publication` with an input missing: the date, the year or the organ's kind. */
export function lateNotCheckableMessage(missing: readonly string[]): string {
  const zh: Record<string, string> = { "meta.published": "发布日期", "meta.year": "报告年度", "meta.organType": "机关类型" };
  return join(
    `无法核对发布时限：未能确定${missing.map((m) => zh[m] ?? m).join("、")}`,
    `late-publication: not checkable: ${missing.join(", ")} unknown`,
  );
}

/** `late-publication` when only the file's creation date is known, and it is within the deadline. */
export function fileDateNotCheckableMessage(created: string, deadline: string): string {
  return join(
    `无法核对发布时限：正文未写明发布日期，文件创建于${created}（期限${deadline}），实际发布日期不详`,
    `late-publication: not checkable: the text states no publication date; the file was created on ${created} (deadline ${deadline}), when it was published is not known`,
  );
}

function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** `repeated-text`: the share of year N's narrative sentences found in year N−1. */
export function repeatedTextMessage(yearA: number, yearB: number, repeated: number, total: number, share: number, over: boolean): string {
  const verdict = over
    ? { zh: "，超过50%，疑为沿用上年报告", en: ", above 50 %: the narrative looks copied from last year's report" }
    : { zh: "", en: "" };
  return join(
    `${yearB}年度报告正文${total}句中有${repeated}句与${yearA}年度报告相同（不计数字），占${percent(share)}${verdict.zh}`,
    `repeated-text: ${repeated} of the ${total} narrative sentences of ${yearB} (digits ignored) are in the report on ${yearA}: ${percent(share)}${verdict.en}`,
  );
}

/** `repeated-text` without sentences to compare. */
export function repeatedNotCheckableMessage(years: readonly number[]): string {
  return join(
    `无法核对重复率：${years.join("、")}年度报告没有可比较的正文句子`,
    `repeated-text: not checkable: no narrative sentences in the report on ${years.join(", ")}`,
  );
}

const HEADLINE_LABELS: Record<string, string> = {
  "applications.newReceived.total": "本年新收政府信息公开申请数量",
  "activeDisclosure.licensing.decisions": "行政许可处理决定数量",
  "activeDisclosure.punishment.decisions": "行政处罚处理决定数量",
};

/** `year-over-year`: a headline count grew over 5× or fell below a fifth of last year's. */
export function yearOverYearMessage(path: string, yearA: number, yearB: number, before: number, after: number): string {
  const label = HEADLINE_LABELS[path] ?? path;
  const grew = after > before;
  return join(
    `${label}由${yearA}年的${before}${grew ? "增至" : "降至"}${yearB}年的${after}，${grew ? "超过上年的5倍" : "不足上年的五分之一"}，请核实`,
    `year-over-year: ${path} went from ${before} (${yearA}) to ${after} (${yearB}), ${grew ? "more than 5 times as many" : "less than a fifth"}: worth a check`,
  );
}
