import { Image, createCanvas } from "@napi-rs/canvas";
let seed = Number(process.argv[2] ?? 1);
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const c = createCanvas(60, 40); const ctx = c.getContext("2d"); ctx.fillStyle = "#444"; ctx.fillRect(5, 5, 30, 20);
const jpg = Buffer.from(c.toBuffer("image/jpeg"));
for (let n = 0; n < 300; n++) {
  let buf;
  if (n % 2) { buf = Buffer.alloc(10 + Math.floor(rnd() * 2000)); for (let i = 0; i < buf.length; i++) buf[i] = rnd() * 256; buf[0] = 0xff; buf[1] = 0xd8; buf[2] = 0xff; }
  else { buf = Buffer.from(jpg); const k = 1 + Math.floor(rnd() * 20); for (let j = 0; j < k; j++) buf[Math.floor(rnd() * buf.length)] = rnd() * 256; if (rnd() < 0.3) buf = buf.subarray(0, Math.floor(rnd() * buf.length)); }
  const img = new Image();
  await new Promise((res) => { img.onload = res; img.onerror = res; img.src = buf; });
  if (img.width > 0 && img.width < 10000 && img.height < 10000) { const k = createCanvas(img.width, img.height); k.getContext("2d").drawImage(img, 0, 0); k.getContext("2d").getImageData(0, 0, img.width, img.height); }
}
console.log("survived");
