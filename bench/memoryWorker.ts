// The pipeline's proxy worker, plus what memory its thread holds after each architecture.
import { getHeapStatistics } from "node:v8";
import { threadId } from "node:worker_threads";
import computeTask, { type ProxyTask } from "../src/pipeline/proxyWorker.js";

export default async function measuredTask(task: ProxyTask): Promise<{ threadId: number; heapUsed: number; rss: number }> {
  await computeTask(task);
  return { threadId, heapUsed: getHeapStatistics().used_heap_size, rss: process.memoryUsage().rss };
}
