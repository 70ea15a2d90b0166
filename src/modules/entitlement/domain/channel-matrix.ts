import type { BusinessCalendar } from "../../calendar/domain/index.ts";
import { isWrittenChannel } from "../../tier/domain/index.ts";
import { calendarOf } from "./response-promise.ts";
import type { ChannelAvailability, TierSpec } from "./types.ts";

/** Every channel of the tier at `at`: open or not, when it opens next, in which languages. */
export function channelMatrix(tier: TierSpec, at: number, calendars: ReadonlyMap<string, BusinessCalendar>): ChannelAvailability[] {
  return tier.channels.map((channel) => {
    const calendar = calendarOf(calendars, channel.calendarId);
    return {
      channel: channel.channel,
      calendarId: channel.calendarId,
      open: calendar.isOpen(at),
      nextOpeningAt: calendar.nextOpening(at),
      languages: channel.languages,
      pinRequired: channel.pinRequired,
      written: isWrittenChannel(channel.channel),
    };
  });
}
