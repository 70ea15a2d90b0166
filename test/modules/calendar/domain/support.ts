import { DateTime } from "luxon";
import { expect } from "vitest";
import { DomainError } from "../../../../src/domain/errors.ts";

/** An ISO instant with offset → epoch ms. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad ISO instant in test table: ${iso}`);
  return ms;
}

/** epoch ms → ISO with the zone's offset, seconds always shown, milliseconds when present. */
export function show(ms: number | null, zone: string): string | null {
  return ms === null ? null : DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
}

export function expectDomainError(run: () => unknown, code: string, field?: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, "expected a DomainError").toBeInstanceOf(DomainError);
  const error = caught as DomainError;
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
}

/** A ValidationError for `field` whose message names the field, as the API promises. */
export function expectValidationError(run: () => unknown, field: string): void {
  expectDomainError(run, "VALIDATION", field);
  expect(() => run()).toThrow(field);
}
