/**
 * The kind of organ a report is from, told by its name: a people's government at county
 * level or above (or its general office reporting for it), a township (乡、镇、街道), or a
 * department. The kind decides the deadline of 条例第四十九条.
 */
import type { OrganType } from "../types.js";

/** Administrative areas at county level and above, as a name ends: 省、自治区、市、自治州、州、盟、地区、县、自治县、旗、区. */
const COUNTY_OR_ABOVE = "(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区)";
/** Zones run by a management committee, not by a people's government: the name does not tell. */
const ZONE = /(?:开发区|实验区|示范区|新区|园区|高新区|保税区|合作区|功能区|试验区|管理区|旅游区|风景区|林区|矿区|垦区)$/u;
/** Townships: 乡、民族乡、镇、苏木、街道 (and the offices that run them). */
const TOWNSHIP = /(?:乡|镇|苏木|街道|街道办事处|街道办|街道工委)$/u;
/** A township's government or its office: `某镇人民政府`, `某乡人民政府办公室`, `某镇政府`. */
const TOWNSHIP_GOVERNMENT = /(?:乡|镇|苏木)(?:人民)?政府(?:办公室|办公厅|党政办公室|党政办)?$/u;
/** A government (or its 办公厅/办公室, which reports for it): `某市人民政府`, `某县人民政府办公室`, `某省政府办公厅`. */
const GOVERNMENT = new RegExp(`(?:人民政府|${COUNTY_OR_ABOVE}政府)(?:办公厅|办公室)?$`, "u");
/** Departments and other organs: 局、委员会、委、办、中心、厅、院、署、会、部、处、所、站、队、馆、社 …. */
const DEPARTMENT = /(?:局|委员会|委|办公室|办公厅|办|中心|厅|院|署|会|部|处|所|站|队|馆|社|行|台|监狱|支队|大队|分局|管委会|管理委员会)$/u;
/** An administrative area's own name: the report of the area is its government's. */
const AREA = new RegExp(`^[\\u4e00-\\u9fa5]{1,20}?${COUNTY_OR_ABOVE}$`, "u");

/**
 * `"government"`, `"township"`, `"department"` or `null` from an organ's name:
 *
 * - `某镇人民政府`, `某乡人民政府办公室`, `某街道办事处`, `某镇` → `"township"` (checked first:
 *   a 镇人民政府 is a township's government, not a 县级以上 one);
 * - `某市人民政府`, `某县人民政府办公室`, `某省政府办公厅`, and an area's bare name (`某市`, `某县`,
 *   `某区`, not a 开发区/新区/实验区 …) → `"government"`;
 * - a name ending in 局、委员会、委、办、中心、厅、院、署、会 … → `"department"`;
 * - anything else (and `null`) → `null`.
 */
export function organTypeOf(name: string | null | undefined): OrganType | null {
  if (typeof name !== "string") return null;
  const organ = name.replace(/\s+/g, "").replace(/[（(][^）)]*[）)]$/u, "");
  if (organ.length < 2) return null;
  if (TOWNSHIP_GOVERNMENT.test(organ) || TOWNSHIP.test(organ)) return "township";
  if (GOVERNMENT.test(organ)) return "government";
  if (DEPARTMENT.test(organ)) return "department";
  if (ZONE.test(organ)) return null;
  if (AREA.test(organ)) return "government";
  return null;
}
