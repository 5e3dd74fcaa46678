// Bundles web/src into api/static: one hashed script, one hashed stylesheet and index.html.
// Run with `make web` (npm ci + this script). The output is committed, so serving needs no Node.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "api", "static");
const assets = join(out, "assets");

rmSync(assets, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });

const hashed = (name, text) => {
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 10);
  const [stem, ext] = name.split(".");
  return `${stem}.${hash}.${ext}`;
};

// The layout worker first: the page names it by its hashed file name.
const worker = await build({
  entryPoints: [join(here, "src", "layout.worker.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  legalComments: "none",
  write: false,
  logLevel: "warning",
});
const workerJs = worker.outputFiles[0].text;
const workerName = hashed("layout.js", workerJs);
writeFileSync(join(assets, workerName), workerJs);

const result = await build({
  define: { LAYOUT_WORKER_URL: JSON.stringify(`/assets/${workerName}`) },
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  legalComments: "none",
  write: false,
  metafile: true,
  outdir: assets,
  logLevel: "warning",
});

const js = result.outputFiles.find((f) => f.path.endsWith(".js")).text;
const css = readFileSync(join(here, "src", "style.css"), "utf8");
const jsName = hashed("explorer.js", js);
const cssName = hashed("explorer.css", css);
writeFileSync(join(assets, jsName), js);
writeFileSync(join(assets, cssName), css);
const html = readFileSync(join(here, "src", "index.html"), "utf8")
  .replace("%STYLE%", `assets/${cssName}`)
  .replace("%SCRIPT%", `assets/${jsName}`);
writeFileSync(join(out, "index.html"), html);
// The licences of the npm packages bundled into the script (their notices are stripped from it).
const packages = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.add(m[1]);
}
const notices = [...packages].sort().map((name) => {
  const dir = join(here, "node_modules", name);
  const meta = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file ? readFileSync(join(dir, file), "utf8").trim() : `License: ${meta.license}`;
  return `${name} ${meta.version} (${meta.license})\n\n${text}\n`;
});
writeFileSync(join(out, "THIRD-PARTY-LICENSES.txt"),
  "The explorer's script bundles these npm packages (web/package-lock.json).\n\n"
  + notices.join(`\n${"-".repeat(72)}\n\n`));

// What the build was made from, so a test can tell when api/static is older than web/src.
const inputs = ["package-lock.json", "build.mjs", ...readdirSync(join(here, "src")).sort().map((f) => `src/${f}`)];
const sources = createHash("sha256");
for (const f of inputs) sources.update(f).update("\0").update(readFileSync(join(here, f))).update("\0");
writeFileSync(join(out, "build.json"), JSON.stringify({ sources: sources.digest("hex"), inputs, script: jsName, style: cssName, worker: workerName }, null, 2) + "\n");
console.log(`api/static: index.html, ${readdirSync(assets).join(", ")} (${(js.length / 1024).toFixed(0)} KiB of script)`);
