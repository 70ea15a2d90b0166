/** "Monday 12:00" in `timeZone`, with the date added when it is not within the coming week. */
export function answerBy(iso: string, timeZone: string, now = Date.now()): string {
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const text = `${part("weekday")} ${part("hour")}:${part("minute")}`;
  if (Math.abs(at.getTime() - now) < 6 * 86_400_000) return text;
  return `${text} (${new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(at)})`;
}

/** A time of day for "last updated" and the alert feed, in the browser's zone. */
export const clockTime = (at: number | string) =>
  new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(at));

export const humanize = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, " ");
