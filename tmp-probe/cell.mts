import { readFileSync, writeFileSync } from "node:fs";
import { scanToPngs } from "/work/wt-ocr/test/helpers/scan-pdf.js";
import { tokenizeOcr } from "/work/wt-ocr/src/ocr/index.js";
const pngs = await scanToPngs(readFileSync("/work/shared/corpus-extra/huaian-2024.pdf"), { dpi: 200, pages: [4] });
writeFileSync("/tmp/p4.png", pngs[0]!);
const tokens = await tokenizeOcr(pngs[0]!, { dpi: 200 });
for (const p of tokens.ocrPieces) if (/^(2|12|1)$/.test(p.piece.text) || p.piece.uncertain) console.log(p.piece.text, p.piece.confidence.toFixed(3), p.piece.x0 | 0, p.piece.y0 | 0, p.piece.x1 | 0, p.piece.y1 | 0, JSON.stringify(p.piece.cell), p.piece.alternatives);
