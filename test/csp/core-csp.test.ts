// The browser core under a strict Content-Security-Policy (`script-src 'self'`, usual on government
// sites): the built `yingshang/core` (dist/core.js, bundled for a browser as an app would) is served
// from 127.0.0.1 with that header, and a page script compiles a bundled pack from its files,
// evaluates a case, refuses a broken pack and loads a calendar file, all without generating code.
// A control page shows the policy is in force: the same page refuses `new Function` and says so.
import { build } from "esbuild";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPackDir } from "../../src/index.js";

const root = resolve(__dirname, "..", "..");
const CSP = "script-src 'self'";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// Registered first, so every violation of the page's scripts is seen.
const LISTEN = `window.violations = [];
document.addEventListener("securitypolicyviolation", (e) => window.violations.push(e.violatedDirective + " " + e.blockedURI));`;

// The page's own script: plain calls of the core, results written into the page for the test to read.
const RUN = `(async () => {
  const y = window.yingshang;
  const out = {};
  const files = await (await fetch("/pack.json")).json();
  const pack = y.compilePack(files, { folder: "yingkou" });
  out.pack = [pack.id, pack.version];
  const r = y.evaluate(pack, { asOf: "2026-04-02", facts: {}, now: "2026-04-08T09:00:00+08:00", events: { "mayor-mailbox": { received: "2026-04-02" } } });
  const d = r.deadlines["mayor-mailbox"];
  out.due = d.dueDate;
  out.status = d.status;
  out.skipped = d.ledger.filter((e) => e.kind === "skip").map((e) => e.date);
  try {
    y.compilePack({ ...files, "deadlines.yaml": files["deadlines.yaml"].replace("workingDays: 7", "workingDay: 7") });
    out.broken = "compiled";
  } catch (e) {
    out.broken = e.problems.map((p) => [p.code, p.file, p.path, p.params.suggestion]);
  }
  try {
    y.loadCalendar("id: cn-2027\\nversion: '1'\\nextends: cn-mainland\\nyears: { '2027': { provisional: true, notices: [x], holidays: [{ date: '2027-01-01', name: 元旦 }], makeupWorkdays: [], extra: 1 } }\\n", { file: "cn-2027.yaml" });
    out.calendar = "loaded";
  } catch (e) {
    out.calendar = e.problems.map((p) => [p.code, p.line]);
  }
  const cal = y.loadCalendar("id: cn-2027\\nversion: '1'\\nextends: cn-mainland\\nyears: { '2027': { provisional: true, notices: [x], holidays: [{ date: '2027-01-01', name: 元旦 }], makeupWorkdays: [] } }\\n");
  out.calendarRange = cal.range;
  document.getElementById("out").textContent = JSON.stringify(out);
})().catch((e) => { document.getElementById("out").textContent = JSON.stringify({ error: String(e && e.stack || e) }); });`;

const CONTROL = `try { new Function("return 1")(); window.made = "yes"; } catch (e) { window.made = e.name; }`;

const page = (scripts: string[]) => `<!doctype html><html><head><meta charset="utf-8"><title>core</title></head><body><pre id="out"></pre>${scripts.map((s) => `<script src="${s}"></script>`).join("")}</body></html>`;

let server: Server;
let url: string;
let browser: Browser;

beforeAll(async () => {
  // The built core, as a browser app bundles it (tsup's ESM output and its chunk, and its dependencies).
  if (!existsSync(join(root, "dist", "core.js"))) throw new TypeError("dist/core.js is missing: run `npm run build` before the CSP test");
  const dir = mkdtempSync(join(tmpdir(), "yingshang-csp-"));
  writeFileSync(join(dir, "entry.mjs"), `import * as core from ${JSON.stringify(join(root, "dist", "core.js"))};\nwindow.yingshang = core;\n`);
  const bundled = await build({ entryPoints: [join(dir, "entry.mjs")], bundle: true, platform: "browser", format: "iife", write: false, logLevel: "silent", absWorkingDir: root });
  const routes: Record<string, [string, string]> = {
    "/": ["text/html", page(["/listen.js", "/core.js", "/run.js"])],
    "/control": ["text/html", page(["/listen.js", "/control.js"])],
    "/listen.js": ["text/javascript", LISTEN],
    "/core.js": ["text/javascript", bundled.outputFiles[0]!.text],
    "/run.js": ["text/javascript", RUN],
    "/control.js": ["text/javascript", CONTROL],
    "/pack.json": ["application/json", JSON.stringify(readPackDir(join(root, "policies", "yingkou")))],
  };
  server = createServer((req, res) => {
    const hit = routes[req.url ?? ""];
    if (req.url === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": `${hit[0]}; charset=utf-8`, "content-security-policy": CSP }).end(hit[1]);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const addr = server.address() as { port: number };
  url = `http://127.0.0.1:${addr.port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
});

/** Opens a path and collects console errors and script errors. */
async function open(path: string): Promise<{ p: Page; errors: string[] }> {
  const p = await browser.newPage();
  const errors: string[] = [];
  p.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  p.on("pageerror", (e) => errors.push(e.message));
  const res = await p.goto(url + path);
  expect(res?.headers()["content-security-policy"]).toBe(CSP);
  return { p, errors };
}

describe("yingshang/core in Chromium under Content-Security-Policy: script-src 'self'", () => {
  it("the built library loads no schema compiler: ajv is a build tool only", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).not.toContain("ajv");
    expect(Object.keys(pkg.dependencies)).not.toContain("ajv-formats");
    expect(pkg.devDependencies.ajv).toBeDefined();
    const built = readdirSync(join(root, "dist")).filter((f) => /\.(c?js)$/.test(f));
    expect(built.length).toBeGreaterThan(3);
    for (const f of built) expect([f, readFileSync(join(root, "dist", f), "utf8")]).not.toEqual([f, expect.stringMatching(/(from\s*|require\()["']ajv/)]);
  });

  it("the policy is in force: a page script's new Function is refused and reported", async () => {
    const { p, errors } = await open("/control");
    await p.waitForFunction(() => (globalThis as unknown as { made?: string }).made !== undefined);
    expect(await p.evaluate(() => (globalThis as unknown as { made: string }).made)).toBe("EvalError");
    await p.waitForFunction(() => (globalThis as unknown as { violations: string[] }).violations.length > 0);
    expect(await p.evaluate(() => (globalThis as unknown as { violations: string[] }).violations)).toEqual(["script-src eval"]);
    expect(errors).toEqual([]);
    await p.close();
  });

  it("compiles a bundled pack, evaluates a case, reports a typo and loads a calendar, with no violation", async () => {
    const { p, errors } = await open("/");
    await p.waitForFunction(() => ((globalThis as unknown as { document: { getElementById(id: string): { textContent: string } } }).document.getElementById("out").textContent ?? "") !== "", undefined, { timeout: 30_000 });
    const out = JSON.parse(await p.locator("#out").textContent() ?? "{}") as Record<string, unknown>;
    expect(out.error).toBeUndefined();
    expect(out.pack).toEqual(["yingkou", expect.any(String)]);
    // 营口 七: a mayor's-mailbox matter is answered within 7 working days. Referred Thursday
    // 2026-04-02 (the day itself does not count): Fri 04-03 is day 1, 清明节 Sat 04-04 – Mon 04-06
    // are off, Tue 04-07 … Fri 04-10 are days 2–5, the weekend 04-11/12 is off, Mon 04-13 is
    // day 6, Tue 04-14 day 7.
    expect(out.due).toBe("2026-04-14");
    expect(out.skipped).toEqual(["2026-04-04", "2026-04-05", "2026-04-06", "2026-04-11", "2026-04-12"]);
    // On Wednesday 2026-04-08 the days left are Thu 04-09 … Tue 04-14 less today: 04-09, 04-10, 04-13, 04-14.
    expect(out.status).toEqual({ kind: "running", workingDaysLeft: 4 });
    // The schema check (a generated validator) still names the typo, its file and the key meant.
    expect(out.broken).toEqual([["SCHEMA_UNKNOWN_KEY", "deadlines.yaml", expect.stringMatching(/period\.workingDay$/), "workingDays"]]);
    expect(out.calendar).toEqual([["CALENDAR_SCHEMA", 4]]);
    expect(out.calendarRange).toEqual({ from: "2018-12-29", to: "2027-12-31" });
    expect(await p.evaluate(() => (globalThis as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(errors).toEqual([]);
    await p.close();
  });
});
