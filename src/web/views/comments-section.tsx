/** @module The comments section's frame: the count and an empty state (threads and the form come later). */

export function CommentsSection({ count }: { count: number }) {
  return (
    <section id="comments" class="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments ({count})</h2>
      {count === 0 ? (
        <p class="empty">No comments yet.</p>
      ) : (
        <p class="empty">Comments will be shown here soon.</p>
      )}
    </section>
  );
}
