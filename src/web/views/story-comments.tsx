/**
 * @module A story's comments: the threads of every report that has some, each under its outlet, then
 * "Leave a reply" posting to the story's lead report (comments belong to an article, so a story's
 * discussion is its reports' discussions together).
 */
import type { CommentView } from "../comments/present-comments.ts";
import { CommentForm, type CommentFormProps } from "./comment-form.tsx";
import { CommentThread } from "./comment-thread.tsx";

export interface StoryThread {
  articlePath: string;
  articleTitle: string;
  sourceName: string;
  comments: CommentView[];
  /** Replies open on this report (it is not closed). */
  open: boolean;
}

export interface StoryCommentsProps {
  count: number;
  threads: StoryThread[];
  /** The form for the lead report, or null when comments are closed on it. */
  form: CommentFormProps | null;
  /** Where a comment posted here appears. */
  leadSourceName: string;
}

export function StoryComments({ count, threads, form, leadSourceName }: StoryCommentsProps) {
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments ({count})</h2>
      {threads.map((t) => (
        <section key={t.articlePath} aria-label={`Comments on ${t.sourceName}'s report`}>
          <h3>
            On <a href={`${t.articlePath}#comments`}>{t.articleTitle}</a> (<bdi>{t.sourceName}</bdi>)
          </h3>
          <CommentThread comments={t.comments} replyBase={t.open ? t.articlePath : null} />
        </section>
      ))}
      {form ? (
        <>
          <p class="note">
            Your comment will appear with <bdi>{leadSourceName}</bdi>'s report, and here.
          </p>
          <CommentForm {...form} />
        </>
      ) : (
        <p class="closed note">Comments are closed.</p>
      )}
    </section>
  );
}
