// Opens a served subscribe page in headless Chromium and checks it the way
// a visitor would: it renders without console errors, every expected
// ritual title is visible, every feed link answers 200 with an iCalendar
// file, nothing overflows a 390 px screen, and the layout holds: time
// ranges and feed file names on one line, no two links of a subscribe
// list to the same place, empty weekdays narrower than busy ones on a
// desktop, no blank gap after the subscribe block. Writes screenshots at
// 1280 px and 390 px, the fetched feeds, and a JSON report.
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

  // Without `calendar.url`, a "download" link next to the feed's link
  // would do the same thing: each list's links go to different places.
  const lists = await page.$$eval("ul.subscribe", (uls) =>
    uls.map((ul) => [...ul.querySelectorAll("a[href]")].map((a) => a.href)),
  );
  for (const hrefs of lists) {
    const twice = hrefs.filter((h, i) => hrefs.indexOf(h) !== i);
    if (twice.length > 0) failures.push(`subscribe links to the same place: ${twice[0]}`);
  }

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0) failures.push(`${width} px: the page is ${overflow} px too wide`);
    failures.push(...(await page.evaluate(layoutProblems, width)));
    const path = join(config.out, `${config.name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    screenshots.push(path);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

// Runs in the page. What a visitor would notice at this width, as messages.
function layoutProblems(width) {
  const out = [];
  const text = (e) => e.textContent.replace(/\s+/g, " ").trim();
  // The lines a run of text is laid out on: one client rectangle per
  // line box (and per inline element on it), grouped by their top.
  const rangeLines = (range) =>
    new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  // The text of `e` from its character `from` to its end.
  const tail = (e, from) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (seen + n.length > from) {
        range.setStart(n, from - seen);
        break;
      }
      seen += n.length;
    }
    return range;
  };
  const lines = (e) => rangeLines(tail(e, 0));
  // Time ranges: the grid's, and the part after the date in next dates
  // ("lundi 30 novembre 2026, 10 h 30 – 11 h").
  const ranges = [
    ...[...document.querySelectorAll(".day .time")].map((e) => [e, 0]),
    ...[...document.querySelectorAll(".next time")]
      .filter((e) => e.textContent.includes(", "))
      .map((e) => [e, e.textContent.lastIndexOf(", ") + 2]),
  ];
  for (const [e, from] of ranges) {
    const n = rangeLines(tail(e, from));
    if (n !== 1) out.push(`${width} px: the time range of "${text(e)}" is broken over ${n} lines`);
  }
  // Feed addresses: the file name, after the last `/`, on one line.
  for (const e of document.querySelectorAll(".address code")) {
    const n = rangeLines(tail(e, e.textContent.lastIndexOf("/") + 1));
    if (n !== 1) out.push(`${width} px: the file name in "${text(e)}" is broken over ${n} lines`);
  }
  const gap = (() => {
    const header = document.querySelector("header");
    const last = header.lastElementChild?.lastElementChild;
    const next = document.querySelector("main h2");
    return last && next ? next.getBoundingClientRect().top - last.getBoundingClientRect().bottom : 0;
  })();
  if (gap > 60) out.push(`${width} px: ${Math.round(gap)} px of blank space after the subscribe block`);
  if (width >= 1024) {
    const days = [...document.querySelectorAll(".week > li")];
    const busy = days.filter((d) => !d.classList.contains("none"));
    const empty = days.filter((d) => d.classList.contains("none"));
    const w = (d) => d.getBoundingClientRect().width;
    for (const e of empty) {
      for (const b of busy) {
        if (w(e) >= w(b)) out.push(`${width} px: empty "${text(e.querySelector("h3"))}" is as wide as "${text(b.querySelector("h3"))}"`);
      }
    }
    // A title of a few words wraps at most once in a busy column.
    for (const a of document.querySelectorAll(".week a")) {
      const words = text(a).split(" ").length;
      if (words > 1 && lines(a) > 2) out.push(`${width} px: "${text(a)}" wraps over ${lines(a)} lines`);
    }
  }
  return out;
}

for (const e of consoleErrors) failures.push(`console: ${e}`);
const report = { url: config.url, failures, consoleErrors, feeds, screenshots };
writeFileSync(join(config.out, `report-${config.name}.json`), JSON.stringify(report, null, 2));
console.log(JSON.stringify(report, null, 2));
process.exit(failures.length === 0 ? 0 : 1);
