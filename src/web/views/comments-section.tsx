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
}

export function CommentsSection({ count, thread, form, articlePath }: CommentsSectionProps) {
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments ({count})</h2>
      <CommentThread comments={thread} replyBase={form ? articlePath : null} />
      {form ? <CommentForm {...form} /> : <p class="closed note">Comments are closed.</p>}
    </section>
  );
}
