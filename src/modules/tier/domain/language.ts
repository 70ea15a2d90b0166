import { language } from "../../account/domain/index.ts";

export { language };

/** A request in "de-AT" is served by a channel staffed in "de" (and vice versa): primary subtags match. */
export function speaks(languages: readonly string[], requested: string): boolean {
  const primary = (tag: string) => tag.split("-")[0]!.toLowerCase();
  return languages.some((offered) => primary(offered) === primary(requested));
}
