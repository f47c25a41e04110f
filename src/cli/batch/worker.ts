import { parentPort, workerData } from 'node:worker_threads';
import { assessBatch, settingsOptions, type WorkerRequest, type WorkerResponse, type WorkerSettings } from './runBatch';

/** A batch worker: compiles the run's ruleset once, then assesses each batch of lines it is sent, in order. */
const port = parentPort;
if (port === null) throw new Error('The batch worker runs in a worker thread only.');
const settings = workerData as WorkerSettings;
const assess = assessBatch(settingsOptions(settings), settings);
port.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, result: assess(request.lines) };
  } catch (error) {
    response = { id: request.id, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // The output bytes move to the main thread instead of being copied.
  port.postMessage(response, 'result' in response ? [response.result.bytes.buffer as ArrayBuffer] : []);
});
