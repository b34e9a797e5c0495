import { describe, expect, it } from "vitest";
import { organTypeOf } from "../../src/report/organ-type.js";

describe("organTypeOf", () => {
  it.each([
    ["上海市人民政府", "government"],
    ["上海市人民政府办公厅", "government"],
    ["某市人民政府办公室", "government"],
    ["淮安市人民政府", "government"],
    ["某县政府办公室", "government"],
    ["某省政府办公厅", "government"],
    ["测试市", "government"],
    ["某某县", "government"],
    ["某某自治州", "government"],
    ["某镇人民政府", "township"],
    ["某乡人民政府", "township"],
    ["某某民族乡人民政府", "township"],
    ["某镇人民政府办公室", "township"],
    ["某某街道办事处", "township"],
    ["某某街道", "township"],
    ["花桥镇", "township"],
    ["区经信局", "department"],
    ["卢氏县交通运输局", "department"],
    ["某市卫生健康委员会", "department"],
    ["某区发展和改革委", "department"],
    ["某县政务服务中心", "department"],
    ["某省教育厅", "department"],
    ["某市中级人民法院", "department"],
    ["某区医疗保障局（某区医保中心）", "department"],
    ["平潭综合实验区", null],
    ["某某经济技术开发区", null],
    ["某某", null],
    ["", null],
    [null, null],
  ])("%s → %s", (name, type) => {
    expect(organTypeOf(name)).toBe(type);
  });
});
