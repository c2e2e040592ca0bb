/** @module TVPR's newsletter sign-up box and "Leave a reply" comment form, in BEM markup. */
import { escapeHtml as h } from "./escape.ts";

/** Newsletter sign-up box; home is the outlet's home path. */
export function bemNewsletter(home: string): string {
  return `<section class="newsletter-signup" aria-labelledby="newsletter-heading">
  <h2 id="newsletter-heading" class="newsletter-signup__title">Get The Valley Briefing</h2>
  <p class="newsletter-signup__text">The day’s top stories from across the Tern Valley, every weekday morning.</p>
  <form class="newsletter-signup__form" action="${h(home)}newsletter" method="post"><label class="newsletter-signup__label" for="nl-email">Email address</label> <input class="newsletter-signup__input" id="nl-email" type="email" name="email" required> <button class="newsletter-signup__button" type="submit">Sign up</button></form>
</section>`;
}

/** Comment section with name, email, website and comment fields. */
export function bemComments(home: string, slug: string): string {
  return `<section class="comments" id="comments" aria-labelledby="comments-heading">
  <h2 id="comments-heading" class="comments__title">Leave a reply</h2>
  <p class="comments__note">Your email address will not be published. Comments are moderated and may take a few hours to appear.</p>
  <form class="comments__form comment-form" action="${h(home)}comments" method="post">
    <input type="hidden" name="story" value="${h(slug)}">
    <div class="comment-form__field"><label class="comment-form__label" for="comment-name">Name</label> <input class="comment-form__input" id="comment-name" name="name" type="text" required></div>
    <div class="comment-form__field"><label class="comment-form__label" for="comment-email">Email</label> <input class="comment-form__input" id="comment-email" name="email" type="email" required></div>
    <div class="comment-form__field"><label class="comment-form__label" for="comment-website">Website</label> <input class="comment-form__input" id="comment-website" name="website" type="url"></div>
    <div class="comment-form__field"><label class="comment-form__label" for="comment-text">Comment</label> <textarea class="comment-form__textarea" id="comment-text" name="comment" rows="6" required></textarea></div>
    <button class="comment-form__submit" type="submit">Post comment</button>
  </form>
</section>`;
}
