/** @module The moderator's edit form for one comment: name, website and the Markdown source, with field errors. */
import type { FieldErrors } from "../../comments/form.ts";
import { CsrfField } from "./admin-layout.tsx";

export interface CommentEditProps {
  csrf: string;
  id: number;
  articleTitle: string;
  email: string;
  values: { name: string; website: string; body: string };
  errors: FieldErrors;
  /** The queue tab to go back to. */
  backHref: string;
  maxChars: number;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} class="field-error">
      {message}
    </span>
  ) : null;
}

export function CommentEditPage(p: CommentEditProps) {
  const e = p.errors;
  const listed = [e.name, e.website, e.body].filter(Boolean);
  return (
    <section class="admin-edit">
      <h1>Edit comment</h1>
      <p>
        By {p.email} on “{p.articleTitle}”. The text is rendered and sanitized again when saved, as it was
        when posted.
      </p>
      {listed.length > 0 ? (
        <p class="form-error" role="alert">
          Not saved yet: {listed.join(" ")}
        </p>
      ) : null}
      <form class="admin-form" method="post" action={`/admin/comments/${p.id}/edit`}>
        <CsrfField token={p.csrf} />
        <p>
          <label for="e-name">Name</label>
          <input
            id="e-name"
            name="name"
            required
            maxlength={80}
            value={p.values.name}
            aria-invalid={e.name ? "true" : undefined}
            aria-describedby={e.name ? "e-name-error" : undefined}
          />
          <FieldError id="e-name-error" message={e.name} />
        </p>
        <p>
          <label for="e-website">Website</label>
          <input
            id="e-website"
            name="website"
            type="url"
            maxlength={300}
            value={p.values.website}
            aria-invalid={e.website ? "true" : undefined}
            aria-describedby={e.website ? "e-website-error" : undefined}
          />
          <FieldError id="e-website-error" message={e.website} />
        </p>
        <p>
          <label for="e-body">Comment (Markdown)</label>
          <textarea
            id="e-body"
            name="comment"
            required
            rows={10}
            maxlength={p.maxChars}
            aria-invalid={e.body ? "true" : undefined}
            aria-describedby={e.body ? "e-body-error" : undefined}
            value={p.values.body}
          />
          <FieldError id="e-body-error" message={e.body} />
        </p>
        <p>
          <button type="submit">Save</button>
        </p>
      </form>
      <p>
        <a href={p.backHref}>Back to the comments</a>
      </p>
    </section>
  );
}
