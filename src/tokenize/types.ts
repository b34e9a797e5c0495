import type { Diagnostic, Layout, Span, Table } from "../types.js";
import type { ParseContext } from "../text/parse-context.js";

/** A piece of narrative text outside the tables, with offsets into the input. */
export interface TextBlock extends Span {
  /** The block's text (markup removed, entities decoded for HTML). */
  text: string;
}

/** What a tokenizer returns: the table grids and the narrative blocks, in document order. */
export interface Tokenized {
  layout: Layout;
  tables: Table[];
  blocks: TextBlock[];
  diagnostics: Diagnostic[];
  /** The document's own title, where the format has one apart from the body (HTML `<title>`). */
  documentTitle?: TextBlock;
}

/**
 * A tokenizer turns the whole input text into grids and narrative blocks. It never throws.
 * `context`, when given, is the state of the parse of this text (its lines, the scans the
 * detectors made): what was worked out there is read, not worked out again.
 */
export type Tokenizer = (text: string, context?: ParseContext) => Tokenized;

/** One layout's module: how strongly a text looks like it, and how to read it. */
export interface LayoutModule {
  layout: Layout;
  /**
   * A score in 0..1: how much of the text's table content this layout explains.
   * Cheap: it runs for every layout on every input. `context`, when given, is the state of
   * the parse of this text, shared by every detector and the chosen tokenizer.
   */
  detect(text: string, context?: ParseContext): number;
  tokenize: Tokenizer;
}
