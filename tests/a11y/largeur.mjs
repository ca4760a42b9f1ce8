// Narrow-screen check: open each HTML file at 375 px wide in headless Chromium
// and fail when the page scrolls sideways
// (document.documentElement.scrollWidth > innerWidth). Lists the elements that
// stick out of the viewport without a scrolling box of their own around them.
// Usage: node largeur.mjs FILE.html... (LARGEUR=375 by default)
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";

const width = Number(process.env.LARGEUR || 375);
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage : node largeur.mjs FICHIER.html…");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
let failed = 0;
for (const file of files) {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  await page.goto(pathToFileURL(file).href);
  const r = await page.evaluate(() => {
    const path = (e) => {
      const parts = [];
      for (let n = e; n && n.nodeType === 1 && n !== document.body; n = n.parentElement) {
        let s = n.localName;
        if (n.id) { parts.unshift(`${s}#${n.id}`); break; }
        if (n.classList.length) s += "." + [...n.classList].join(".");
        parts.unshift(s);
      }
      const cap = e.querySelector(":scope > caption, :scope > figcaption");
      return parts.join(" > ") + (cap ? ` « ${cap.textContent.trim().slice(0, 60)} »` : "");
    };
    // Inside a box that scrolls or clips on the x axis, sticking out is fine.
    const clipped = (e) => {
      for (let n = e.parentElement; n && n !== document.documentElement; n = n.parentElement) {
        const o = getComputedStyle(n).overflowX;
        if (o !== "visible") return true;
      }
      return false;
    };
    const wide = (rect) => rect.right > innerWidth + 0.5;
    const boxes = [...document.querySelectorAll("body *")]
      .filter((e) => wide(e.getBoundingClientRect()) && !clipped(e));
    // Keep the outermost ones: a child of an overflowing element adds nothing.
    const out = boxes.filter((e) => !boxes.includes(e.parentElement))
      .map((e) => ({ sel: path(e), right: Math.round(e.getBoundingClientRect().right),
                     width: Math.round(e.getBoundingClientRect().width) }));
    // Text running out of a box that fits (a word too long to break).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const p = t.parentElement;
      if (!t.textContent.trim() || boxes.includes(p) || clipped(t)) continue;
      range.selectNodeContents(t);
      const r = range.getBoundingClientRect();
      if (wide(r) && r.width > 0) {
        out.push({ sel: `${path(p)} (texte « ${t.textContent.trim().slice(0, 30)}… »)`,
                   right: Math.round(r.right), width: Math.round(r.width) });
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, out };
  });
  await page.close();
  const ok = r.scrollWidth <= r.innerWidth;
  if (!ok) failed++;
  console.log(`${ok ? "ok" : "ÉCHEC"} ${file} à ${r.innerWidth} px : largeur de la page ${r.scrollWidth} px`);
  for (const o of r.out.slice(0, 40)) console.log(`    ${o.sel} (largeur ${o.width} px, bord droit ${o.right} px)`);
  if (r.out.length > 40) console.log(`    … et ${r.out.length - 40} autre(s)`);
}
await browser.close();
process.exit(failed === 0 ? 0 : 1);
