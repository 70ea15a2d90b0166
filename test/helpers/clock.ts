/** A clock the test moves by hand; hand `now` to startTestApp. */
export function testClock(start: string) {
  let current = new Date(start);
  return {
    now: () => current,
    set(instant: string) {
      current = new Date(instant);
    },
  };
}
