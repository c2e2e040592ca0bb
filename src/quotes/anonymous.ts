/** @module Deliberately unnamed sources: "officials who spoke on condition of anonymity" → `anonymous officials`. */

/** Phrases by which an article says it withholds a source's name on purpose. */
export const ANONYMITY =
  /\b(?:on (?:the )?condition of anonymity|anonymously|(?:asked|requested|declined|did not want|didn't want|wished|preferred|refused|agreed|spoke) (?:me |us |Lantern |that )?(?:not )?(?:to )?(?:be )?(?:named|identified)|asked (?:me |us )?not to (?:use|give|publish) (?:their|his|her) (?:full )?names?|asked that (?:his|her|their) names? (?:not|never) be (?:published|used|given)|requested anonymity|not authori[sz]ed to (?:speak|comment)|(?:did not|didn't) want to give (?:his|her|their) names?|speaking on background)\b/iu;

/** The role words of an anonymous source: "a Haltmeier engineer who asked not to be named" → "Haltmeier engineer". */
export function anonymousRole(np: string): string {
  let s = np.replace(/,.*$/su, "").replace(/\s+(?:who|which|that|speaking|talking)\b.*$/su, "");
  s = s.replace(
    /^(?:one of (?:the|them|those)\s*|one\s+|a\s+|an\s+|the\s+|two\s+|three\s+|several\s+|some\s+|another\s+)/iu,
    "",
  );
  return s.trim();
}

/** Whether an attribution (its source phrase and the words around the verb) withholds the name on purpose. */
export function isAnonymous(text: string): boolean {
  return ANONYMITY.test(text);
}
