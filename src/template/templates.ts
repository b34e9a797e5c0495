/**
 * The State Council templates as data: every table row and column of both
 * templates with its model path and its printed label (MODEL.md section 3).
 * Everything else (label matching, the glue segmenter, validation, CSV
 * columns) is derived from these lists.
 */
import type { TableKind, TemplateVersion } from "../types.js";
import { boundedMemo } from "../text/bounded-memo.js";

/** A template that has tables. */
export type TableTemplate = "2021" | "2019";

export interface ColumnSpec {
  key: string;
  label: string;
}

export interface RowSpec {
  /** Path of the row inside its table, e.g. `denied.stateSecret`. */
  path: string;
  /** The row label as printed in the template (without the group label). */
  label: string;
  /** The group label of a merged cell the row sits in, e.g. `(三)不予公开`. */
  group?: string;
  /** Templates that have this row. */
  templates: readonly TableTemplate[];
  /** Column keys of this row (table 2 rows differ; tables 3 and 4 share their columns). */
  columns: readonly ColumnSpec[];
}

export const APPLICANT_COLUMNS: readonly ColumnSpec[] = [
  { key: "naturalPerson", label: "自然人" },
  { key: "commercial", label: "商业企业" },
  { key: "research", label: "科研机构" },
  { key: "nonprofit", label: "社会公益组织" },
  { key: "legalService", label: "法律服务机构" },
  { key: "otherOrg", label: "其他" },
  { key: "total", label: "总计" },
];

/**
 * 法人或其他组织「小计」: a local column some reports print after 其他. It is a model
 * column of every row of table 三 (`null` where the report has none) but not one of the
 * template's printed columns: rows are read with it only where a table's header shows it.
 */
export const ORG_SUBTOTAL_COLUMN: ColumnSpec = { key: "orgSubtotal", label: "小计" };

/** The columns of a table 三 that prints 小计: the applicant columns with 小计 before 总计. */
export const APPLICANT_COLUMNS_WITH_SUBTOTAL: readonly ColumnSpec[] = [
  ...APPLICANT_COLUMNS.slice(0, -1),
  ORG_SUBTOTAL_COLUMN,
  APPLICANT_COLUMNS[APPLICANT_COLUMNS.length - 1]!,
];

export const APPEAL_COLUMNS: readonly ColumnSpec[] = [
  { key: "upheld", label: "结果维持" },
  { key: "corrected", label: "结果纠正" },
  { key: "other", label: "其他结果" },
  { key: "pending", label: "尚未审结" },
  { key: "total", label: "总计" },
];

const BOTH: readonly TableTemplate[] = ["2021", "2019"];
const ONLY_2021: readonly TableTemplate[] = ["2021"];
const ONLY_2019: readonly TableTemplate[] = ["2019"];

function appRow(path: string, label: string, group?: string, templates = BOTH): RowSpec {
  return group === undefined
    ? { path, label, templates, columns: APPLICANT_COLUMNS }
    : { path, label, group, templates, columns: APPLICANT_COLUMNS };
}

/** Rows of table 3 in table order. */
export const APPLICATION_ROWS: readonly RowSpec[] = [
  appRow("newReceived", "一、本年新收政府信息公开申请数量"),
  appRow("carriedOver", "二、上年结转政府信息公开申请数量"),
  appRow("granted", "(一)予以公开", "三、本年度办理结果"),
  appRow("partiallyGranted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "三、本年度办理结果"),
  appRow("denied.stateSecret", "1.属于国家秘密", "(三)不予公开"),
  appRow("denied.prohibitedByLaw", "2.其他法律行政法规禁止公开", "(三)不予公开"),
  appRow("denied.threeSecurities", "3.危及“三安全一稳定”", "(三)不予公开"),
  appRow("denied.thirdPartyRights", "4.保护第三方合法权益", "(三)不予公开"),
  appRow("denied.internalAffairs", "5.属于三类内部事务信息", "(三)不予公开"),
  appRow("denied.processInformation", "6.属于四类过程性信息", "(三)不予公开"),
  appRow("denied.enforcementCaseFile", "7.属于行政执法案卷", "(三)不予公开"),
  appRow("denied.administrativeQuery", "8.属于行政查询事项", "(三)不予公开"),
  appRow("unavailable.notHeld", "1.本机关不掌握相关政府信息", "(四)无法提供"),
  appRow("unavailable.requiresCreation", "2.没有现成信息需要另行制作", "(四)无法提供"),
  appRow("unavailable.unclearAfterCorrection", "3.补正后申请内容仍不明确", "(四)无法提供"),
  appRow("notProcessed.petitionOrComplaint", "1.信访举报投诉类申请", "(五)不予处理"),
  appRow("notProcessed.repeated", "2.重复申请", "(五)不予处理"),
  appRow("notProcessed.publication", "3.要求提供公开出版物", "(五)不予处理"),
  appRow("notProcessed.excessive", "4.无正当理由大量反复申请", "(五)不予处理"),
  appRow("notProcessed.confirmation", "5.要求行政机关确认或重新出具已获取信息", "(五)不予处理"),
  appRow(
    "otherHandling.overdueCorrection",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "(六)其他处理",
    ONLY_2021,
  ),
  appRow(
    "otherHandling.overdueFee",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "(六)其他处理",
    ONLY_2021,
  ),
  appRow("otherHandling.other", "3.其他", "(六)其他处理", ONLY_2021),
  appRow("otherHandling.all", "(六)其他处理", "三、本年度办理结果", ONLY_2019),
  appRow("total", "(七)总计", "三、本年度办理结果"),
  appRow("carriedForward", "四、结转下年度继续办理"),
];

/** Rows of table 4 in table order (its values are usually one line of 15 numbers). */
export const APPEAL_ROWS: readonly RowSpec[] = [
  { path: "review", label: "行政复议", templates: BOTH, columns: APPEAL_COLUMNS },
  { path: "litigationDirect", label: "未经复议直接起诉", group: "行政诉讼", templates: BOTH, columns: APPEAL_COLUMNS },
  { path: "litigationAfterReview", label: "复议后起诉", group: "行政诉讼", templates: BOTH, columns: APPEAL_COLUMNS },
];

const ISSUED: readonly ColumnSpec[] = [
  { key: "issued", label: "本年制发件数" },
  { key: "repealed", label: "本年废止件数" },
  { key: "inForce", label: "现行有效件数" },
];
const DECISIONS_2021: readonly ColumnSpec[] = [{ key: "decisions", label: "本年处理决定数量" }];
const MADE: readonly ColumnSpec[] = [
  { key: "made", label: "本年新制作数量" },
  { key: "published", label: "本年新公开数量" },
  { key: "total", label: "对外公开总数量" },
];
const PREVIOUS: readonly ColumnSpec[] = [
  { key: "previous", label: "上一年项目数量" },
  { key: "change", label: "本年增/减" },
  { key: "decisions", label: "处理决定数量" },
];

/** Rows of table 2, both templates, in table order. */
export const ACTIVE_ROWS: readonly RowSpec[] = [
  { path: "rules", label: "规章", group: "第二十条第(一)项", templates: ONLY_2021, columns: ISSUED },
  { path: "normativeDocuments", label: "行政规范性文件", group: "第二十条第(一)项", templates: ONLY_2021, columns: ISSUED },
  { path: "licensing", label: "行政许可", group: "第二十条第(五)项", templates: ONLY_2021, columns: DECISIONS_2021 },
  { path: "punishment", label: "行政处罚", group: "第二十条第(六)项", templates: ONLY_2021, columns: DECISIONS_2021 },
  { path: "coercion", label: "行政强制", group: "第二十条第(六)项", templates: ONLY_2021, columns: DECISIONS_2021 },
  {
    path: "fees",
    label: "行政事业性收费",
    group: "第二十条第(八)项",
    templates: ONLY_2021,
    columns: [{ key: "amount", label: "本年收费金额(单位:万元)" }],
  },
  { path: "rules", label: "规章", group: "第二十条第(一)项", templates: ONLY_2019, columns: MADE },
  { path: "normativeDocuments", label: "规范性文件", group: "第二十条第(一)项", templates: ONLY_2019, columns: MADE },
  { path: "licensing", label: "行政许可", group: "第二十条第(五)项", templates: ONLY_2019, columns: PREVIOUS },
  { path: "otherServices", label: "其他对外管理服务事项", group: "第二十条第(五)项", templates: ONLY_2019, columns: PREVIOUS },
  { path: "punishment", label: "行政处罚", group: "第二十条第(六)项", templates: ONLY_2019, columns: PREVIOUS },
  { path: "coercion", label: "行政强制", group: "第二十条第(六)项", templates: ONLY_2019, columns: PREVIOUS },
  {
    path: "fees",
    label: "行政事业性收费",
    group: "第二十条第(八)项",
    templates: ONLY_2019,
    columns: [
      { key: "previous", label: "上一年项目数量" },
      { key: "change", label: "本年增/减" },
    ],
  },
  {
    path: "procurement",
    label: "政府集中采购",
    group: "第二十条第(九)项",
    templates: ONLY_2019,
    columns: [
      { key: "items", label: "采购项目数量" },
      { key: "amount", label: "采购总金额" },
    ],
  },
];

/** The row specs of one table in one template, in table order. */
export function rowsOf(kind: TableKind, template: TableTemplate): readonly RowSpec[] {
  return rowsCache.get(`${kind}/${template}`, tableRows);
}

/** Each table's rows per template, by `kind/template`. */
const rowsCache = boundedMemo<readonly RowSpec[]>(16);

function tableRows(key: string): readonly RowSpec[] {
  const [kind, template] = key.split("/") as [TableKind, TableTemplate];
  const all = kind === "activeDisclosure" ? ACTIVE_ROWS : kind === "applications" ? APPLICATION_ROWS : APPEAL_ROWS;
  return all.filter((r) => r.templates.includes(template));
}

export const TABLE_KINDS: readonly TableKind[] = ["activeDisclosure", "applications", "appeals"];

/** Paths of values that are money (decimals allowed). */
export function isMoneyPath(path: string): boolean {
  return path === "activeDisclosure.fees.amount" || path === "activeDisclosure.procurement.amount";
}

/** Paths of values that may be negative (`本年增/减`). */
export function isSignedPath(path: string): boolean {
  return path.endsWith(".change");
}

/** Each template's value paths. */
const pathCache = boundedMemo<readonly string[]>(4);

/**
 * Every value path of a template, in table order (`[]` for legacy/unknown); table 三's rows
 * include `orgSubtotal` after `otherOrg`. A new array each call.
 */
export function templatePaths(template: TemplateVersion): string[] {
  return [...templatePathList(template)];
}

/** {@link templatePaths} without the copy: the one list kept per template, for the library's own loops. */
export function templatePathList(template: TemplateVersion): readonly string[] {
  if (template !== "2021" && template !== "2019") return [];
  return pathCache.get(template, valuePaths);
}

function valuePaths(template: string): readonly string[] {
  const list: string[] = [];
  for (const kind of TABLE_KINDS) {
    for (const row of rowsOf(kind, template as TableTemplate)) {
      const columns = kind === "applications" ? APPLICANT_COLUMNS_WITH_SUBTOTAL : row.columns;
      for (const col of columns) list.push(`${kind}.${row.path}.${col.key}`);
    }
  }
  return Object.freeze(list);
}

/** Every value path of either template, deduplicated, in table order (for stable CSV columns). */
export function allTemplatePaths(): string[] {
  return [...new Set([...templatePathList("2021"), ...templatePathList("2019")])];
}
