/**
 * @module "Leave a reply": the comment form, the same HTML for every reader (it sits on cached pages),
 * with a signed form token, a honeypot, and the reader's input and field errors when shown again.
 */
import { type CommentInput, FIELDS, type FieldErrors } from "../../comments/form.ts";

export interface CommentFormProps {
  articleId: number;
  /** Where the form posts: `<article path>/comments`. */
  action: string;
  /** Signed {article, issued-at}; the form's script refreshes it when the reader starts typing. */
  token: string;
  /** The hashed script asset's path; null to leave it out. */
  script: string | null;
  values?: CommentInput;
  errors?: FieldErrors;
  /** Replying to this comment (from `?replyto=`). */
  replyTo?: { id: number; name: string } | null;
  /** The article page's path, for "cancel reply". */
  articlePath: string;
  /** Mail is configured: offer reply notices and the deletion link. */
  mail: boolean;
  maxChars: number;
}

const EMPTY: CommentInput = { name: "", email: "", website: "", body: "", parent: "", notify: false };

const ERROR_ORDER: Array<[keyof CommentInput, string]> = [
  ["name", "c-name"],
  ["email", "c-email"],
  ["website", "c-website"],
  ["body", "c-body"],
  ["parent", "c-body"],
];

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} class="field-error">
      {message}
    </p>
  ) : null;
}

/** A labelled one-line field with its optional hint and its error, wired for assistive technology. */
function TextField(props: {
  field: "name" | "email" | "website";
  label: string;
  type: "text" | "email" | "url";
  required?: boolean;
  max: number;
  autocomplete: string;
  placeholder?: string;
  hint?: string;
  values: CommentInput;
  errors: FieldErrors;
}) {
  const id = `c-${props.field}`;
  const error = props.errors[props.field];
  const described = [error ? `${id}-error` : null, props.hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <p class="field">
      <label for={id}>
        {props.label}
        {props.required ? (
          <>
            {" "}
            <span aria-hidden="true">*</span>
          </>
        ) : null}
      </label>
      <input
        id={id}
        name={FIELDS[props.field]}
        // preact types each input type apart; all three take the same attributes here.
        type={props.type as "text"}
        required={props.required}
        maxlength={props.max}
        autocomplete={props.autocomplete}
        placeholder={props.placeholder}
        value={props.values[props.field]}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described || undefined}
      />
      {props.hint ? (
        <span id={`${id}-hint`} class="hint">
          {props.hint}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </p>
  );
}

export function CommentForm(props: CommentFormProps) {
  const v = props.values ?? EMPTY;
  const e = props.errors ?? {};
  const parent = props.replyTo ? String(props.replyTo.id) : v.parent;
  const listed = ERROR_ORDER.filter(([k]) => e[k]);
  const invalid = (k: keyof CommentInput) => (e[k] ? "true" : undefined);
  const common = { values: v, errors: e };
  return (
    <section id="reply" class="reply" aria-labelledby="reply-heading">
      <h2 id="reply-heading">
        {props.replyTo ? (
          <>
            Reply to <bdi>{props.replyTo.name}</bdi>
          </>
        ) : (
          "Leave a reply"
        )}
      </h2>
      {props.replyTo ? (
        <p class="note">
          <a href={`${props.articlePath}#reply`}>Cancel reply</a>
        </p>
      ) : null}
      <p class="note">
        Your email address will not be published. Required fields are marked <span aria-hidden="true">*</span>
        <span class="visually-hidden">as required</span>.
      </p>
      {listed.length > 0 ? (
        <div class="form-errors" role="alert">
          <p>Your comment was not posted yet. Please check:</p>
          <ul>
            {listed.map(([k, id]) => (
              <li key={k}>
                <a href={`#${id}`}>{e[k]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        class="comment-form"
        method="post"
        action={props.action}
        data-token-url={`/comments/form-token?article=${props.articleId}`}
      >
        <input type="hidden" name={FIELDS.token} value={props.token} />
        <input type="hidden" name={FIELDS.parent} value={parent} />
        <TextField field="name" label="Name" type="text" required max={80} autocomplete="name" {...common} />
        <TextField
          field="email"
          label="Email"
          type="email"
          required
          max={254}
          autocomplete="email"
          hint="Never published."
          {...common}
        />
        <TextField
          field="website"
          label="Website"
          type="url"
          max={300}
          autocomplete="url"
          placeholder="https://"
          {...common}
        />
        {/* The honeypot: off-screen and hidden from assistive technology, out of the tab order. */}
        <div class="hp" aria-hidden="true">
          <label for="c-url-confirm">Leave this empty</label>
          <input
            id="c-url-confirm"
            name={FIELDS.honeypot}
            type="text"
            tabindex={-1}
            autocomplete="off"
            value=""
          />
        </div>
        <p class="field">
          <label for="c-body">
            Comment <span aria-hidden="true">*</span>
          </label>
          <textarea
            id="c-body"
            name={FIELDS.body}
            required
            rows={7}
            maxlength={props.maxChars}
            aria-invalid={invalid("body") ?? invalid("parent")}
            aria-describedby={[e.body || e.parent ? "c-body-error" : null, "c-body-hint"]
              .filter(Boolean)
              .join(" ")}
            value={v.body}
          />
          <span id="c-body-hint" class="hint">
            You can use *emphasis*, **bold**, `code` and links.
          </span>
          <FieldError id="c-body-error" message={e.body ?? e.parent} />
        </p>
        {props.mail ? (
          <p class="field checkbox">
            <input id="c-notify" name={FIELDS.notify} type="checkbox" value="1" checked={v.notify} />{" "}
            <label for="c-notify">Email me when someone replies</label>
          </p>
        ) : null}
        <p>
          <button type="submit">Post comment</button>
        </p>
      </form>
      {props.mail ? (
        <p class="note">
          <a href="/comments/delete-link">Email me a link to delete my comments</a>
        </p>
      ) : null}
      {props.script ? <script src={props.script} defer /> : null}
    </section>
  );
}
