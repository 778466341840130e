#!/usr/bin/env node
// Expand an iCalendar feed with ical.js, the engine inside Thunderbird.
//
// Usage: node icaljs.mjs FEED.ics FROM TO
//
// Prints one line per occurrence whose start lies in [FROM, TO):
//   START END UID RECURRENCE-ID|- SUMMARY
// START/END are UTC `YYYY-MM-DDTHH:MM:SSZ`, or `YYYY-MM-DD` for all-day
// occurrences (END exclusive). RECURRENCE-ID is given (same format) only
// for occurrences that come from an override component. Lines are sorted.
//
// ical.js ships no time zone database: like Thunderbird, it knows a zone
// only through the VTIMEZONE components of the feed. This driver makes sure
// that is all it uses: the TimezoneService is reset (UTC only) and filled
// with the feed's own VTIMEZONEs, and any TZID without one is an error
// instead of ical.js's silent fallback to floating time.
//
// Exit status: 0 on success, 2 on any parse error or inconsistency.

import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

function die(msg) {
  process.stderr.write(`icaljs: ${msg}\n`);
  process.exit(2);
}

const USAGE = 'usage: node icaljs.mjs FEED.ics FROM TO   (dates as YYYY-MM-DD)\n' +
  '       node icaljs.mjs --check FEED.ics...   (parse and validate only)';

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` for a DATE, UTC `YYYY-MM-DDTHH:MM:SSZ` for a DATE-TIME. */
function fmt(time) {
  if (time.isDate) {
    return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  }
  if (time.zone === ICAL.Timezone.localTimezone) {
    die(`floating time ${time.toString()}: a TZID did not resolve to a VTIMEZONE`);
  }
  const u = time.convertToZone(ICAL.Timezone.utcTimezone);
  return `${pad(u.year, 4)}-${pad(u.month)}-${pad(u.day)}T${pad(u.hour)}:${pad(u.minute)}:${pad(u.second)}Z`;
}

/** Escape what would break a one-line record. */
const oneLine = (s) => String(s ?? '').replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');

/** Parse, validate and expand one feed: the sorted output lines. */
function run(file, from, to) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    die(`cannot read ${file}: ${e.message}`);
  }

  // Strictest mode ical.js has: DATE values must be dates, not date-times.
  ICAL.design.strict = true;

  let vcal;
  try {
    const jcal = ICAL.parse(text);
    if (!Array.isArray(jcal) || jcal.length === 0 || typeof jcal[0] !== 'string') {
      die(`${file}: expected exactly one VCALENDAR, got ${Array.isArray(jcal) ? jcal.length : 'nothing'}`);
    }
    vcal = new ICAL.Component(jcal);
  } catch (e) {
    die(`${file}: parse error: ${e.message}`);
  }
  if (vcal.name !== 'vcalendar') die(`${file}: root component is ${vcal.name}, not VCALENDAR`);

  // ical.js decodes values lazily: decode every one now, so a bad value
  // fails here, loudly, instead of being skipped or half-read later.
  (function decodeAll(comp) {
    for (const prop of comp.getAllProperties()) {
      try {
        prop.getValues();
      } catch (e) {
        die(`${file}: ${comp.name.toUpperCase()} ${prop.name.toUpperCase()}: ${e.message}`);
      }
    }
    comp.getAllSubcomponents().forEach(decodeAll);
  })(vcal);

  // Only the feed's own zones: no database, nothing left from elsewhere.
  ICAL.TimezoneService.reset();
  const zoneIds = new Set();
  for (const vtz of vcal.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    if (!tzid) die(`${file}: VTIMEZONE without TZID`);
    if (zoneIds.has(tzid)) die(`${file}: two VTIMEZONEs for ${tzid}`);
    const obs = vtz.getAllSubcomponents().filter((c) => c.name === 'standard' || c.name === 'daylight');
    if (obs.length === 0) die(`${file}: VTIMEZONE ${tzid} has no STANDARD/DAYLIGHT`);
    for (const o of obs) {
      for (const p of ['dtstart', 'tzoffsetfrom', 'tzoffsetto']) {
        if (!o.hasProperty(p)) die(`${file}: ${tzid} ${o.name} lacks ${p.toUpperCase()}`);
      }
    }
    zoneIds.add(tzid);
    ICAL.TimezoneService.register(new ICAL.Timezone({ component: vtz, tzid }), tzid);
  }

  const events = vcal.getAllSubcomponents('vevent');
  if (events.length === 0) die(`${file}: no VEVENT`);

  // Every TZID used must be one of ours (ical.js would silently go floating).
  for (const ev of events) {
    for (const prop of ev.getAllProperties()) {
      const tzid = prop.getParameter('tzid');
      if (tzid !== undefined && tzid !== null && !zoneIds.has(tzid)) {
        die(`${file}: ${prop.name.toUpperCase()} uses TZID=${tzid} with no VTIMEZONE in the feed`);
      }
    }
    for (const p of ['uid', 'dtstamp', 'dtstart']) {
      if (!ev.hasProperty(p)) die(`${file}: VEVENT without ${p.toUpperCase()}`);
    }
  }

  const fromKey = from;
  const toKey = to;
  const inWindow = (start) => {
    const s = fmt(start);
    const day = s.slice(0, 10);
    return s.length === 10 ? day >= fromKey && day < toKey : s >= `${fromKey}T00:00:00Z` && s < `${toKey}T00:00:00Z`;
  };

  // Group by UID: one master (no RECURRENCE-ID), any number of overrides.
  const byUid = new Map();
  for (const comp of events) {
    const uid = comp.getFirstPropertyValue('uid');
    if (!byUid.has(uid)) byUid.set(uid, { master: null, exceptions: [] });
    const g = byUid.get(uid);
    if (comp.hasProperty('recurrence-id')) {
      g.exceptions.push(comp);
    } else {
      if (g.master) die(`${file}: two master VEVENTs share UID ${uid}`);
      g.master = comp;
    }
  }

  // Stop iterating well after TO: moved occurrences may land a bit later.
  const stop = ICAL.Time.fromDateString(to);
  stop.year += 1;

  const lines = [];
  try {
    for (const [uid, g] of byUid) {
      if (!g.master) {
        // Orphan overrides: clients show them as single events.
        for (const comp of g.exceptions) {
          const ev = new ICAL.Event(comp);
          if (inWindow(ev.startDate)) {
            lines.push(`${fmt(ev.startDate)} ${fmt(ev.endDate)} ${uid} ${fmt(ev.recurrenceId)} ${oneLine(ev.summary)}`);
          }
        }
        continue;
      }
      const event = new ICAL.Event(g.master, { strictExceptions: true, exceptions: g.exceptions });
      const seen = new Set();
      const emit = (d) => {
        if (!inWindow(d.startDate)) return;
        const rid = d.item.isRecurrenceException() ? fmt(d.item.recurrenceId) : '-';
        lines.push(`${fmt(d.startDate)} ${fmt(d.endDate)} ${uid} ${rid} ${oneLine(d.item.summary)}`);
      };
      if (!event.isRecurring()) {
        emit({ startDate: event.startDate, endDate: event.endDate, item: event });
        continue;
      }
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        if (next.compare(stop) > 0) break;
        const key = fmt(next);
        if (seen.has(key)) die(`${file}: ${uid} yields occurrence ${key} twice`);
        seen.add(key);
        emit(event.getOccurrenceDetails(next));
      }
    }

  } catch (e) {
    die(`${file}: expansion failed: ${e.stack ?? e}`);
  }
  lines.sort();
  return lines;
}

const args = process.argv.slice(2);
const isDate = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d ?? '');
if (args[0] === '--check') {
  if (args.length < 2) die(USAGE);
  // An empty window: everything is parsed and checked, nothing expanded.
  for (const f of args.slice(1)) run(f, '1970-01-01', '1970-01-01');
} else {
  const [file, from, to] = args;
  if (args.length !== 3 || !isDate(from) || !isDate(to)) die(USAGE);
  process.stdout.write(run(file, from, to).map((l) => `${l}\n`).join(''));
}
