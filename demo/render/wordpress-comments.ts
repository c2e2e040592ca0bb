/** @module The WordPress-style comment thread and "Leave a Reply" form of The Harbor Herald. */
import { escapeHtml } from "./escape.ts";
import { fnv1a } from "./hash.ts";

const sampleComments = [
  { author: "Marta K.", text: "Thank you for the clear rundown. Sharing this with my neighbors." },
  {
    author: "Dale from Eastside",
    text: "Would be good to know what happens next. Please follow up on this one!",
  },
  { author: "R. Oyelowo", text: "Good reporting, as always. Subscribed again because of stories like this." },
];

function commentList(postId: number, publishedDate: string): string {
  const count = fnv1a(String(postId)) % 3;
  if (count === 0) return "";
  const items = sampleComments.slice(0, count).map(
    (c, i) => `<li id="comment-${postId * 10 + i}" class="comment even thread-even depth-1">
  <article id="div-comment-${postId * 10 + i}" class="comment-body">
    <footer class="comment-meta">
      <div class="comment-author vcard"><b class="fn">${escapeHtml(c.author)}</b> <span class="says">says:</span></div>
      <div class="comment-metadata"><a href="#comment-${postId * 10 + i}">${escapeHtml(publishedDate)}</a></div>
    </footer>
    <div class="comment-content"><p>${escapeHtml(c.text)}</p></div>
    <div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">Reply</a></div>
  </article>
</li>`,
  );
  return `<ol class="comment-list">\n${items.join("\n")}\n</ol>`;
}

/** The #comments area: a title, existing comments (if any) and the #respond form. */
export function wordpressComments(opts: {
  postId: number;
  headline: string;
  publishedDate: string;
  formAction: string;
}): string {
  const { postId, headline } = opts;
  const count = fnv1a(String(postId)) % 3;
  const title =
    count === 0
      ? ""
      : `<h2 class="comments-title">${count === 1 ? "One thought" : `${count} thoughts`} on &ldquo;${escapeHtml(headline)}&rdquo;</h2>`;
  return `<div id="comments" class="comments-area">
${title}
${commentList(postId, opts.publishedDate)}
<div id="respond" class="comment-respond">
  <h3 id="reply-title" class="comment-reply-title">Leave a Reply <small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3>
  <form action="${escapeHtml(opts.formAction)}" method="post" id="commentform" class="comment-form">
    <p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> <span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>
    <p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> <textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required></textarea></p>
    <p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> <input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required></p>
    <p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> <input id="email" name="email" type="email" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required></p>
    <p class="comment-form-url"><label for="url">Website</label> <input id="url" name="url" type="url" value="" size="30" maxlength="200" autocomplete="url"></p>
    <p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes"> <label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>
    <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Post Comment"> <input type="hidden" name="comment_post_ID" value="${postId}" id="comment_post_ID"> <input type="hidden" name="comment_parent" id="comment_parent" value="0"></p>
  </form>
</div>
</div>`;
}
