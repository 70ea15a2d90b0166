import type { IncomingMessage, ServerResponse } from "node:http";
import { closuresToICalendar } from "../modules/calendar/domain/index.ts";
import type { Services } from "../modules/registry.ts";

const FEED_PATH = /^\/calendars\/([^/]{1,100})\.ics$/;

/**
 * GET /calendars/<feed secret>.ics: the closures of a stored calendar from last year to two years
 * ahead. Like a shared calendar app feed, the unguessable secret in the URL is the credential (staff
 * read it as `icsPath` and rotate it with calendarFeedRotate); anything else is 404.
 */
export async function serveCalendarFeed(req: IncomingMessage, res: ServerResponse, services: Services, now: Date): Promise<boolean> {
  const match = req.method === "GET" ? FEED_PATH.exec(new URL(req.url ?? "/", "http://x").pathname) : null;
  if (!match) return false;
  const calendar = await services.calendars.byFeedToken(match[1]!);
  if (!calendar) {
    res.writeHead(404, { "content-type": "text/plain" }).end("No such calendar feed\n");
    return true;
  }
  const year = now.getUTCFullYear();
  const closures = calendar.engine.holidays(`${year - 1}-01-01`, `${year + 2}-12-31`);
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  res
    .writeHead(200, { "content-type": "text/calendar; charset=utf-8", "content-disposition": `inline; filename="${calendar.id}.ics"` })
    .end(closuresToICalendar({ id: calendar.id, name: calendar.definition.name }, closures, stamp));
  return true;
}
