// Run axe-core (WCAG 2.x A/AA rules) on a local HTML file in headless Chromium.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const file = process.argv[2];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage();
let external = 0;
page.on("request", (r) => { if (!r.url().startsWith("file:")) external++; });
await page.goto(pathToFileURL(file).href);
await page.addScriptTag({ path: axePath });
const result = await page.evaluate(async () =>
  await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }));
await browser.close();
for (const v of result.violations) {
  console.log(`[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} élément(s))`);
  for (const n of v.nodes.slice(0, 3)) console.log(`    ${n.target.join(" ")}`);
}
console.log(`axe-core ${result.testEngine.version}: ${result.passes.length} règles respectées, ${result.violations.length} violation(s), ${external} requête(s) externe(s)`);
process.exit(result.violations.length === 0 && external === 0 ? 0 : 1);
