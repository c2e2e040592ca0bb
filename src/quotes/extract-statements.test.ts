/**
 * @module Who said what, one behaviour class per test (issue 13 and the rules in
 * ../shared/datasets/stories-dev/SCHEMA.md). Every sentence here is written for these tests.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { extractStatements, type Statement } from "./extract-statements.ts";
import { nameRuns } from "./names.ts";

const run = (body: string, outlet = "The Harbour Gazette") => extractStatements({ body, outlet });
const brief = (s: Statement) => [s.kind, s.source, s.statement];

describe("direct quotes", () => {
  test("every quotation style, with the speaker after the quote", () => {
    for (const [open, close] of [
      ['"', '"'],
      ["“", "”"],
      ["‘", "’"],
      ["«", "»"],
      ["„", "“"],
    ]) {
      const body = `Mayor Tilda Brandt opened the bridge.\n\n${open}It took nine years, but it is finally done,${close} Brandt said.`;
      const [s] = run(body);
      assert.deepEqual(
        s && brief(s),
        ["direct", "Tilda Brandt", "It took nine years, but it is finally done,"],
        open,
      );
      assert.equal(body.slice(s?.start, s?.end), s?.statement);
    }
  });

  test("German, French and Spanish copy: the speaker after the verb", () => {
    assert.deepEqual(run("„Wir bauen weiter“, sagte Bürgermeisterin Lena Voss.").map(brief), [
      ["direct", "Lena Voss", "Wir bauen weiter"],
    ]);
    assert.deepEqual(run("« Le pont tiendra », a déclaré l'ingénieur Marc Delorme.").map(brief), [
      ["direct", "Marc Delorme", "Le pont tiendra"],
    ]);
    assert.deepEqual(run("«El puente aguantará», dijo la ingeniera Rosa Vidal.").map(brief), [
      ["direct", "Rosa Vidal", "El puente aguantará"],
    ]);
  });

  test("a quote interrupted by its attribution gives two statements by the same source", () => {
    const list = run(
      "“We are not closing,” the bakery’s owner, Ines Morrow, said, “we are moving two streets away.”",
    );
    assert.deepEqual(list.map(brief), [
      ["direct", "Ines Morrow", "We are not closing,"],
      ["direct", "Ines Morrow", "we are moving two streets away."],
    ]);
  });

  test("a quote over several paragraphs is one statement, with the break and the re-opening mark", () => {
    const body =
      "Coach Pavel Duric was blunt.\n\n“We lost the game in the first ten minutes. Nobody was ready.\n\n“I take the blame for that,” Duric said.";
    const [s] = run(body);
    assert.equal(s?.kind, "direct");
    assert.equal(s?.source, "Pavel Duric");
    assert.equal(
      s?.statement,
      "We lost the game in the first ten minutes. Nobody was ready.\n\n“I take the blame for that,",
    );
  });

  test("the next quotation of a speaker without its own attribution continues that speaker", () => {
    const list = run("“The roof held,” said engineer Omar Sadik. “The walls did not.”");
    assert.deepEqual(list.map(brief), [
      ["direct", "Omar Sadik", "The roof held,"],
      ["direct", "Omar Sadik", "The walls did not."],
    ]);
  });

  test("a speaker's colon introduces the quote, also in the next paragraph", () => {
    assert.deepEqual(run("The harbourmaster, Jonas Eng, said: “No ship leaves tonight.”").map(brief), [
      ["direct", "Jonas Eng", "No ship leaves tonight."],
    ]);
  });

  test("a quoted fragment that ends the reported clause is a direct partial quote", () => {
    assert.deepEqual(run("Councillor Aiden Roe called the plan “a gift to developers”.").map(brief), [
      ["direct", "Aiden Roe", "a gift to developers"],
    ]);
    assert.deepEqual(
      run("Councillor Aiden Roe said the vote had been “rushed through at midnight”.").map(brief),
      [["direct", "Aiden Roe", "rushed through at midnight"]],
    );
  });

  test("a quoted fragment inside a longer clause leaves the statement indirect, marks kept", () => {
    assert.deepEqual(
      run("Councillor Aiden Roe said the vote had been “rushed” and should be held again in May.").map(brief),
      [["indirect", "Aiden Roe", "the vote had been “rushed” and should be held again in May"]],
    );
  });
});

describe("reported speech", () => {
  test("X said P, with and without 'that', and the span leaves out the verb, 'that' and the full stop", () => {
    assert.deepEqual(run("The port authority said that the north quay would reopen on Friday.").map(brief), [
      ["indirect", "The port authority", "the north quay would reopen on Friday"],
    ]);
    assert.deepEqual(run("Ferry operator Bluewake said crossings were running an hour late.").map(brief), [
      ["indirect", "Bluewake", "crossings were running an hour late"],
    ]);
  });

  test("sentence-final attribution in both orders: 'P, X said' and 'P, said X'", () => {
    assert.deepEqual(run("The bridge will stay shut until March, the county council said.").map(brief), [
      ["indirect", "the county council", "The bridge will stay shut until March"],
    ]);
    assert.deepEqual(
      run("The bridge will stay shut until March, said council leader Maya Okoro.").map(brief),
      [["indirect", "Maya Okoro", "The bridge will stay shut until March"]],
    );
  });

  test("an inverted attribution in non-native copy: the time is skipped, the name in apposition is the source", () => {
    assert.deepEqual(
      run(
        "The harbour will reopen in May, has declared this Tuesday the director of the port, Lluís Ferrer.",
      ).map(brief),
      [["indirect", "Lluís Ferrer", "The harbour will reopen in May"]],
    );
  });

  test("a listener after 'told' is not part of the statement", () => {
    assert.deepEqual(
      run("Inspector Rhys Calder told reporters the van had been stolen on Tuesday.").map(brief),
      [["indirect", "Rhys Calder", "the van had been stolen on Tuesday"]],
    );
  });

  test("denials with a clause or a gerund", () => {
    assert.deepEqual(run("The contractor denied that the scaffolding had been overloaded.").map(brief), [
      ["indirect", "The contractor", "the scaffolding had been overloaded"],
    ]);
    assert.equal(run("The contractor denied any wrongdoing.").length, 0);
  });

  test("two reported clauses joined by 'and' are two statements", () => {
    const list = run("The fire brigade said two crews were still on site and the road would reopen by noon.");
    assert.deepEqual(list.map(brief), [
      ["indirect", "The fire brigade", "two crews were still on site"],
      ["indirect", "The fire brigade", "the road would reopen by noon"],
    ]);
  });

  test("'adding that' continues with a second statement by the same source", () => {
    const list = run("The club said the match would go ahead, adding that fans should arrive early.");
    assert.deepEqual(list.map(brief), [
      ["indirect", "The club", "the match would go ahead"],
      ["indirect", "The club", "fans should arrive early"],
    ]);
  });

  test("state-agency passives with an agent", () => {
    assert.deepEqual(
      run("It was stressed by the Minister of Energy, Mr. Oleg Varsk, that the grid is fully stable.").map(
        brief,
      ),
      [["indirect", "Oleg Varsk", "the grid is fully stable"]],
    );
  });

  test("according to X, in both orders", () => {
    assert.deepEqual(
      run("According to the weather service, the storm will reach the coast by evening.").map(brief),
      [["according_to", "the weather service", "the storm will reach the coast by evening"]],
    );
    assert.deepEqual(
      run("The storm will reach the coast by evening, according to the weather service.").map(brief),
      [["according_to", "the weather service", "The storm will reach the coast by evening"]],
    );
  });
});

describe("where the source sits", () => {
  test("a relative 'who said' gives the name it refers to, and the main clause keeps its own statement", () => {
    const list = run(
      "Dana Holt, who said the depot was unsafe, told the inquiry she had warned her manager twice.",
    );
    assert.deepEqual(list.map(brief), [
      ["indirect", "Dana Holt", "the depot was unsafe"],
      ["indirect", "Dana Holt", "she had warned her manager twice"],
    ]);
  });

  test("'did X and said P' shares the sentence's subject", () => {
    assert.deepEqual(
      run("Senator Ruth Vale left the hearing early and said the bill would fail.").map(brief),
      [["indirect", "Ruth Vale", "the bill would fail"]],
    );
  });

  test("an attribution in the middle of its statement", () => {
    assert.deepEqual(run("The new line, the mayor said, will open in spring.").map(brief), [
      ["indirect", "the mayor", "will open in spring"],
    ]);
  });

  test("a state-agency passive after a quotation, and offices named by what they are", () => {
    const body =
      "President Ivo Marek opened the plant.\n\n“Our industry is growing,” it was stressed by the Head of State.";
    assert.deepEqual(run(body).map(brief), [["direct", "Ivo Marek", "Our industry is growing,"]]);
  });

  test("a pronoun means the paragraph's subject rather than a name mentioned after it", () => {
    const body = "Judge Ada Brook sentenced Tom Reece to six years. “You betrayed the town,” she told him.";
    assert.equal(run(body)[0]?.source, "Ada Brook");
  });
});

describe("nesting", () => {
  test("an outlet that only carries a speaker's words is not recorded beside the speaker", () => {
    const list = run("Governor Ilse Marrow said the dam was safe, according to the news agency Nordpress.");
    assert.deepEqual(list.map(brief), [["indirect", "Ilse Marrow", "the dam was safe"]]);
  });

  test("an outlet's report whose content is an event is recorded, with the quote inside it", () => {
    const list = run("Marrow called the inspection “a formality”, Nordpress reported.");
    assert.deepEqual(list.map(brief), [
      ["indirect", "Nordpress", "Marrow called the inspection “a formality”"],
      ["direct", "Marrow", "a formality"],
    ]);
  });

  test("a document's account of someone's words is recorded for both", () => {
    const list = run(
      "Engineers warned that the cables were corroded, according to a report seen by the Gazette.",
    );
    assert.deepEqual(list.map(brief), [
      ["according_to", "a report seen by the Gazette", "Engineers warned that the cables were corroded"],
      ["indirect", "Engineers", "the cables were corroded"],
    ]);
  });
});

describe("sources", () => {
  test("pronouns, surnames and titles resolve to the person named earlier", () => {
    const body =
      "Transport Minister Carla Jenssen visited the depot on Monday.\n\n" +
      "She said the new trams would arrive in June. Jenssen added that fares would not rise. " +
      "The minister said the depot would hire forty drivers.";
    assert.deepEqual(
      run(body).map((s) => s.source),
      ["Carla Jenssen", "Carla Jenssen", "Carla Jenssen"],
    );
  });

  test("a spokesperson speaks for their organisation; a named one is the person, with the affiliation", () => {
    const body =
      "The Ministry of Water said reserves were low. A ministry spokeswoman said rationing was not planned.";
    assert.deepEqual(
      run(body).map((s) => s.source),
      ["Ministry of Water", "Ministry of Water"],
    );
    const named = run("The ministry's spokesman, Tomas Reyl, said rationing was not planned.")[0];
    assert.equal(named?.source, "Tomas Reyl");
  });

  test("the body a person speaks for is their affiliation, also on later pronouns", () => {
    const list = run(
      "Harbour Rail boss Ines Olsen said fares would rise. “We have no choice,” she said. Tom Weller, an analyst at Brightwater Capital, said demand was weak.",
    );
    assert.deepEqual(
      list.map((s) => [s.source, s.affiliation]),
      [
        ["Ines Olsen", "Harbour Rail"],
        ["Ines Olsen", "Harbour Rail"],
        ["Tom Weller", "Brightwater Capital"],
      ],
    );
  });

  test("the outlet's own sourcing", () => {
    const [s] = run(
      "The Gazette understands that the sale will be announced next week.",
      "The Harbour Gazette",
    );
    assert.equal(s?.source, "The Harbour Gazette (own sources)");
    assert.equal(s?.statement, "the sale will be announced next week");
    // The outlet's own opinion is not an attribution.
    assert.equal(run("The Gazette says: fix the bridge now!", "The Harbour Gazette").length, 0);
  });

  test("deliberately unnamed sources are anonymous, by their role", () => {
    const [s] = run(
      "A port official, who asked not to be named because talks are continuing, said the strike would end on Friday.",
    );
    assert.equal(s?.anonymous, true);
    assert.equal(s?.source, "port official");
    assert.equal(s?.statement, "the strike would end on Friday");
  });
});

describe("not statements", () => {
  test("scare quotes, nicknames, titles of works, slogans, chants, signs and handles", () => {
    const body =
      "The so-called “Harbour Five” refused to leave. Locals have dubbed the new tower “the Needle”. " +
      "Her first novel, “Salt and Iron”, sold well. The party campaigned under the slogan “Homes First”. " +
      "Fans chanted “Stand up for the Reds” all afternoon. Protesters carried placards reading “Hands off our library”. " +
      "Follow the council at @HarbourCouncil for updates. The plan was described by critics as a “quick fix” in the past.";
    assert.deepEqual(run(body).map(brief), []);
  });

  test("requests and refusals without content", () => {
    const body =
      "The mayor urged people to stay home. The developer declined to comment. " +
      "The union called for the manager’s resignation. The zoo announced the birth of a giraffe. " +
      "Residents were told to keep their windows closed.";
    assert.deepEqual(run(body).map(brief), []);
  });

  test("advice given as a clause is a statement", () => {
    assert.deepEqual(
      run("Doctors said people with asthma should keep their inhalers with them.").map(brief),
      [["indirect", "Doctors", "people with asthma should keep their inhalers with them"]],
    );
  });
});

test("offsets index the text exactly, and the same input gives the same statements", () => {
  const body = "“It is over,” said Rana Qadir. The league said the final would be replayed.";
  const a = run(body);
  for (const s of a) assert.equal(body.slice(s.start, s.end), s.statement);
  assert.deepEqual(run(body), a);
});

test("odd pages stay fast: thousands of quotations in one sentence, endless commas, no punctuation, one huge paragraph of speakers", () => {
  // Each was quadratic or worse before its bound (bench/README.md); a page of ingest must never stall.
  const people = Array.from(
    { length: 4000 },
    (_, i) => `Acme${i % 50} boss Jo Ray${i} said it was fine. "Yes," he said.`,
  );
  const inputs = [
    '"a" '.repeat(20_000),
    `${"a, ".repeat(30_000)} said the man.`,
    "word ".repeat(50_000),
    people.join(" "),
  ];
  for (const body of inputs) {
    const t0 = performance.now();
    extractStatements({ body });
    assert.ok(
      performance.now() - t0 < 5_000,
      `${body.slice(0, 12)}... took ${Math.round(performance.now() - t0)} ms`,
    );
  }
});

describe("inverted attributions with a clause after the source", () => {
  test("a reason after an unnamed source ends the source, not the statement", () => {
    const body =
      "The harbour dues will double next year, said a port official who spoke on condition of anonymity because the budget is not yet public.";
    const [s] = run(body);
    assert.deepEqual(s && brief(s), ["indirect", "port official", "The harbour dues will double next year"]);
    assert.equal(s?.anonymous, true);
  });
});

describe("a judgement quoted inside an agency's report", () => {
  test("'X praised Y as \"Q,\" the agency reported' is the agency's clause and X's quoted words", () => {
    const body = 'Kim praised the dockers as "the pride of the port," the news agency Vostra reported.';
    const found = run(body).map(brief);
    assert.deepEqual(found, [
      ["indirect", "Vostra", 'Kim praised the dockers as "the pride of the port,"'],
      ["direct", "Kim", "the pride of the port,"],
    ]);
  });
});

describe("a body introduced by a description", () => {
  test("'the agency' stands for the news agency the text named before", () => {
    const body =
      'The state news agency Vostra said the launch had succeeded. Kim praised the dockers as "the pride of the port," the agency reported.';
    assert.deepEqual(
      run(body).map((s) => s.source),
      ["Vostra", "Vostra", "Kim"],
    );
  });
});

describe("a news agency named before is a channel", () => {
  test("'Kim said P, according to Vostra' is Kim's alone when Vostra was introduced as a news agency", () => {
    const body =
      "The state news agency Vostra said the launch had succeeded. Chairman Kim said the port would reopen, according to Vostra.";
    assert.deepEqual(run(body).map(brief), [
      ["indirect", "Vostra", "the launch had succeeded"],
      ["indirect", "Kim", "the port would reopen"],
    ]);
  });
});

describe("listeners with a possessive", () => {
  test("'told the country's parliament that P': the listener is not part of P", () => {
    const [s] = run("Minister Ada Voss told the country’s parliament that the port would reopen.");
    assert.deepEqual(s && [s.source, s.verb, s.statement], [
      "Ada Voss",
      "told the country’s parliament",
      "the port would reopen",
    ]);
  });
});

describe("named bodies are marked", () => {
  test("a source the article introduced as a body, or named as one, is flagged an organisation", () => {
    const body =
      "The state news agency Vostra said the launch had succeeded. The Foreign Ministry said talks would resume. Ada Voss said she was pleased. Velland's Foreign Intelligence Directorate told lawmakers the boats were ready.";
    assert.deepEqual(
      run(body).map((s) => [s.source, s.organisation ?? false]),
      [
        ["Vostra", true],
        ["Foreign Ministry", true],
        ["Ada Voss", false],
        ["Foreign Intelligence Directorate", true],
      ],
    );
  });
});

describe("a tail after a sentence-final verb", () => {
  test("a quotation after 'X wrote to his followers,' is the speaker's words, offsets exact", () => {
    const list = run(
      "Soon after the result came in, Ruth Okafor wrote to her 9,000 followers, “The count is not over,” and shared a link to her page.",
    );
    assert.deepEqual(list.map(brief), [["direct", "Ruth Okafor", "The count is not over,"]]);
  });

  test("'P, X said on Monday, adding that Q': the added clause starts after the tail", () => {
    const list = run("The depot will close, the council said on Monday, adding that 40 jobs would go.");
    assert.deepEqual(list.map(brief), [
      ["indirect", "the council", "The depot will close"],
      ["indirect", "the council", "40 jobs would go"],
    ]);
    for (const s of list) assert.equal(s.statement.startsWith(","), false);
  });
});

describe("reported clauses with a bare present verb", () => {
  test("'they welcome', 'parents still want': a plural or first-person subject and its verb make a clause", () => {
    assert.deepEqual(run("Local traders said they welcome the new market hall.").map(brief), [
      ["indirect", "Local traders", "they welcome the new market hall"],
    ]);
    assert.deepEqual(
      run("Councillor Amir Haddad said parents still want a school in the village.").map(brief),
      [["indirect", "Amir Haddad", "parents still want a school in the village"]],
    );
  });

  test("a noun phrase after the verb is still no statement", () => {
    assert.deepEqual(run("The council said goodbye to workers at the old depot.").map(brief), []);
    assert.deepEqual(run("The mayor confirmed support for the new depot.").map(brief), []);
  });
});

describe("openers before the source", () => {
  test("a participle or adjective before the subject is not part of the source", () => {
    assert.deepEqual(run("Frustrated, Dana Holt said the depot was unsafe.").map(brief), [
      ["indirect", "Dana Holt", "the depot was unsafe"],
    ]);
    assert.deepEqual(run("Lashing out at the board, Holt said the depot was unsafe.").map(brief), [
      ["indirect", "Holt", "the depot was unsafe"],
    ]);
  });

  test("'said that because P, Q': a subordinate clause may open a 'that' clause", () => {
    assert.deepEqual(run("Holt said that because the exits were chained, nobody could leave.").map(brief), [
      ["indirect", "Holt", "because the exits were chained, nobody could leave"],
    ]);
  });
});

describe("dotted acronyms", () => {
  test("'in the U.S. He says': the acronym ends the sentence, and 'S. He' is no name", () => {
    const list = run("Omar Lund says the plan has worked in the U.S. He says it will not work here.");
    assert.deepEqual(
      list.map((s) => s.source),
      ["Omar Lund", "Omar Lund"],
    );
    assert.equal(list[1]?.statement, "it will not work here");
  });
});

describe("verb forms that are nouns or infinitives", () => {
  test("after an article, a possessive or 'to' a reporting form is no verb", () => {
    assert.deepEqual(run("The added security in Stellmouth brought controversy as well.").map(brief), []);
    assert.deepEqual(run("Her remarks came the day after the vote was held.").map(brief), []);
    assert.deepEqual(
      run("A good way to understand the change is to ask the people who run it.").map(brief),
      [],
    );
    assert.deepEqual(run("The other states voting on Tuesday are Quillon and Fenmoor.").map(brief), []);
  });

  test("a contracted 'has' is still a verb, and 'contrary to X's claims' opens the sentence", () => {
    assert.deepEqual(
      run("He's said the depot was unsafe for years.").map((s) => s.statement),
      ["the depot was unsafe for years"],
    );
    assert.deepEqual(
      run("Contrary to Pike's claims, prosecutors say he never paid the money back.").map(brief),
      [["indirect", "prosecutors", "he never paid the money back"]],
    );
  });
});

describe("a speaker's name and a colon", () => {
  test("'Name: \"Q\"' gives the quotation to the name; a topic before a colon does not", () => {
    assert.deepEqual(run('The hearing went on. Councillor Ruth Calloway: "We were never told."').map(brief), [
      ["direct", "Ruth Calloway", "We were never told."],
    ]);
    assert.deepEqual(run('Its full title: "The Long Road to Wrayford"').map(brief), []);
    assert.deepEqual(run('The verdict of the inquiry into the fire: "Avoidable"').map(brief), []);
  });
});

describe("what comes before the subject", () => {
  test("a participle phrase before the subject of 'and said' is no source", () => {
    const [s] = run(
      "Walking to the next house, Betsy Morrow talked about her school days and said the village had changed.",
    );
    assert.deepEqual(s && brief(s), ["indirect", "Betsy Morrow", "the village had changed"]);
  });

  test("a sentence adverb before the source ('Recently, X said') is no part of it", () => {
    const [s] = run("Recently, Tom Aske of Fenmoor said he would vote for the Greens.");
    assert.equal(s?.source, "Tom Aske");
  });

  test("a name run stops at a full stop that ends a sentence ('the Harbour War. Despite')", () => {
    assert.deepEqual(
      nameRuns("changed by the Harbour War. Despite her upbringing, Gen. Ada Voss said").map((r) => r.text),
      ["Harbour War", "Gen. Ada Voss"],
    );
  });
});

describe("attributions in a subordinate clause", () => {
  test("'when X said P', 'because X said P': the source starts after the conjunction", () => {
    assert.deepEqual(run("The hall fell silent when the mayor said the plant would close.").map(brief), [
      ["indirect", "the mayor", "the plant would close"],
    ]);
    assert.deepEqual(run('The crowd cheered when Ada Voss said, "We are staying."').map(brief), [
      ["direct", "Ada Voss", "We are staying."],
    ]);
  });

  test("a reporting form that ends the sentence attributes nothing, and cuts nothing short", () => {
    assert.deepEqual(
      run(
        "Katrin Holm, an engineer, says the timing fits the point in the flight when the rocket passes through maximum aerodynamic stress.",
      ).map(brief),
      [
        [
          "indirect",
          "Katrin Holm",
          "the timing fits the point in the flight when the rocket passes through maximum aerodynamic stress",
        ],
      ],
    );
  });
});

describe("subordinate conjunctions inside a source's appositive", () => {
  test("'X, who has ruled since 2009, said P' keeps X; 'but those who ... might' is a second statement", () => {
    assert.deepEqual(run("Anatol Voss, 68, who has ruled since 2009, said the vote was fair.").map(brief), [
      ["indirect", "Anatol Voss", "the vote was fair"],
    ]);
    assert.deepEqual(
      run(
        "The insurers' association said most passengers were protected but those who booked flights directly might have to claim from their banks.",
      ).map((s) => s.statement),
      [
        "most passengers were protected",
        "those who booked flights directly might have to claim from their banks",
      ],
    );
  });
});
