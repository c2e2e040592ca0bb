/**
 * @module The phrases around a reporting verb: the listener of "told" ("told reporters in Merrowick"),
 * adverbials between the verb and its clause ("said on Monday that"), sentence openers that are not the
 * source ("On Monday, ..."), and the short tails a sentence-final attribution may carry.
 */

/** Listeners after "told", "assured", "informed": pronouns, groups, named outlets and bodies, "a news conference". */
export const LISTENER = new RegExp(
  String.raw`^\s+(?:(?:me|us|him|her|them|you|reporters|journalists|the press|parliament|lawmakers|legislators|MPs|senators|congress|investigators|police|officers|detectives|colleagues|friends|pals|workers|staff|employees|students|supporters|delegates|shareholders|investors|analysts|residents|voters|viewers|listeners|readers|the media|the court|the jury|the judge|the inquiry|the committee|the assembly|the house|the senate|the hearing|the meeting|the crowd|the audience|the station|the broadcaster|the newspaper|the paper|the agency)\b|` +
    String.raw`(?:(?:the|a|an|[a-z]+)\s+){0,3}\p{Lu}[\p{L}'’&.-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}'’&.-]*)*|` +
    String.raw`(?:the|a|an|its|his|her|their|our|(?:the\s+)?[\p{L}-]+['’]s)\s+(?:[a-z-]+\s+){0,2}(?:conference|committee|briefing|meeting|hearing|session|gathering|rally|crowd|audience|reporter|journalist|newspaper|paper|broadcaster|radio|channel|programme|program|station|agency|inquiry|court|panel|council|commission|assembly|parliament|tribunal|summit|forum|website|podcast|show))` +
    String.raw`(?:\s+(?:in|at|on)\s+(?:\p{Lu}[\p{L}-]*|\w+day))?`,
  "u",
);

/** Adverbials between a verb and its clause: "on Monday", "in a statement", "at a news conference in Torusk". */
export const ADVERBIAL = new RegExp(
  String.raw`^\s*,?\s*(?:on (?:the )?condition of anonymity|on background|speaking on condition of anonymity|on (?:\p{Lu}\w+(?: \d+)?|\w+day(?: (?:night|morning|evening|afternoon))?)|(?:late|early|earlier|later) (?:on )?\w+|` +
    String.raw`in (?:a|an|his|her|its|their|the|a joint) (?:[\w-]+ ){0,2}(?:statement|interview|speech|post|letter|briefing|tweet|email|note|release|report|address|video|message|filing|broadcast|submission|ruling|judgment|judgement|decision|blog|column|op-ed|appearance)(?: (?:on|to|with) (?:\p{Lu}[\w-]*(?: \p{Lu}[\w-]*)*|\w+day))?|` +
    String.raw`at (?:a|an|the) (?:[\w-]+ ){0,2}(?:conference|briefing|meeting|hearing|rally|event|summit|session|ceremony)(?: in \p{Lu}\w+)?|` +
    "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?: (?:morning|afternoon|evening|night))?|yesterday|today|tonight|this (?:week|month|year|morning|afternoon|evening)|last (?:week|month|year|night)|" +
    String.raw`again|repeatedly|privately|publicly|previously|separately|recently|afterwards|also|too|then|later|earlier|however|in (?:January|February|March|April|May|June|July|August|September|October|November|December)|in \p{Lu}\w+)\s*,?(?=\s)`,
  "u",
);

/** Openers of a sentence that come before its source: "On Monday,", "In a statement,", "However,". */
export const INTRO =
  /^(?:(?:but|and|so|yet|still|now|also)\b,?\s+)?(?:(?:on|in|at|after|before|during|since|following|from|with|without|by|for|under|speaking|asked|writing|earlier|later|meanwhile|however|separately|elsewhere|yesterday|today|instead|in turn|for (?:his|her|its|their) part|last|this|when|while|as|if|although|though|because|once|where|beyond|despite|given|unlike|like|amid|among|across|throughout|besides|indeed|of course|in fact|overall|ultimately|finally|first|second|third|even so|to wit|for example|for instance|still|yet|by contrast|contrary to|in response to|in contrast|recently|previously|additionally|notably|similarly|likewise|importantly|publicly|privately|initially|originally|personally|frankly|honestly|interestingly|ironically|predictably|typically|historically|traditionally|currently|lately|subsequently|consequently|fortunately|unfortunately|clearly|obviously|certainly|apparently|presumably|again|then)\b[^,]*,\s*)*/iu;

/** A participle or adjective opening a sentence before its subject: "Frustrated, Sanders said", "Lashing out, he said". */
export const PARTICIPLE_INTRO =
  /^\p{Lu}\p{Ll}{2,}(?:ed|ing)(?:\s+(?:out|up|back|off|by|with|about|on|over|to|at|in|from)\b[^,]{0,60})?,\s*(?=\p{Lu}|(?:he|she|they|we)\b)/u;

/** Words a source phrase's head may not hold: finite verbs mean the verb belongs to a clause, not to a source. */
export const CLAUSE_WORDS =
  /(?<![\p{L}'’-])(?:is|are|was|were|be|been|being|will|would|can|could|should|may|might|must|shall|did|does|do|if|whether|because|when|than|not|no longer|there|here|it's|that's)(?![\p{L}'’-])/iu;

/** Delimiters after which a new clause, with its own source, may start. */
export const CLAUSE_BREAK =
  /(?:,\s+(?:and|but|while|whereas|although|though|as|yet|so)\s+|;\s+|:\s+|\s+(?:but|while|whereas)\s+|—\s*|–\s+|\s-\s)/gu;

/** Subordinating conjunctions after which a source may start ("fell silent when the mayor said P"); tried
 *  only when the text before the verb is no source phrase ("Strezhev, who has ruled since 2009, said"). */
export const SUBORDINATE_BREAK = /\s+(?:when|because|since|until|although|though)\s+/gu;

/**
 * Where a reported clause stops early: a second attribution ("..., adding that ..."), "according to", the
 * writer's own aside after a dash ("... - but the so-called flights won't start until Wednesday") or an
 * evaluative "which" clause ("..., which is good news for ...").
 */
export const CONTENT_STOP =
  /,\s+(?:adding|saying|and added|and said|but added|before adding|noting|explaining|insisting|arguing|warning|stressing)\b|,?\s+according to\b|,\s+(?:he|she|they|it)\s+(?:said|says|added)\b|\s[-–—]\s+(?:but|and|yet|while|although|though|so)\s|,\s+which\s+(?:is|was|would be|will be|means|meant)\s+(?:good|bad|welcome|unwelcome|news|why|what|a\s)/u;

/** Follow-up verbs that carry a second statement by the same source. */
export const FOLLOW_UP =
  /^,\s+(?:and\s+|but\s+|before\s+)?(adding|saying|added|said|noting|explaining|insisting|arguing|warning|stressing)(?:\s+that)?\s+/u;
