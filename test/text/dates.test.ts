import { describe, expect, it } from "vitest";
import { dateAtStart, fileTimestampDate, findDates, hanNumber, isoDate, parseDate } from "../../src/text/dates.js";

describe("parseDate", () => {
  it.each([
    ["2025年1月20日", "2025-01-20"],
    ["2025 年 1 月 20 日", "2025-01-20"],
    ["２０２５年１月２０日", "2025-01-20"],
    ["二〇二五年一月二十日", "2025-01-20"],
    ["二零二五年一月二十日", "2025-01-20"],
    ["二○二四年十二月三十一日", "2024-12-31"],
    ["二〇二四年十月一日", "2024-10-01"],
    ["二〇二四年二月二十九日", "2024-02-29"],
    ["二〇二二年三月二十一日", "2022-03-21"],
    ["2025-01-20", "2025-01-20"],
    ["2025/1/20", "2025-01-20"],
    ["2025.1.5", "2025-01-05"],
    ["发布时间: 2020-01-20 15:22", "2020-01-20"],
  ])("%s → %s", (text, date) => {
    expect(parseDate(text)).toBe(date);
  });

  it.each([
    ["2025年2月29日"],
    ["二〇二五年二月二十九日"],
    ["2025年13月1日"],
    ["2025-04-31"],
    ["2025-1/20"],
    ["12025-01-200"],
    ["二〇二五年十十月一日"],
    ["2025年1月"],
    [""],
  ])("%s is no date", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it("gives null for a non-string", () => {
    expect(parseDate(5 as unknown as string)).toBeNull();
  });
});

describe("date helpers", () => {
  it("reads Chinese numbers from 一 to 三十一", () => {
    expect(["一", "九", "十", "十二", "二十", "二十一", "三十一"].map(hanNumber)).toEqual([1, 9, 10, 12, 20, 21, 31]);
    expect(["", "十十", "二二", "百"].map(hanNumber)).toEqual([null, null, null, null]);
  });

  it("checks the calendar, leap years included", () => {
    expect(isoDate(2000, 2, 29)).toBe("2000-02-29");
    expect(isoDate(1900, 2, 29)).toBeNull();
    expect(isoDate(2024, 0, 1)).toBeNull();
  });

  it("finds every date with its span, and a date at the start", () => {
    const text = "成文日期：2025年1月20日，发布日期：二〇二五年一月二十二日";
    const found = findDates(text);
    expect(found.map((d) => d.date)).toEqual(["2025-01-20", "2025-01-22"]);
    expect(found.map((d) => text.slice(d.start, d.end))).toEqual(["2025年1月20日", "二〇二五年一月二十二日"]);
    expect(dateAtStart("  2024-03-08 15:34")).toEqual({ date: "2024-03-08", start: 2, end: 12 });
    expect(dateAtStart("见 2024-03-08")).toBeNull();
  });
});

describe("fileTimestampDate", () => {
  it("reads PDF dates and W3C date-times, zoned ones as the day in China (UTC+8)", () => {
    expect(fileTimestampDate("D:20250120093000+08'00'")).toBe("2025-01-20");
    expect(fileTimestampDate("D:20250120203000Z")).toBe("2025-01-21");
    expect(fileTimestampDate("D:20250120233000-05'00'")).toBe("2025-01-21");
    expect(fileTimestampDate("D:20250120")).toBe("2025-01-20");
    expect(fileTimestampDate("2025-01-20T01:30:00Z")).toBe("2025-01-20");
    expect(fileTimestampDate("2025-01-20T20:30:00.123Z")).toBe("2025-01-21");
    expect(fileTimestampDate("2025-01-20")).toBe("2025-01-20");
  });

  it("gives null for what is not a timestamp or not a real day", () => {
    expect(["2025-02-30T00:00:00Z", "D:2025", "junk", ""].map(fileTimestampDate)).toEqual([null, null, null, null]);
    expect(fileTimestampDate(null as unknown as string)).toBeNull();
  });
});
