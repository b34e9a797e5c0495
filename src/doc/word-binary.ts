/**
 * The text of a Word 97–2003 document (the `WordDocument` and table streams of a .doc
 * file) as paragraphs, with the table structure Word records for each paragraph: in a
 * table or not, the end of a cell, the end of a row.
 *
 * What is read ([MS-DOC]): the FIB (which table stream, the length of the main text,
 * where the piece table and the paragraph properties are), the piece table (the text,
 * in 8-bit or UTF-16 pieces), and the paragraph properties (PAPX in 512-byte FKP
 * pages) for `sprmPFInTable` and `sprmPFTtp` — a cell ends with the mark 0x07, and the
 * paragraph holding only the mark 0x07 with `sprmPFTtp` set ends a row (a paragraph
 * with too many properties for its FKP keeps them in the Data stream). Fields keep
 * their result, not their code. Footnotes, headers and text boxes are not read.
 */

/** A paragraph of the main text, or a cell end, or a row end. */
export interface WordParagraph {
  text: string;
  /** How it ends: a paragraph mark, the end of a table cell, or the end of a table row. */
  end: "paragraph" | "cell" | "row";
  inTable: boolean;
}

/** Why a stream could not be read. */
export class WordFormatError extends Error {}

const CP1252: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š",
  0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
  0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

const SPRM_IN_TABLE = 0x2416;
const SPRM_TTP = 0x2417;
const SPRM_INNER_TTP = 0x244c;
const SPRM_DEF_TABLE = 0xd608;
/** The paragraph's properties are too many for the FKP: they are in the Data stream, at the operand. */
const SPRM_HUGE_PAPX = 0x6646;

class Reader {
  constructor(private readonly bytes: Uint8Array) {}
  get length(): number {
    return this.bytes.length;
  }
  u8(at: number): number {
    if (at < 0 || at >= this.bytes.length) throw new WordFormatError(`read past the end of a stream (${at})`);
    return this.bytes[at]!;
  }
  u16(at: number): number {
    return this.u8(at) | (this.u8(at + 1) << 8);
  }
  u32(at: number): number {
    return (this.u16(at) | (this.u16(at + 2) << 16)) >>> 0;
  }
}

/** Where things are, from the FIB. */
interface Fib {
  tableStream: "0Table" | "1Table";
  ccpText: number;
  fcClx: number;
  lcbClx: number;
  fcPlcfBtePapx: number;
  lcbPlcfBtePapx: number;
}

/** Read the FIB at the start of the WordDocument stream. */
export function readFib(doc: Uint8Array): Fib {
  const r = new Reader(doc);
  if (r.u16(0) !== 0xa5ec) throw new WordFormatError("not a Word document (wIdent)");
  const flags = r.u16(0x0a);
  if (flags & 0x0100) throw new WordFormatError("the document is encrypted");
  let at = 32;
  const csw = r.u16(at);
  at += 2 + csw * 2;
  const cslw = r.u16(at);
  at += 2;
  const rgLw = at;
  at += cslw * 4;
  at += 2; // cbRgFcLcb
  const pair = (index: number) => [r.u32(at + index * 8), r.u32(at + index * 8 + 4)] as const;
  const [fcClx, lcbClx] = pair(33);
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(13);
  return { tableStream: flags & 0x0200 ? "1Table" : "0Table", ccpText: r.u32(rgLw + 12), fcClx, lcbClx, fcPlcfBtePapx, lcbPlcfBtePapx };
}

/** A piece of the text: CPs [cpStart, cpEnd) stored from file offset `fc`, 1 or 2 bytes a character. */
interface Piece {
  cpStart: number;
  cpEnd: number;
  fc: number;
  compressed: boolean;
}

/** The piece table (the Pcdt of the Clx). */
function readPieces(table: Uint8Array, fib: Fib): Piece[] {
  const r = new Reader(table);
  let at = fib.fcClx;
  const end = fib.fcClx + fib.lcbClx;
  while (at < end && r.u8(at) === 0x01) at += 3 + r.u16(at + 1);
  if (r.u8(at) !== 0x02) throw new WordFormatError("no piece table");
  const lcb = r.u32(at + 1);
  const plc = at + 5;
  const n = (lcb - 4) / 12;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const raw = r.u32(plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    const fc = raw & 0x3fffffff;
    pieces.push({ cpStart: r.u32(plc + i * 4), cpEnd: r.u32(plc + (i + 1) * 4), fc: compressed ? fc / 2 : fc, compressed });
  }
  return pieces;
}

/** Paragraph properties that matter here, for a run of file offsets. */
interface ParagraphRun {
  fcStart: number;
  fcEnd: number;
  inTable: boolean;
  ttp: boolean;
}

/** Length of a sprm's operand at `at`, from its spra (and the two sprms of variable size). */
function operandLength(r: Reader, sprm: number, at: number): number {
  if (sprm === SPRM_DEF_TABLE) return r.u16(at) + 1;
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
    default:
      return r.u8(at) + 1;
  }
}

interface TableFlags {
  inTable: boolean;
  ttp: boolean;
}

/** The table flags of a run of sprms; those of a huge PAPX are read from the Data stream. */
function tableFlags(r: Reader, from: number, to: number, data: Reader | null, flags: TableFlags = { inTable: false, ttp: false }): TableFlags {
  let at = from;
  while (at + 2 <= to) {
    const sprm = r.u16(at);
    at += 2;
    if (sprm === SPRM_IN_TABLE) flags.inTable = r.u8(at) !== 0;
    else if (sprm === SPRM_TTP || sprm === SPRM_INNER_TTP) flags.ttp = r.u8(at) !== 0;
    else if (sprm === SPRM_HUGE_PAPX && data) {
      const offset = r.u32(at);
      tableFlags(data, offset + 2, offset + 2 + data.u16(offset), null, flags);
    }
    at += operandLength(r, sprm, at);
  }
  return flags;
}

/** Every paragraph run of the PAPX FKPs. */
function readParagraphRuns(doc: Uint8Array, table: Uint8Array, data: Uint8Array | undefined, fib: Fib): ParagraphRun[] {
  const t = new Reader(table);
  const dataReader = data ? new Reader(data) : null;
  const n = (fib.lcbPlcfBtePapx - 4) / 8;
  const runs: ParagraphRun[] = [];
  for (let i = 0; i < n; i++) {
    const pn = t.u32(fib.fcPlcfBtePapx + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = new Reader(doc.subarray(pn * 512, pn * 512 + 512));
    const crun = page.u8(511);
    for (let k = 0; k < crun; k++) {
      const bOffset = page.u8((crun + 1) * 4 + k * 13);
      let flags = { inTable: false, ttp: false };
      if (bOffset !== 0) {
        const o = bOffset * 2;
        const cb = page.u8(o);
        const from = cb === 0 ? o + 2 : o + 1;
        const size = cb === 0 ? 2 * page.u8(o + 1) : 2 * cb - 1;
        flags = tableFlags(page, from + 2, Math.min(from + size, 511), dataReader); // after the istd
      }
      runs.push({ fcStart: page.u32(k * 4), fcEnd: page.u32((k + 1) * 4), ...flags });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

function runAt(runs: readonly ParagraphRun[], fc: number): ParagraphRun | null {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (fc < run.fcStart) hi = mid - 1;
    else if (fc >= run.fcEnd) lo = mid + 1;
    else return run;
  }
  return null;
}

/** Characters of the main text with their file offsets. */
function* characters(doc: Uint8Array, pieces: readonly Piece[], ccpText: number): Generator<{ ch: number; fc: number; compressed: boolean }> {
  const r = new Reader(doc);
  for (const piece of pieces) {
    const end = Math.min(piece.cpEnd, ccpText);
    for (let cp = piece.cpStart; cp < end; cp++) {
      const k = cp - piece.cpStart;
      const fc = piece.compressed ? piece.fc + k : piece.fc + 2 * k;
      yield { ch: piece.compressed ? r.u8(fc) : r.u16(fc), fc, compressed: piece.compressed };
    }
  }
}

/** The visible form of one character of running text ("" for marks that show nothing). */
function visible(ch: number, compressed: boolean): string {
  if (ch === 0x0b || ch === 0x0c) return "\n";
  if (ch === 0x1e) return "-";
  if (ch === 0x09) return " ";
  if (ch < 0x20 || ch === 0x1f) return "";
  if (compressed && CP1252[ch]) return CP1252[ch]!;
  return String.fromCharCode(ch);
}

/**
 * Read the main text of a Word 97–2003 document as paragraphs with their table marks.
 *
 * @param doc - the `WordDocument` stream
 * @param streams - the other streams by name (`0Table`, `1Table`, `Data`)
 * @throws WordFormatError when the streams are not a readable Word document.
 */
export function readWordParagraphs(doc: Uint8Array, streams: Record<string, Uint8Array | undefined>): WordParagraph[] {
  const fib = readFib(doc);
  const table = streams[fib.tableStream];
  if (!table) throw new WordFormatError(`no ${fib.tableStream} stream`);
  const pieces = readPieces(table, fib);
  const runs = readParagraphRuns(doc, table, streams["Data"], fib);
  const out: WordParagraph[] = [];
  let text = "";
  /** Field nesting: for each open field, whether its result has started. */
  const fields: boolean[] = [];
  for (const { ch, fc, compressed } of characters(doc, pieces, fib.ccpText)) {
    if (ch === 0x13) fields.push(false);
    else if (ch === 0x14 && fields.length > 0) fields[fields.length - 1] = true;
    else if (ch === 0x15 && fields.length > 0) fields.pop();
    else if (fields.length > 0 && !fields[fields.length - 1]) continue;
    else if (ch === 0x0d || ch === 0x07) {
      const run = runAt(runs, fc);
      const inTable = run?.inTable ?? false;
      const end = ch === 0x0d ? "paragraph" : run?.ttp ? "row" : "cell";
      out.push({ text, end, inTable: inTable || ch === 0x07 });
      text = "";
    } else text += visible(ch, compressed);
  }
  if (text !== "") out.push({ text, end: "paragraph", inTable: false });
  return out;
}

/**
 * Lay paragraphs out as text: narrative paragraphs one per line, each table row one line
 * with its cells split by tabs (the paragraphs of one cell joined).
 */
export function paragraphsToTabRows(paragraphs: readonly WordParagraph[]): string {
  const lines: string[] = [];
  let cells: string[] = [];
  let cell = "";
  for (const p of paragraphs) {
    if (p.end === "row") {
      lines.push(cells.length === 1 ? `${cells[0]}\t` : cells.join("\t"));
      cells = [];
      cell = "";
    } else if (p.end === "cell") {
      cells.push(join(cell, p.text).replace(/\n/g, ""));
      cell = "";
    } else if (p.inTable) {
      cell = join(cell, p.text);
    } else {
      lines.push(...p.text.split("\n"));
    }
  }
  return lines.join("\n");
}

function join(a: string, b: string): string {
  if (a === "") return b;
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
