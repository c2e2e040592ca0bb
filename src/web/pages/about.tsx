/** @module /about: what this site is, how it credits its sources, and the promise about commenters' email. */

export function AboutPage({ siteTitle, description }: { siteTitle: string; description: string }) {
  return (
    <article class="prose">
      <h1>About {siteTitle}</h1>
      <p>{description}</p>
      <h2>Where the articles come from</h2>
      <p>
        {siteTitle} follows the news feeds of the outlets listed on the <a href="/sources">sources page</a>.
        Each article is shown with its headline, author, outlet and publication time, and ends with a Source
        box that names the outlet and links to the original. When several outlets report the same story, the
        article page lists the other versions under "Also covered by".
      </p>
      <p>
        Where an outlet's terms allow only short quotations, this site shows an excerpt and a link to read the
        full article at the outlet. Search engines are pointed at the original article as the canonical
        version.
      </p>
      <h2>Comments and your email address</h2>
      <p>
        When you comment, we ask for your email address so the moderators can reach you. It is never
        published, never shown to other readers and never shared. Comments appear after a moderator approves
        them.
      </p>
      <h2>Following this site</h2>
      <p>
        The latest articles are available as <a href="/feed.xml">RSS</a>, <a href="/feed.atom">Atom</a> and{" "}
        <a href="/feed.json">JSON Feed</a>; every source and topic page has its own feed.
      </p>
    </article>
  );
}
