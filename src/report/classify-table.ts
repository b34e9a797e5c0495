/**
 * Which report table a grid is, from the words in its cells.
 */
import type { Table, TableKind } from "../types.js";
import { labelKey } from "../template/normalize.js";

const CUES: Record<TableKind, readonly string[]> = {
  activeDisclosure: ["第二十条", "信息内容", "规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "本年制发", "现行有效", "政府集中采购", "处理决定数量"],
  applications: ["申请人情况", "自然人", "本年新收", "上年结转", "予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "结转下年度", "国家秘密", "重复申请"],
  appeals: ["行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "复议后起诉", "未经复议"],
};

/** Count the distinct cue words of each kind in the table's text. */
export function tableCueCounts(table: Table): Record<TableKind, number> {
  let text = "";
  for (const row of table.rows) for (const cell of row) text += labelKey(cell.text);
  const counts = { activeDisclosure: 0, applications: 0, appeals: 0 } as Record<TableKind, number>;
  for (const kind of Object.keys(CUES) as TableKind[]) {
    for (const cue of CUES[kind]) if (text.includes(cue)) counts[kind]++;
  }
  return counts;
}

/** The kind a table's cells speak of most, or null when they name none (or two equally). */
export function classifyTable(table: Table): TableKind | null {
  const counts = tableCueCounts(table);
  let best: TableKind | null = null;
  let bestCount = 0;
  let tie = false;
  for (const kind of Object.keys(counts) as TableKind[]) {
    const c = counts[kind];
    if (c > bestCount) {
      best = kind;
      bestCount = c;
      tie = false;
    } else if (c === bestCount && c > 0) tie = true;
  }
  return tie ? null : best;
}
