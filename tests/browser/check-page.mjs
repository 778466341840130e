// Opens a served subscribe page in headless Chromium and checks it the way
// a visitor would: it renders without console errors, every expected
// ritual title is visible, every feed link answers 200 with an iCalendar
// file, nothing overflows a 360 px screen. Writes screenshots at 1280 px
// and 360 px, the fetched feeds, and a JSON report.
//
// Usage: node check-page.mjs <config.json>
//   config: { "url": "http://127.0.0.1:PORT/index.html",
//             "titles": ["…"], "out": "/dir/for/screenshots-and-feeds",
//             "name": "prefix of the screenshot files" }
// Exit status: 0 all checks passed, 1 a check failed, 2 could not run.

import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const config = JSON.parse(readFileSync(process.argv[2], "utf8"));
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
mkdirSync(config.out, { recursive: true });

const failures = [];
const consoleErrors = [];
const feeds = [];
const screenshots = [];

// A fresh profile: no extensions, no cache, nothing from another run.
const profile = mkdtempSync(join(tmpdir(), "rituals-chromium-"));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 800 },
  });
} catch (e) {
  console.error(`cannot start ${executablePath}: ${e.message}`);
  rmSync(profile, { recursive: true, force: true });
  process.exit(2);
}

try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
  page.on("requestfailed", (req) =>
    consoleErrors.push(`request failed: ${req.url()} ${req.failure()?.errorText}`),
  );

  const response = await page.goto(config.url, { waitUntil: "load" });
  if (!response || response.status() !== 200) {
    failures.push(`page: HTTP ${response?.status()} for ${config.url}`);
  }
  const lang = await page.getAttribute("html", "lang");
  if (!lang) failures.push("page: no lang attribute on <html>");

  // Every ritual's card heading, visible on screen.
  for (const title of config.titles) {
    const heading = page.getByRole("heading", { name: title, exact: true });
    const n = await heading.count();
    if (n === 0 || !(await heading.first().isVisible())) {
      failures.push(`ritual not visible: ${title}`);
    }
  }
  const days = await page.locator(".week > li").count();
  if (days !== 7) failures.push(`week grid: ${days} days instead of 7`);

  // Every feed link: direct .ics links, webcal:// (same address over
  // http), and the feed inside Google's and Outlook's add links.
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.href));
  const targets = new Map();
  for (const href of hrefs) {
    let target = null;
    const u = new URL(href);
    if (u.protocol === "webcal:") {
      target = href.replace(/^webcal:/, new URL(config.url).protocol);
    } else if (u.hostname === "calendar.google.com") {
      target = u.searchParams.get("cid")?.replace(/^webcal:/, new URL(config.url).protocol);
    } else if (u.hostname === "outlook.live.com") {
      target = u.searchParams.get("url");
    } else if (u.pathname.endsWith(".ics")) {
      target = href;
    }
    if (target) {
      if (!targets.has(target)) targets.set(target, []);
      targets.get(target).push(href);
    }
  }
  if (targets.size === 0) failures.push("no feed link on the page");
  let k = 0;
  for (const [target, from] of targets) {
    const res = await context.request.get(target, { failOnStatusCode: false });
    const body = await res.text();
    const file = join(config.out, `feed-${config.name}-${k++}.ics`);
    writeFileSync(file, body);
    feeds.push({ url: target, links: from, status: res.status(), file });
    if (res.status() !== 200) {
      failures.push(`feed link broken: HTTP ${res.status()} for ${target}`);
    } else if (!body.startsWith("BEGIN:VCALENDAR\r\n")) {
      failures.push(`feed link is not iCalendar: ${target}`);
    }
  }

  for (const [width, height] of [
    [1280, 800],
    [360, 740],
  ]) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) failures.push(`${width} px: the page is ${overflow} px too wide`);
    const path = join(config.out, `${config.name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    screenshots.push(path);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

for (const e of consoleErrors) failures.push(`console: ${e}`);
const report = { url: config.url, failures, consoleErrors, feeds, screenshots };
writeFileSync(join(config.out, `report-${config.name}.json`), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
process.exit(failures.length === 0 ? 0 : 1);
