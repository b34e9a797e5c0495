/// <reference types="node" />
/**
 * The worker thread of `xxgk`: receives {@link TaskInput}s, answers {@link TaskResult}s
 * in the order received. Its configuration comes once, as `workerData`.
 */
import { parentPort, workerData } from "node:worker_threads";
import { runTask, type TaskConfig, type TaskInput } from "./task.js";

const config = workerData as TaskConfig;
const port = parentPort;

if (port !== null) {
  // answers keep the order of the messages: each task starts when the one before is done
  let queue: Promise<void> = Promise.resolve();
  port.on("message", (input: TaskInput) => {
    queue = queue.then(async () => port.postMessage(await runTask(input, config)));
  });
}
