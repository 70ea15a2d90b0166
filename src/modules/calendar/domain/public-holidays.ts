import Holidays from "date-holidays";
import { parseLocalDate } from "./local-time.ts";

export interface PublicHoliday {
  /** epoch day */
  readonly day: number;
  readonly name: string;
}

const REGION = /^([A-Za-z]{2})(?:-([A-Za-z0-9]{1,4})(?:-([A-Za-z0-9]{1,6}))?)?$/;

// date-holidays parses its rule data per instance; one instance per region serves every calendar.
const generators = new Map<string, Holidays>();
const catalogue = new Holidays();

/**
 * `country[-state[-region]]` spelled as date-holidays knows it (`de-by` → `DE-BY`), or null for
 * an unknown code. date-holidays itself silently falls back to the country for an unknown state,
 * so each level is looked up in its catalogue.
 */
export function canonicalRegion(code: unknown): string | null {
  if (typeof code !== "string") return null;
  const match = REGION.exec(code);
  if (!match) return null;
  const country = findKey(catalogue.getCountries(), match[1]);
  if (country === undefined || match[2] === undefined) return country ?? null;
  const state = findKey(catalogue.getStates(country), match[2]);
  if (state === undefined || match[3] === undefined) return state === undefined ? null : `${country}-${state}`;
  const region = findKey(catalogue.getRegions(country, state), match[3]);
  return region === undefined ? null : `${country}-${state}-${region}`;
}

/** Holidays of type "public" of a canonical region in one year, by local date. */
export function publicHolidays(region: string, year: number): PublicHoliday[] {
  const result: PublicHoliday[] = [];
  for (const holiday of generator(region).getHolidays(year)) {
    if (holiday.type !== "public") continue;
    const day = parseLocalDate(holiday.date.slice(0, 10));
    if (day !== null) result.push({ day, name: holiday.name });
  }
  return result;
}

function generator(region: string): Holidays {
  let holidays = generators.get(region);
  if (!holidays) {
    const [country = "", state = "", subRegion = ""] = region.split("-");
    // asking for public holidays only skips computing observances and is ~8× faster
    holidays = new Holidays({ country, state, region: subRegion }, { types: ["public"] });
    generators.set(region, holidays);
  }
  return holidays;
}

function findKey(map: Record<string, string> | undefined, key: string | undefined): string | undefined {
  const wanted = key?.toUpperCase();
  return map === undefined ? undefined : Object.keys(map).find((candidate) => candidate.toUpperCase() === wanted);
}
