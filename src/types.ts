/**
 * Public types of xxgk-report. The names of the model (paths, layouts, rules)
 * follow the project's model contract and are stable API.
 *
 * @packageDocumentation
 */

/** How the text of a report was laid out (MODEL.md section 4). */
export type Layout =
  | "pipe-rows"
  | "pipe-cells"
  | "tab-rows"
  | "markdown"
  | "html"
  | "aligned-text"
  | "flat-text"
  | "glued-text"
  | "ocr";

/**
 * Every layout, in the order the detector reports them. `"ocr"` (text read from page
 * images by `xxgk-report/ocr`) is never detected in a text: it always scores 0.
 */
export const LAYOUTS: readonly Layout[] = [
  "pipe-rows",
  "pipe-cells",
  "tab-rows",
  "markdown",
  "html",
  "aligned-text",
  "flat-text",
  "glued-text",
  "ocr",
];

/** The State Council template a report follows. */
export type TemplateVersion = "2021" | "2019" | "legacy" | "unknown";

/** Severity of a diagnostic or a validation finding. */
export type Severity = "error" | "warning" | "info";

/** A span of the parsed text: 0-based UTF-16 offsets, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One cell of a raw table grid, with offsets into the input text. */
export interface Cell extends Span {
  /** The cell's text as written (inline markup removed for HTML). */
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Which table of the report a grid is. */
export type TableKind = "activeDisclosure" | "applications" | "appeals";

/** A raw table grid, before it is mapped onto the report model. */
export interface Table extends Span {
  kind: TableKind | null;
  layout: Layout;
  /** Rows of cells as the source wrote them (merged cells appear once, with their spans). */
  rows: Cell[][];
}

/** Codes of parse diagnostics: a closed union, stable across versions. */
export type DiagnosticCode =
  | "empty-input"
  | "binary-input"
  | "decoding"
  | "not-a-report"
  | "legacy-report"
  | "duplicate-body"
  | "blank-cell"
  | "missing-cell"
  | "extra-cell"
  | "unparsed-cell"
  | "unit-in-cell"
  | "missing-table"
  | "missing-row"
  | "missing-section"
  | "weak-label-match"
  | "template-mixed"
  | "ambiguous-cell"
  | "floating-cell"
  | "ambiguous-split"
  | "recovered-by-arithmetic"
  | "repaired-by-arithmetic"
  | "ocr-uncertain"
  | "overlapping-span"
  | "truncated"
  | "published-from-file"
  | "internal-error";

/** A note about the input collected while parsing. Parsing never throws on bad input. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** Human-readable message (Chinese and English). */
  message: string;
  /** The model path the diagnostic is about, when there is one. */
  path?: string;
  start?: number;
  end?: number;
  /** 1-based line of `start`. */
  line?: number;
  /** 1-based column of `start`, in UTF-16 code units. */
  column?: number;
  /** Other readings of the same cell(s), when the input was ambiguous. */
  alternatives?: Array<Record<string, number | null>>;
}

/** A narrative section of the report (一 … 六). */
export interface Section extends Span {
  number: 1 | 2 | 3 | 4 | 5 | 6;
  heading: string;
  text: string;
}

/** Where a value of the model was read from. */
export interface CellLocation extends Span {
  /** The raw text of the cell ("" for a blank cell). */
  text: string;
  /** For a report read by OCR: the 1-based page the cell stands on. */
  page?: number;
  /**
   * For a report read by OCR: where the cell's text stands on its page (for a PDF in
   * points, for a PNG/JPEG file in pixels; origin at the top-left corner, `y` downwards).
   */
  box?: { x0: number; y0: number; x1: number; y1: number };
}

/** Values of one row of table 3: the applicant columns, the optional 小计 and the total. */
export interface ApplicantCounts {
  naturalPerson: number | null;
  commercial: number | null;
  research: number | null;
  nonprofit: number | null;
  legalService: number | null;
  otherOrg: number | null;
  /** 法人或其他组织「小计」, a column some reports add after 其他; `null` where the report has none. Not one of the six applicant columns. */
  orgSubtotal: number | null;
  total: number | null;
}

/** 二、主动公开政府信息情况, 2021 template. */
export interface ActiveDisclosure2021 {
  rules: { issued: number | null; repealed: number | null; inForce: number | null };
  normativeDocuments: { issued: number | null; repealed: number | null; inForce: number | null };
  licensing: { decisions: number | null };
  punishment: { decisions: number | null };
  coercion: { decisions: number | null };
  fees: { amount: number | null };
}

type PreviousChangeDecisions = { previous: number | null; change: number | null; decisions: number | null };

/** 二、主动公开政府信息情况, 2019 template. */
export interface ActiveDisclosure2019 {
  rules: { made: number | null; published: number | null; total: number | null };
  normativeDocuments: { made: number | null; published: number | null; total: number | null };
  licensing: PreviousChangeDecisions;
  otherServices: PreviousChangeDecisions;
  punishment: PreviousChangeDecisions;
  coercion: PreviousChangeDecisions;
  fees: { previous: number | null; change: number | null };
  procurement: { items: number | null; amount: number | null };
}

/** 三、收到和处理政府信息公开申请情况. `otherHandling` has `all` (2019) or three rows (2021). */
export interface Applications {
  newReceived: ApplicantCounts;
  carriedOver: ApplicantCounts;
  granted: ApplicantCounts;
  partiallyGranted: ApplicantCounts;
  denied: {
    stateSecret: ApplicantCounts;
    prohibitedByLaw: ApplicantCounts;
    threeSecurities: ApplicantCounts;
    thirdPartyRights: ApplicantCounts;
    internalAffairs: ApplicantCounts;
    processInformation: ApplicantCounts;
    enforcementCaseFile: ApplicantCounts;
    administrativeQuery: ApplicantCounts;
  };
  unavailable: {
    notHeld: ApplicantCounts;
    requiresCreation: ApplicantCounts;
    unclearAfterCorrection: ApplicantCounts;
  };
  notProcessed: {
    petitionOrComplaint: ApplicantCounts;
    repeated: ApplicantCounts;
    publication: ApplicantCounts;
    excessive: ApplicantCounts;
    confirmation: ApplicantCounts;
  };
  otherHandling: {
    overdueCorrection?: ApplicantCounts;
    overdueFee?: ApplicantCounts;
    other?: ApplicantCounts;
    all?: ApplicantCounts;
  };
  total: ApplicantCounts;
  carriedForward: ApplicantCounts;
}

/** One row of table 4. */
export interface AppealCounts {
  upheld: number | null;
  corrected: number | null;
  other: number | null;
  pending: number | null;
  total: number | null;
}

/** 四、政府信息公开行政复议、行政诉讼情况. */
export interface Appeals {
  review: AppealCounts;
  litigationDirect: AppealCounts;
  litigationAfterReview: AppealCounts;
}

/**
 * The kind of organ that made the report (it sets the deadline of 条例第四十九条):
 * a people's government at county level or above, or its 办公厅/办公室 reporting for it
 * (`"government"`); a 乡、镇 or 街道 (`"township"`); any other organ (`"department"`).
 */
export type OrganType = "government" | "township" | "department";

/** Metadata of the report. */
export interface ReportMeta {
  title: string | null;
  organization: string | null;
  year: number | null;
  /**
   * The publication date as `YYYY-MM-DD`: from a 发布日期/发布时间 field of the web page, its
   * `<meta name="PubDate">`, a 成文日期 field, or the date under the closing signature; a PDF's or
   * DOCX's creation date only when the text has none (then a `published-from-file` diagnostic says
   * so). `null` when none is found. Its span is `locations["meta.published"]` when read from the text.
   */
  published: string | null;
  /** The kind of organ, from `organization`; `null` when the name does not tell. */
  organType: OrganType | null;
}

/** What the parser read, and how. */
export interface ReportSource {
  layout: Layout | null;
  /** Confidence of the layout detection, 0..1. */
  confidence: number;
  /** The encoding the bytes were decoded from (`"utf-16"` and friends, `"utf-8"`, `"gb18030"`), or `null` for a string. */
  encoding: string | null;
  /** Why that encoding was chosen: `"bom"`, `"meta"`, `"utf-8"`, `"fallback"`, or `null` for a string. */
  encodingReason: "bom" | "meta" | "utf-8" | "fallback" | "option" | null;
  /** The decoded text every offset points into. */
  text: string;
}

/** The parsed report: the model of MODEL.md section 3. */
export interface Report {
  template: TemplateVersion;
  meta: ReportMeta;
  /** Table 二; its shape follows `template` (`null` for legacy/unknown or when absent). */
  activeDisclosure: ActiveDisclosure2021 | ActiveDisclosure2019 | null;
  applications: Applications | null;
  appeals: Appeals | null;
  sections: Section[];
  source: ReportSource;
  /** For every model path that was read from a cell, where it was read (offsets into `source.text`). */
  locations: Record<string, CellLocation>;
  diagnostics: Diagnostic[];
}

/** Options of {@link parseReport}. */
export interface ParseOptions {
  /** Force a layout instead of detecting it. */
  layout?: Layout;
  /** Force an encoding label for bytes (e.g. `"gb18030"`). */
  encoding?: string;
}

/** A validation rule name (MODEL.md section 5). */
export type RuleName =
  | "balance"
  | "row-total"
  | "outcome-total"
  | "appeal-total"
  | "org-subtotal"
  | "negative"
  | "non-integer"
  | "missing-value"
  | "missing-table"
  | "missing-section"
  | "outdated-template"
  | "legacy-template"
  | "narrative-mismatch"
  | "carry-over"
  | "in-force"
  | "late-publication"
  | "repeated-text"
  | "year-over-year";

/** One validation finding, shaped like valibot's issues. */
export interface Finding {
  rule: RuleName;
  severity: Severity;
  /** Message in Chinese and English. */
  message: string;
  /** Every cell the rule read; the checked total first. */
  paths: string[];
  /** What the rule expected (e.g. the sum of the parts). */
  expected?: number | string | null;
  /** What the report has. */
  actual?: number | string | null;
  /** True when a rule could not be checked because an input is `null`. */
  notCheckable?: boolean;
  /**
   * `"uncertain"`: the rule fails, but a cell it read was read with a repair, a guessed
   * position, an extra or missing cell or an ambiguity, so the failure may be the parser's and
   * not the report's; such a finding is a `warning`, never an `error`, and `causes` names the
   * parser's diagnostics.
   */
  status?: "uncertain";
  /** For an uncertain finding: the diagnostics that question the cells it read. */
  causes?: Array<{ code: DiagnosticCode; path?: string }>;
  /** For series rules: the years (or report indexes) involved. */
  reports?: number[];
  start?: number;
  end?: number;
}

/** The result of {@link validateReport} and {@link validateSeries}. */
export interface Validation {
  /** `true` when there is no finding of severity `error`. */
  valid: boolean;
  findings: Finding[];
}

/** Options of {@link validateReport}. */
export interface ValidateOptions {
  /** Run only these rules. */
  rules?: RuleName[];
  /** Include `info` findings for rules that were not checkable (default true). */
  includeNotCheckable?: boolean;
}

/** Result of {@link detectLayout}. */
export interface LayoutDetection {
  layout: Layout;
  confidence: number;
  scores: Record<Layout, number>;
}
