import { Image, createCanvas } from "@napi-rs/canvas";
const c = createCanvas(50, 40); const ctx = c.getContext("2d"); ctx.fillStyle = "#888"; ctx.fillRect(5,5,30,20);
const jpg = Buffer.from(c.toBuffer("image/jpeg"));
const mode = process.argv[2];
let buf = jpg;
if (mode === "trunc") buf = jpg.subarray(0, jpg.length - 40);
if (mode === "corrupt") { buf = Buffer.from(jpg); for (let i = buf.length - 60; i < buf.length - 10; i++) buf[i] = (buf[i] * 7 + 3) & 0xff; }
const img = new Image();
img.onload = () => { const k = createCanvas(img.width, img.height); k.getContext("2d").drawImage(img, 0, 0); console.log("load", img.width); };
img.onerror = (e) => console.log("error", String(e));
img.src = buf;
await new Promise((r) => setTimeout(r, 300));
console.log("done", mode);
