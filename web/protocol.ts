// Messages between the page (web/app.ts) and its worker (web/worker.ts). Everything is plain data,
// copied by structured clone; node vectors stay Float64Array, so nothing is rounded on the way.
// Also the page's latest results, which it leaves on window.parzc (for the console and the test).
import type { ProxyRecord } from "../src/browser.js";

export type Request =
  | { type: "images"; name: string; bytes: ArrayBuffer }
  | { type: "proxies"; space: string; archs: string[]; proxies: string[]; batch: number; seed: number }
  | { type: "model"; name: string; text: string }
  | { type: "rank"; samples: number; seed: number };

export interface RankRow {
  rank: number;
  arch: string;
  mean: number;
  std: number;
}

export type Reply =
  | { type: "ready"; matmul: string; webgl2: boolean; webgpu: boolean }
  | { type: "progress"; done: number; total: number; what: string }
  | { type: "images"; name: string; count: number }
  | { type: "proxies"; records: ProxyRecord[]; seconds: number }
  | { type: "model"; name: string; summary: string }
  | { type: "ranking"; rows: RankRow[]; samples: number; seconds: number }
  | { type: "error"; request: Request["type"] | "init"; message: string };

export interface PageState {
  /** The worker's matmul device, once it has started. */
  matmul: string | null;
  images: number;
  model: string | null;
  records: ProxyRecord[];
  ranking: RankRow[];
  busy: boolean;
}

declare global {
  interface Window {
    parzc: PageState;
  }
}
