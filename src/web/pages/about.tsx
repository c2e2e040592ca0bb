/** @module /about: what this site is, how it credits its sources, what a story is, and the promise about commenters' email. */

export function AboutPage({ siteTitle, description }: { siteTitle: string; description: string }) {
  return (
    <article class="prose">
      <h1>About {siteTitle}</h1>
      <p>{description}</p>
      <h2>Where the articles come from</h2>
      <p>
        {siteTitle} follows the news feeds of the outlets listed on the <a href="/sources">sources page</a>.
        Each article is shown with its headline, author, outlet and publication time, and ends with a Source
        box that names the outlet and links to the original. When the outlet has edited an article since, the
        page says when, and lists the headlines it had before.
      </p>
      <p>
        Where an outlet's terms allow only short quotations, this site shows an excerpt and a link to read the
        full article at the outlet. Search engines are pointed at the original article as the canonical
        version.
      </p>
      <h2>Stories</h2>
      <p>
        Articles about the same event from different outlets are grouped into stories automatically, as each
        arrives: by the words, names and numbers they share, and by time (a story takes new reports for 48
        hours after its first; later news is a story of its own). The grouping is made by software and can be
        wrong. An article that reprints another's text is marked as a copy of the earliest report. The front
        page shows stories, not single articles: each names the outlets covering it and links to its full
        coverage. A story page says who reported it first and when, lists every report grouped by outlet in
        time order, with a timeline, and names the outlets that republished a report's text under that report
        instead of listing the copy again. Lists and feeds show each text once.
      </p>
      <p>
        Where the operator of this site has labelled outlets by kind (wire agency, state media, newspaper and
        so on) and by country, a story page counts its coverage by those labels. The labels describe the
        outlets; this site does not rate them.
      </p>
      <h2>Who said what</h2>
      <p>
        Each article lists the people and bodies it quotes or paraphrases, with what it attributes to each:
        direct quotes marked as quotes, paraphrases marked as such, and sources the article leaves unnamed
        shown by their role. The statements are found by software in the article's text and can be wrong or
        incomplete; the article itself is what the outlet published. A story page compares what each outlet
        attributes to each source. A person's page lists their statements across articles, newest first, with
        its own feeds; people named only by surname in one article are matched to the one person of that name
        seen elsewhere, and otherwise kept apart.
      </p>
      <h2>Comments and your email address</h2>
      <p>
        When you comment, we ask for your email address so the moderators can reach you. It is never
        published, never shown to other readers and never shared. Your first comment appears after a moderator
        approves it. After that, your comments from the same browser appear at once (the browser keeps a small
        signed cookie saying it posted under your address; it holds no readable personal data), unless a spam
        check holds them; from another browser they wait for a moderator again.
      </p>
      <h2>Following this site</h2>
      <p>
        The latest articles are available as <a href="/feed.xml">RSS</a>, <a href="/feed.atom">Atom</a> and{" "}
        <a href="/feed.json">JSON Feed</a>; every source, topic and story page has its own feed.
      </p>
    </article>
  );
}
