// A worker thread: loads the built library and the bundled packs, runs the cases it is given.
import { parentPort, workerData } from "node:worker_threads";
import { pathToFileURL } from "node:url";
import { listCases, loadAll, runCase } from "./cases.mjs";

const lib = await import(pathToFileURL(workerData.dist).href);
const packs = loadAll(lib);
const cases = listCases();
const out = workerData.indices.map((k) => [k, runCase(lib, packs, cases[k])]);
parentPort.postMessage(out);
