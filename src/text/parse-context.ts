/**
 * The state of one parse: what one step works out about the text (its lines, a layout's
 * scan) and a later step of the same parse reads again. `parseReport` makes one per call
 * and passes it down; nothing of it outlives the call, so one text parsed twice is worked
 * out twice, the same way.
 */

/** One kind of per-parse state: its name (for debugging) and how it is made from the text. */
export interface ContextSlot<V> {
  readonly name: string;
  readonly make: (text: string, context: ParseContext) => V;
}

/**
 * A kind of per-parse state, made once per parse on first use.
 *
 * @example
 * ```ts
 * const LINE_COUNT = contextSlot("line count", (text) => text.split("\n").length);
 * new ParseContext("a\nb").get(LINE_COUNT); //=> 2
 * ```
 */
export function contextSlot<V>(name: string, make: (text: string, context: ParseContext) => V): ContextSlot<V> {
  return { name, make };
}

/** The per-parse state of one text: each slot's value, made on first use and kept for this parse only. */
export class ParseContext {
  /** The text being parsed. */
  readonly text: string;
  private readonly values = new Map<ContextSlot<unknown>, unknown>();

  constructor(text: string) {
    this.text = text;
  }

  /** The slot's value for this text, made on the first call. */
  get<V>(slot: ContextSlot<V>): V {
    if (this.values.has(slot)) return this.values.get(slot) as V;
    const value = slot.make(this.text, this);
    this.values.set(slot, value);
    return value;
  }
}

/**
 * The context to use for `text`: the one given when it is of this text, else a new one (a
 * step called on its own, outside a parse, works everything out afresh).
 */
export function contextOf(text: string, context: ParseContext | undefined): ParseContext {
  return context !== undefined && context.text === text ? context : new ParseContext(text);
}
