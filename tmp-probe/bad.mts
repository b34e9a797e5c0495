import { Image, createCanvas } from "@napi-rs/canvas";
const c = createCanvas(50, 40); const png = c.toBuffer("image/png"); const jpg = c.toBuffer("image/jpeg");
const cases: Record<string, Buffer> = { garbage: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), truncPng: png.subarray(0, 40), truncJpg: jpg.subarray(0, 30), badJpg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]) };
for (const [name, buf] of Object.entries(cases)) {
  const img = new Image();
  const r = await new Promise((res) => { img.onload = () => res(`load ${img.width}x${img.height}`); img.onerror = (e: unknown) => res(`error ${String(e)}`); img.src = buf; });
  console.log(name, r);
}
