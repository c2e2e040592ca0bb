/**
 * @module The page a refused comment comes back on: what went wrong, the article's link, and the form
 * again with everything the reader typed (a fresh token, so sending it again works).
 */
import { CommentForm, type CommentFormProps } from "../views/comment-form.tsx";

export interface CommentFormPageProps {
  articleTitle: string;
  articlePath: string;
  /** A message about the whole submission (too fast, rate limit, duplicate); field errors sit in the form. */
  message: string | null;
  form: CommentFormProps;
}

export function CommentFormPage({ articleTitle, articlePath, message, form }: CommentFormPageProps) {
  return (
    <section class="comment-form-page">
      <h1>Your comment was not posted yet</h1>
      <p>
        On: <a href={`${articlePath}#comments`}>{articleTitle}</a>
      </p>
      {message ? (
        <div class="form-errors" role="alert">
          <p>{message}</p>
        </div>
      ) : null}
      <CommentForm {...form} />
    </section>
  );
}

export interface MessagePageProps {
  title: string;
  lines: string[];
  link?: { href: string; text: string } | null;
  /** A one-button POST form (a confirmation), with hidden fields. */
  confirm?: { action: string; button: string; fields: Record<string, string> } | null;
  /** An email field posting to `action` (asking for a deletion link). */
  emailForm?: { action: string; button: string } | null;
  /** What the reader wrote, shown to copy when it could not be saved (comments closed meanwhile). */
  kept?: string | null;
}

/** A short page for the comment flows: closed, refused, deletion links and their confirmation. */
export function MessagePage({ title, lines, link, confirm, emailForm, kept }: MessagePageProps) {
  return (
    <section class="message-page">
      <h1>{title}</h1>
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
      {kept ? (
        <p class="field">
          <label for="kept-comment">Your comment, to copy and keep</label>
          <textarea id="kept-comment" readonly rows={6}>
            {kept}
          </textarea>
        </p>
      ) : null}
      {emailForm ? (
        <form method="post" action={emailForm.action} class="email-form">
          <p class="field">
            <label for="d-email">Your email address</label>
            <input id="d-email" name="email" type="email" required maxlength={254} autocomplete="email" />
          </p>
          <p>
            <button type="submit">{emailForm.button}</button>
          </p>
        </form>
      ) : null}
      {confirm ? (
        <form method="post" action={confirm.action}>
          {Object.entries(confirm.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <p>
            <button type="submit">{confirm.button}</button>
          </p>
        </form>
      ) : null}
      {link ? (
        <p>
          <a href={link.href}>{link.text}</a>
        </p>
      ) : null}
    </section>
  );
}
