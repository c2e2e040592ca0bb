/**
 * @module Stories to view models: which report names and illustrates a story (the stored choice, else
 * a fallback), who reported it first, the outlets covering it, and its lead sentence.
 */
import type { ArticleWithSource } from "../../storage/articles.ts";
import type { Story } from "../../storage/schema.ts";
import type { StoryMember } from "../../storage/story-reads.ts";
import { type ArticleView, formatDate, presentArticle } from "./article.ts";
import { articlePath, hostOf, sourcePath, storyPath } from "./paths.ts";
import { type ParsedLabels, parseSourceLabels } from "./source-labels.ts";

/** An outlet covering a story, in the order the outlets first reported it. */
export interface OutletView {
  sourceId: number;
  name: string;
  path: string;
  labels: ParsedLabels;
}

/** A time as the page prints it. */
export interface TimeView {
  iso: string;
  display: string;
}

export interface StoryCardView {
  id: number;
  title: string;
  /** The story page; a story of one report links straight to the report's page instead. */
  href: string;
  path: string;
  leadSentence: string | null;
  /** The representative report: its outlet and time are the card's meta line. */
  lead: ArticleView;
  /** The language and direction of the story's title: its lead report's when that report gave the title. */
  titleLang: string | null;
  titleDir: "rtl" | "ltr" | null;
  /** The picture that illustrates the story, from whichever report has one, with that report's outlet. */
  image: { image: NonNullable<ArticleView["leadImage"]>; sourceName: string } | null;
  firstReport: { sourceName: string; sourcePath: string; path: string; at: TimeView } | null;
  outlets: OutletView[];
  reportCount: number;
}

export function memberSourceName(m: Pick<StoryMember, "source_title" | "source_site_url" | "source_url">) {
  return m.source_title ?? hostOf(m.source_site_url ?? m.source_url);
}

/** The outlets of `members` (one story's, oldest first), each once, in the order they first reported. */
export function storyOutlets(members: readonly StoryMember[]): OutletView[] {
  const seen = new Map<number, OutletView>();
  for (const m of members) {
    if (seen.has(m.source_id)) continue;
    const name = memberSourceName(m);
    seen.set(m.source_id, {
      sourceId: m.source_id,
      name,
      path: sourcePath(m.source_id, name),
      labels: parseSourceLabels(m.source_labels),
    });
  }
  return [...seen.values()];
}

/**
 * The reports a story card shows: the one that names it (`lead_article_id`, else the first original)
 * and the one whose picture illustrates it (`image_article_id`, else the first report with a picture
 * its outlet lets us show). A stored id that is no longer a member falls back too.
 */
export function storyCardIds(
  story: Pick<Story, "lead_article_id" | "image_article_id" | "title">,
  members: readonly StoryMember[],
): { lead: number | null; image: number | null } {
  const byId = new Map(members.map((m) => [m.id, m]));
  const showable = (m: StoryMember | undefined) => m?.has_image && m.source_display_mode === "full";
  const lead =
    (story.lead_article_id !== null && byId.has(Number(story.lead_article_id))
      ? Number(story.lead_article_id)
      : null) ??
    // The report the story is named after (a new story takes its first article's headline).
    members.find((m) => m.near_duplicate_of === null && m.title === story.title)?.id ??
    members.find((m) => m.near_duplicate_of === null)?.id ??
    members[0]?.id ??
    null;
  const stored = story.image_article_id === null ? undefined : byId.get(Number(story.image_article_id));
  const image = showable(stored) ? (stored?.id ?? null) : (members.find(showable)?.id ?? null);
  return { lead, image };
}

const sentences = new Intl.Segmenter("en", { granularity: "sentence" });

/** The first sentence of `text` (all of it when it has one), trimmed; null for empty text. */
export function firstSentence(text: string | null | undefined): string | null {
  const clean = text?.replace(/\s+/g, " ").trim();
  if (!clean) return null;
  const first = sentences.segment(clean)[Symbol.iterator]().next().value?.segment.trim();
  return first || clean;
}

function timeView(iso: string): TimeView {
  return { iso, display: formatDate(iso) ?? iso };
}

/**
 * One story as a card. `members` are the story's own, oldest first; `cards` holds (at least) the rows
 * storyCardIds chose. Null when the story has no member to show (it emptied since it was listed).
 */
export function presentStoryCard(
  story: Story,
  members: readonly StoryMember[],
  cards: ReadonlyMap<number, ArticleWithSource>,
): StoryCardView | null {
  const ids = storyCardIds(story, members);
  const leadRow = ids.lead === null ? undefined : cards.get(ids.lead);
  if (!leadRow) return null;
  const lead = presentArticle(leadRow);
  const imageRow = ids.image === null ? undefined : cards.get(ids.image);
  const imageView = imageRow ? presentArticle(imageRow) : null;
  const byId = new Map(members.map((m) => [m.id, m]));
  const first =
    (story.first_article_id === null ? undefined : byId.get(Number(story.first_article_id))) ?? members[0];
  const firstName = first ? memberSourceName(first) : null;
  const path = storyPath(story.id, story.title);
  return {
    id: story.id,
    title: story.title,
    path,
    href: members.length > 1 ? path : lead.path,
    leadSentence: story.lead_sentence?.trim() || firstSentence(lead.excerpt),
    lead,
    titleLang: lead.title === story.title ? lead.lang : null,
    titleDir: lead.title === story.title ? lead.dir : null,
    image:
      imageView?.leadImage && imageView.displayMode === "full"
        ? { image: imageView.leadImage, sourceName: imageView.sourceName }
        : null,
    firstReport:
      first && firstName
        ? {
            sourceName: firstName,
            sourcePath: sourcePath(first.source_id, firstName),
            path: articlePath(first.id, first.title),
            at: timeView(first.sort_at),
          }
        : null,
    outlets: storyOutlets(members),
    reportCount: members.length,
  };
}

/** Groups members (of several stories) by story id, keeping their order. */
export function membersByStory(members: readonly StoryMember[]): Map<number, StoryMember[]> {
  const out = new Map<number, StoryMember[]>();
  for (const m of members) {
    const list = out.get(m.story_id) ?? [];
    list.push(m);
    out.set(m.story_id, list);
  }
  return out;
}

export { timeView };
