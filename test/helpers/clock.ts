/** A clock tests move by hand: pass `clock.now` to startTestApp. */
export function testClock(start: string | number) {
  let current = typeof start === "number" ? start : Date.parse(start);
  return {
    now: () => new Date(current),
    set(at: string | number) {
      current = typeof at === "number" ? at : Date.parse(at);
    },
    advance(ms: number) {
      current += ms;
    },
    get ms() {
      return current;
    },
  };
}
