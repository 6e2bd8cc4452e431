/**
 * The worker side of xlsx-thread.ts: reads one workbook with readXlsx and posts its sheets and row
 * batches to the thread that maps them (reader-link.ts).
 */
import { parentPort } from 'node:worker_threads';
import { readXlsx } from '../xlsx.js';
import { Acks, postSheets } from './reader-link.js';
import { workerJob } from './threads.js';

const port = parentPort!;
const file = await workerJob<string>();
const acks = new Acks();
port.on('message', () => acks.taken());
await postSheets(readXlsx(file), (m, transfer) => port.postMessage(m, transfer), acks);
port.close();
