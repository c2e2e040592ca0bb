/** @module The sign-in page: email and password, labelled, with the reason a previous try failed. */

export interface SignInPageProps {
  /** The form's `_csrf`, bound to the pre-sign-in cookie. */
  csrf: string;
  /** Where to go after signing in (already checked to be a path on this site). */
  next: string | null;
  email: string;
  /** Why the last attempt failed, or a note such as "You have signed out." */
  error?: string | null;
  notice?: string | null;
}

export function SignInPage({ csrf, next, email, error, notice }: SignInPageProps) {
  return (
    <section class="admin-sign-in">
      <h1>Sign in</h1>
      <p>For the site's moderators and administrators.</p>
      {error ? (
        <p class="form-error" role="alert" id="sign-in-error">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p class="form-notice" role="status">
          {notice}
        </p>
      ) : null}
      <form class="admin-form" method="post" action="/admin/sign-in">
        <input type="hidden" name="_csrf" value={csrf} />
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <p>
          <label for="sign-in-email">Email</label>
          <input
            id="sign-in-email"
            type="email"
            name="email"
            value={email}
            required
            autocomplete="username"
            aria-describedby={error ? "sign-in-error" : undefined}
          />
        </p>
        <p>
          <label for="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            type="password"
            name="password"
            required
            autocomplete="current-password"
            aria-describedby={error ? "sign-in-error" : undefined}
          />
        </p>
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
    </section>
  );
}

/** A refusal or throttling page: what happened and what to do. */
export function AdminMessagePage({
  title,
  message,
  link,
}: {
  title: string;
  message: string;
  link?: { href: string; label: string } | null;
}) {
  return (
    <section class="admin-message">
      <h1>{title}</h1>
      <p>{message}</p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </section>
  );
}
