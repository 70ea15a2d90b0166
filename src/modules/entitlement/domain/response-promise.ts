import type { BusinessCalendar } from "../../calendar/domain/index.ts";
import { DomainError } from "../../../domain/errors.ts";
import { targetDueAt } from "../../sla/domain/index.ts";
import type { ResponsePromise, TierSpec } from "./types.ts";

/**
 * For each target of the tier, when the answer is due if a ticket were opened at `at`: the
 * amount added on the target's clock in its calendar (or the end of the Nth day it runs),
 * counted from the first moment that clock runs (the engine starts there by itself).
 */
export function responsePromise(tier: TierSpec, at: number, calendars: ReadonlyMap<string, BusinessCalendar>): ResponsePromise[] {
  return tier.targets.map((target) => {
    const engine = calendarOf(calendars, target.calendarId);
    return {
      ...target,
      endOfDay: target.endOfDay ?? false,
      clockStartsAt: untilNeverOpens(() => engine.addMillis(at, 0, target.clock)),
      dueAt: untilNeverOpens(() => targetDueAt(target, engine, at)),
    };
  });
}

export function calendarOf(calendars: ReadonlyMap<string, BusinessCalendar>, id: string): BusinessCalendar {
  const calendar = calendars.get(id);
  if (!calendar) throw new Error(`calendar ${id} was not loaded`);
  return calendar;
}

/** A calendar whose last opening has passed gives no instant rather than an error. */
export function untilNeverOpens(compute: () => number | null): number | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof DomainError && error.code === "CALENDAR_NEVER_OPENS") return null;
    throw error;
  }
}
