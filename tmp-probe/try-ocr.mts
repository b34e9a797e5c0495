import { readFileSync } from "node:fs";
import { tokenizeOcr } from "/work/wt-ocr/src/ocr/index.js";
const t = Date.now();
const tokens = await tokenizeOcr(readFileSync(process.argv[2]!), { onProgress: (p) => console.error("page", p.page, Date.now() - t) });
console.log("ms", Date.now() - t);
for (const p of tokens.ocrPieces) if (p.piece.valueCell) {} 
console.log(tokens.text.slice(0, 3000));
for (const table of tokens.tokenized.tables) { console.log("TABLE", table.kind); for (const r of table.rows) console.log(r.map((c) => c.text).join(" | ")); }
console.log("uncertain", tokens.ocrPieces.filter((p) => p.piece.uncertain).map((p) => [p.piece.text, p.piece.uncertain]));
console.log("lowconf", tokens.ocrPieces.filter((p) => p.piece.confidence < 0.9).map((p) => [p.piece.text, p.piece.confidence.toFixed(2)]));
