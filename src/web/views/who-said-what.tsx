/**
 * @module Who said what: a statement (a quotation in <q>, a paraphrase said to be one in words), an
 * article's sources with their statements, and a story's comparison of what each outlet attributes to
 * each source.
 */
import type {
  ComparedSpeaker,
  SpeakerStatements,
  SpeakerView,
  StatementView,
} from "../presenters/statements.ts";
import { Time } from "./time.tsx";

/** "said: “…”" or "said (paraphrase): …": the verb, then the words, marked as quote or paraphrase. */
export function Statement({ s }: { s: StatementView }) {
  return (
    <>
      <span class="statement-verb">{s.verb}</span>
      {s.quote ? (
        <>
          {": "}
          <q class="statement-text" lang={s.lang ?? undefined} dir={s.dir ?? "auto"}>
            {s.text}
          </q>
        </>
      ) : (
        <>
          {" "}
          <span class="statement-kind">(paraphrase)</span>
          {": "}
          <span class="statement-text" lang={s.lang ?? undefined} dir={s.dir ?? "auto"}>
            {s.text}
          </span>
        </>
      )}
    </>
  );
}

/** The source's name (linked to their page when they have one) and affiliation. */
export function SpeakerName({ speaker }: { speaker: SpeakerView }) {
  return (
    <>
      {speaker.path ? (
        <a class="speaker-name" href={speaker.path}>
          <bdi>{speaker.name}</bdi>
        </a>
      ) : (
        <bdi class="speaker-name">{speaker.name}</bdi>
      )}
      {speaker.affiliation ? (
        <span class="speaker-affiliation">
          , <bdi>{speaker.affiliation}</bdi>
        </span>
      ) : null}
    </>
  );
}

/** An article's sources, each once in order of first statement, with what they said. Nothing when none. */
export function WhoSaidWhat({ groups }: { groups: readonly SpeakerStatements[] }) {
  if (groups.length === 0) return null;
  return (
    <section class="who-said-what" aria-labelledby="who-said-what-heading">
      <h2 id="who-said-what-heading">Who said what</h2>
      <ul class="speakers">
        {groups.map((g) => (
          <li key={g.speaker.key} class="speaker">
            <h3 class="speaker-heading">
              <SpeakerName speaker={g.speaker} />
            </h3>
            <ul class="statements">
              {g.statements.map((s) => (
                <li
                  key={s.id}
                  id={`statement-${s.id}`}
                  class={`statement statement-${s.quote ? "quote" : "paraphrase"}`}
                >
                  <Statement s={s} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A story's comparison: each source, then each outlet's reports and what they attribute to the source. */
export function StoryStatements({ compared }: { compared: readonly ComparedSpeaker[] }) {
  if (compared.length === 0) return null;
  return (
    <section class="who-said-what story-statements" aria-labelledby="story-statements-heading">
      <h2 id="story-statements-heading">Who said what across outlets</h2>
      <p class="note">What each outlet's reports attribute to each source, to compare.</p>
      {compared.map((c, i) => (
        <section key={c.speaker.key} class="compared-speaker" aria-labelledby={`speaker-${i}`}>
          <h3 id={`speaker-${i}`} class="speaker-heading">
            <SpeakerName speaker={c.speaker} />{" "}
            <span class="meta">({c.outlets.length === 1 ? "1 outlet" : `${c.outlets.length} outlets`})</span>
          </h3>
          <dl class="outlet-statements">
            {c.outlets.map((o) => (
              <div key={o.sourceId} class="outlet-statement">
                <dt>
                  <a href={o.outletPath}>
                    <bdi>{o.outletName}</bdi>
                  </a>
                </dt>
                <dd>
                  {o.reports.map((r) => (
                    <div key={r.id} class="compared-report">
                      <ul class="statements">
                        {r.statements.map((s) => (
                          <li key={s.id} class="statement">
                            <Statement s={s} />
                          </li>
                        ))}
                      </ul>
                      <p class="meta">
                        In <a href={r.path}>{r.title}</a>, <Time iso={r.at.iso} display={r.at.display} />
                      </p>
                    </div>
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </section>
  );
}
