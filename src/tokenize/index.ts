/**
 * The registry of layouts: one module per layout, each in its own file.
 */
import type { Layout } from "../types.js";
import type { LayoutModule } from "./types.js";
import { pipeRows } from "./pipe-rows.js";
import { pipeCells } from "./pipe-cells.js";
import { tabRows } from "./tab-rows.js";
import { markdown } from "./markdown.js";
import { alignedText } from "./aligned-text.js";
import { flatText } from "./flat-text.js";
import { html } from "./html.js";
import { gluedText } from "./glued-text.js";

export const LAYOUT_MODULES: readonly LayoutModule[] = [pipeRows, pipeCells, tabRows, markdown, html, alignedText, flatText, gluedText];

export function layoutModule(layout: Layout): LayoutModule | undefined {
  return LAYOUT_MODULES.find((m) => m.layout === layout);
}

export type { LayoutModule, TextBlock, Tokenized, Tokenizer } from "./types.js";
