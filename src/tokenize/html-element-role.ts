/**
 * What an HTML element means to the reader of a report page: content to skip,
 * page chrome (navigation, headers, footers: no narrative, but tables inside are
 * still read), a line break, a block, a table, or inline markup.
 */
import type { HtmlElement } from "./html-tree.js";
import { boundedMemo } from "../text/bounded-memo.js";

/** How the reader treats an element. */
export type HtmlElementRole = "skip" | "head" | "title" | "break" | "block" | "table" | "inline";

/** Elements whose content is never report text (scripts, styles, form controls, embedded media, Word's XML islands). */
const SKIPPED = new Set([
  "script", "style", "template", "textarea", "select", "option", "optgroup", "button", "iframe", "object",
  "embed", "svg", "math", "canvas", "audio", "video", "map", "xml", "noembed", "noframes", "frameset",
  "meta", "link", "base", "input", "img",
]);

/** Elements that start a new block of narrative (and a line inside a cell). */
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
  "header", "hgroup", "hr", "html", "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section",
  "summary", "ul", "xmp", "tbody", "thead", "tfoot", "tr", "td", "th", "legend", "noscript", "plaintext",
]);

/** The role of an element. */
export function elementRole(el: HtmlElement): HtmlElementRole {
  const name = el.name;
  if (name === "br") return "break";
  if (name === "table") return "table";
  if (name === "title") return "title";
  if (name === "head") return "head";
  if (SKIPPED.has(name)) return "skip";
  if (BLOCKS.has(name)) return "block";
  return "inline";
}

/** A link to somewhere else (`<a href>` not pointing into the page): link-only blocks are navigation. */
export function isNavigationLink(el: HtmlElement): boolean {
  if (el.name !== "a") return false;
  const href = el.attrs.href;
  return href !== undefined && !href.trimStart().startsWith("#");
}

/**
 * `none`, `hidden` or `all` in any case, spaces allowed between the letters: a style
 * without any of them cannot hide its element (long Word styles are rejected at once).
 */
const HIDING_WORD = /n[\x00-\x20\s]*o[\x00-\x20\s]*n[\x00-\x20\s]*e|h[\x00-\x20\s]*i[\x00-\x20\s]*d[\x00-\x20\s]*d[\x00-\x20\s]*e[\x00-\x20\s]*n|a[\x00-\x20\s]*l[\x00-\x20\s]*l/i;

/** Hidden by its own attributes (`hidden`, `display:none`, `visibility:hidden`, Word's `mso-hide:all`). */
export function isHiddenElement(el: HtmlElement): boolean {
  if (el.attrs.hidden !== undefined) return true;
  const style = el.attrs.style;
  if (!style || !HIDING_WORD.test(style)) return false;
  const s = compactLower(style);
  return s.includes("display:none") || s.includes("visibility:hidden") || s.includes("mso-hide:all");
}

const CHROME_ELEMENTS = new Set(["nav", "aside", "menu", "noscript"]);
const CHROME_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary"]);
/** Words of class/id names that mark navigation, menus, footers, breadcrumbs and page widgets. */
const CHROME_WORDS = new Set([
  "nav", "navbar", "navigation", "subnav", "topnav", "mainnav", "menu", "menus", "submenu", "mainmenu", "topmenu",
  "footer", "foot", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "bread", "sitemap", "share", "qrcode",
  "copyright", "login", "search", "dqwz", "sidebar",
]);
/** Words that mark chrome only when no content word is beside them (`banner_header` is chrome, `article_header` is not). */
const WEAK_CHROME_WORDS = new Set(["header", "banner", "top", "topbar"]);
const CONTENT_WORDS = new Set(["article", "content", "detail", "title", "main", "text", "doc", "news", "info", "con", "zw", "xl", "wz"]);

/**
 * Page chrome: navigation, menus, headers and footers, breadcrumbs, hidden elements.
 * `inArticle` exempts `<header>`/`<footer>` of an `<article>`/`<main>` (the article's own title line).
 */
export function isChromeElement(el: HtmlElement, inArticle: boolean): boolean {
  const name = el.name;
  if (CHROME_ELEMENTS.has(name)) return true;
  if ((name === "header" || name === "footer") && !inArticle) return true;
  const role = el.attrs.role;
  if (role !== undefined && CHROME_ROLES.has(role.trim().toLowerCase())) return true;
  if (isHiddenElement(el)) return true;
  return hasChromeWord(el.attrs.class) || hasChromeWord(el.attrs.id);
}

/** True when a class or id attribute holds a chrome word (as a whole name or a part of one: `menu_bd`, `topNav`). */
export function hasChromeWord(value: string | undefined): boolean {
  if (!value) return false;
  return chromeCache.get(value, namesChromeWord);
}

/** Class and id values repeat on a page (`MsoNormal`): each is read once. */
const chromeCache = boundedMemo<boolean>(2_000, Infinity);

function namesChromeWord(value: string): boolean {
  for (const name of splitOnSpaces(value)) {
    const words = nameWords(name);
    if (words.some((w) => CHROME_WORDS.has(w))) return true;
    if (words.some((w) => WEAK_CHROME_WORDS.has(w)) && !words.some((w) => CONTENT_WORDS.has(w))) return true;
  }
  return false;
}

/** Words of class/id names that CMS editors give the article body (`TRS_Editor`, `Custom_UnionStyle`, `#zoom`, `zwnr`). */
const ARTICLE_BODY_WORDS = new Set(["trs", "editor", "ueditor", "union", "zoom", "zwnr"]);
const ARTICLE_WORDS = new Set(["article", "art", "detail", "news", "xl", "wz"]);
const BODY_WORDS = new Set(["content", "con", "body", "text", "txt", "main"]);

/**
 * The article body of a CMS page, by its class or id (`TRS_Editor`, `article_content`,
 * `#zoom`): what follows it on the page is no longer the article.
 */
export function isArticleBody(el: HtmlElement): boolean {
  for (const value of [el.attrs.class, el.attrs.id]) {
    if (!value) continue;
    for (const name of splitOnSpaces(value)) {
      const words = nameWords(name);
      if (words.some((w) => ARTICLE_BODY_WORDS.has(w))) return true;
      if (words.some((w) => ARTICLE_WORDS.has(w)) && words.some((w) => BODY_WORDS.has(w))) return true;
    }
  }
  return false;
}

function splitOnSpaces(value: string): string[] {
  const names: string[] = [];
  let from = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 32;
    if (c <= 32) {
      if (i > from) names.push(value.slice(from, i));
      from = i + 1;
    }
  }
  return names;
}

/** Split class/id names into lower-case words at spaces, `-`, `_`, digits and lower-to-upper case changes. */
export function nameWords(value: string): string[] {
  const words: string[] = [];
  let word = "";
  let prevLower = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    const c = value.charCodeAt(i);
    const isUpper = c >= 65 && c <= 90;
    const isLower = c >= 97 && c <= 122;
    if (!isUpper && !isLower) {
      if (word) words.push(word);
      word = "";
      prevLower = false;
      continue;
    }
    if (isUpper && prevLower && word) {
      words.push(word);
      word = "";
    }
    word += ch.toLowerCase();
    prevLower = isLower;
  }
  if (word) words.push(word);
  return words;
}

function compactLower(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32) out += c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i];
  }
  return out;
}
