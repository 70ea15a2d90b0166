import type { CalendarHoliday } from "./day-schedule.ts";

/**
 * An iCalendar (RFC 5545) feed of a calendar's closed dates as all-day events, so people can
 * subscribe to them. `stamp` is the DTSTAMP (the caller's clock), as YYYYMMDDTHHMMSSZ.
 */
export function closuresToICalendar(calendar: { id: string; name: string }, closures: CalendarHoliday[], stamp: string): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//supportclock//business calendar//EN",
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(`${calendar.name} – closures`)}`,
    ...closures.flatMap((closure) => [
      "BEGIN:VEVENT",
      `UID:${closure.date}-${calendar.id}@supportclock`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${closure.date.replaceAll("-", "")}`,
      `DTEND;VALUE=DATE:${nextDay(closure.date)}`,
      `SUMMARY:${escapeText(closure.name)}`,
      `CATEGORIES:${escapeText(closure.source)}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    ]),
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");

function nextDay(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10).replaceAll("-", "");
}

const octets = (text: string) => new TextEncoder().encode(text).length;

/** Lines longer than 75 octets are folded with CRLF + space. */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (octets(rest) > 75) {
    let cut = 74;
    while (octets(rest.slice(0, cut)) > 74) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  parts.push(rest);
  return parts.join("\r\n ");
}
