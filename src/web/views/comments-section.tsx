/** @module The article's comments: the count, the nested thread, then "Leave a reply" (or "Comments are closed"). */
import type { CommentView } from "../comments/present-comments.ts";
import { CommentForm, type CommentFormProps } from "./comment-form.tsx";
import { CommentThread } from "./comment-thread.tsx";

export interface CommentsSectionProps {
  count: number;
  thread: CommentView[];
  /** The form's props; null when comments are closed on this article. */
  form: CommentFormProps | null;
  /** The article's path, for Reply links. */
  articlePath: string;
  /** "held": the reader's own comment was received and waits for a moderator. */
  notice?: "held" | null;
}

export function CommentsSection({ count, thread, form, articlePath, notice }: CommentsSectionProps) {
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments ({count})</h2>
      {/* Here, not atop the page: the post lands on #comments, and a notice out of sight looks like a lost comment. */}
      {notice === "held" ? (
        <div class="notice" role="status">
          <p>Thank you: your comment was received. It will appear here once a moderator has approved it.</p>
        </div>
      ) : null}
      <CommentThread comments={thread} replyBase={form ? articlePath : null} />
      {form ? <CommentForm {...form} /> : <p class="closed note">Comments are closed.</p>}
    </section>
  );
}
