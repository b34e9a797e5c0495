/// <reference lib="dom" />
/**
 * The built playground page (`site/dist/index.html`) in the system's headless Chromium,
 * driven by playwright-core: opened from file://, with every network request refused and
 * recorded.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { repoRoot } from "../helpers/corpus.js";

export const pagePath = join(repoRoot, "site/dist/index.html");
export const screenshotDir = join(repoRoot, "test-results/site");
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Requests that tried to leave the machine (anything but file:, data: and blob:). */
  network: string[];
  /** Uncaught errors of the page. */
  errors: string[];
  close(): Promise<void>;
}

/** Launch Chromium with a fresh profile and open the page, offline. */
export async function openPage(viewport = { width: 1280, height: 900 }): Promise<OpenPage> {
  if (!existsSync(pagePath)) throw new Error(`${pagePath} is missing: run \`npm run site\` first`);
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium`);
  const profile = mkdtempSync(join(tmpdir(), "xxgk-site-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: FLAGS,
    viewport,
    acceptDownloads: true,
    offline: true,
  });
  const network: string[] = [];
  const errors: string[] = [];
  context.on("request", (request) => {
    if (!/^(file|data|blob):/.test(request.url())) network.push(request.url());
  });
  await context.route(/^https?:/, (route) => route.abort());
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
  await page.goto(pathToFileURL(pagePath).href);
  mkdirSync(screenshotDir, { recursive: true });
  return {
    page,
    context,
    network,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Give the page files through its file picker and wait until the batch is parsed. */
export async function addFiles(page: Page, paths: readonly string[]): Promise<void> {
  await page.setInputFiles("#files", [...paths]);
  await waitIdle(page, paths.length);
}

/** Wait until the page has parsed `count` more files than before and is idle. */
export async function waitIdle(page: Page, total?: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const bar = document.getElementById("progress") as HTMLProgressElement;
      return document.body.dataset.busy === "false" && (n === null || bar.max === n) && bar.value === bar.max;
    },
    total ?? null,
    { timeout: 150_000 },
  );
}

/** The rendered value cells of the report shown: path → text. */
export async function renderedCells(page: Page): Promise<Record<string, string>> {
  const pairs = await page.$$eval("#tables td[data-path]", (cells) => cells.map((c) => [(c as HTMLElement).dataset.path!, c.textContent ?? ""]));
  return Object.fromEntries(pairs);
}

/** Open one file's report from the summary table. */
export async function openReport(page: Page, name: string): Promise<void> {
  await page.locator("#summary").getByRole("button", { name, exact: true }).click();
  await page.waitForFunction((n) => document.getElementById("one-heading")?.textContent === n, name);
}
