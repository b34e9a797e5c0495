/**
 * The time of parseReport + validateReport on one input: the best of three runs, on two
 * copies in turn (the second with a line break added), wall time and the process's CPU time.
 * Shared by `adversarial.bench.mjs` and `find-slowest.mjs`.
 */
import { parseReport, validateReport } from "../dist/index.js";

/** Best wall and CPU milliseconds of three parse + validate runs of `input`. */
export function bestOfThree(input) {
  const copies = [input, typeof input === "string" ? `${input}\n` : new Uint8Array([...input, 0x0a])];
  let wall = Infinity;
  let cpu = Infinity;
  for (let k = 0; k < 3; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    validateReport(parseReport(copies[k & 1]));
    wall = Math.min(wall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { wall, cpu };
}
