import { describe, expect, it } from "vitest";
import { subtotalInHeader } from "../../../src/tokenize/glued/glued-rows.js";

describe("subtotalInHeader", () => {
  const header = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他小 计";
  const text = `三、收到和处理政府信息公开申请情况${header}一、本年新收政府信息公开申请数量`;
  const span = { start: text.indexOf(header), end: text.indexOf(header) + header.length };

  it("finds the 小计 of table 三's header, spaces inside allowed", () => {
    const found = subtotalInHeader(text, span);
    expect(found).not.toBeNull();
    expect(text.slice(found!.start, found!.end)).toBe("小 计");
  });

  it("is null for a header without 小计, and without a header", () => {
    const plain = { start: span.start, end: span.end - 3 };
    expect(text.slice(plain.start, plain.end).endsWith("其他")).toBe(true);
    expect(subtotalInHeader(text, plain)).toBeNull();
    expect(subtotalInHeader(text, null)).toBeNull();
  });
});
