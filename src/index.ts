/**
 * yingshang (营商): city policies on serving investment projects as executable YAML packs.
 * This file is the public API, and nothing else: everything in `yingshang/core` (no Node built-ins,
 * browser-safe) plus the Node-side reading of packs from disk.
 */
export * from "./core.js";
export { loadPack, readPackDir, resolvePackDir, BUNDLED_PACKS } from "./engine/compile/load.js";
