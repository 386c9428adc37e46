// A child process: runs every case with the built library and prints one JSON line per case.
import { pathToFileURL } from "node:url";
import { listCases, loadAll, runCase } from "./cases.mjs";

const lib = await import(pathToFileURL(process.argv[2]).href);
const packs = loadAll(lib);
const lines = listCases().map((c) => runCase(lib, packs, c));
process.stdout.write(lines.join("\n") + "\n");
