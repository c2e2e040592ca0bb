/**
 * @module The article page, in the brief's order: headline, meta (with "Updated" and earlier headlines),
 * lead image, body, Source (with who published the text first, or who republished it), Also covered by,
 * Who said what, comments.
 */
import type { AlsoCoveredView } from "../presenters/also-covered.ts";
import type { ArticleView } from "../presenters/article.ts";
import type { NamedReport } from "../presenters/reprints.ts";
import type { SpeakerStatements } from "../presenters/statements.ts";
import type { TimeView } from "../presenters/story.ts";
import { AlsoCovered } from "../views/also-covered.tsx";
import { ArticleMeta } from "../views/article-meta.tsx";
import { CommentsSection, type CommentsSectionProps } from "../views/comments-section.tsx";
import { LeadImage } from "../views/lead-image.tsx";
import { SourceBlock } from "../views/source-block.tsx";
import { Time } from "../views/time.tsx";
import { TopicList } from "../views/topic-list.tsx";
import { WhoSaidWhat } from "../views/who-said-what.tsx";

export interface ArticlePageProps {
  article: ArticleView;
  /** The story's other outlets; null when no other outlet reported it. */
  alsoCovered: AlsoCoveredView | null;
  /** The article's sources with their statements; empty: no section. */
  whoSaidWhat: readonly SpeakerStatements[];
  /** The headlines the article had before its publisher changed them, oldest first. */
  earlierHeadlines: ReadonlyArray<{ title: string; until: TimeView }>;
  firstPublishedBy: NamedReport | null;
  republishedBy: readonly NamedReport[];
  topics: ReadonlyArray<{ slug: string; name: string }>;
  comments: CommentsSectionProps;
  /** "held": the reader's comment was received and waits for a moderator. */
  notice?: "held" | null;
}

/** The operator allows only an excerpt of this source: show it and send the reader to the outlet. */
function ExcerptBody({ article }: { article: ArticleView }) {
  return (
    <div class="article-body excerpt-only" dir={article.dir ? undefined : "auto"}>
      {article.excerpt ? <p>{article.excerpt}</p> : null}
      <p class="read-original">
        <a href={article.originalUrl} rel="noopener">
          Read the full article at {article.sourceName}
        </a>
      </p>
    </div>
  );
}

function EarlierHeadlines({ list }: { list: ArticlePageProps["earlierHeadlines"] }) {
  if (list.length === 0) return null;
  return (
    <details class="earlier-headlines">
      <summary>{list.length === 1 ? "Earlier headline" : "Earlier headlines"}</summary>
      <ol>
        {list.map((h) => (
          <li key={h.until.iso}>
            {h.title}{" "}
            <span class="meta" dir="ltr" lang="en">
              (until <Time iso={h.until.iso} display={h.until.display} />)
            </span>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function ArticlePage({
  article,
  alsoCovered,
  whoSaidWhat,
  earlierHeadlines,
  firstPublishedBy,
  republishedBy,
  topics,
  comments,
  notice,
}: ArticlePageProps) {
  const full = article.displayMode === "full";
  return (
    <>
      <article class="article" lang={article.lang ?? undefined} dir={article.dir ?? "auto"}>
        <header class="article-header">
          <h1>{article.title}</h1>
          <ArticleMeta article={article} withByline={true} linkOutlet={true} commentCount={comments.count} />
          <EarlierHeadlines list={earlierHeadlines} />
        </header>
        {/* An excerpt-only source's photos are theirs too: the page shows its words, not its pictures. */}
        {full && article.leadImage ? <LeadImage image={article.leadImage} /> : null}
        {full ? (
          // body_html was sanitized by sanitize/ before it was stored; lazyImages only added attributes.
          <div
            class="article-body"
            dir={article.dir ? undefined : "auto"}
            dangerouslySetInnerHTML={{ __html: article.bodyHtml }}
          />
        ) : (
          <ExcerptBody article={article} />
        )}
      </article>
      <SourceBlock article={article} firstPublishedBy={firstPublishedBy} republishedBy={republishedBy} />
      <AlsoCovered view={alsoCovered} />
      <WhoSaidWhat groups={whoSaidWhat} />
      <TopicList topics={topics} />
      <CommentsSection {...comments} notice={notice ?? null} />
    </>
  );
}
