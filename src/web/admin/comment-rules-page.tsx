/**
 * @module The moderation rules page: the rules with a remove button each, the add form (with the
 * last attempt's error and values), and the comment settings that live in the environment, read-only.
 */
import type { StoredRule } from "../../storage/comment-rules.ts";
import { CsrfField } from "./admin-layout.tsx";

export interface RulesPageProps {
  csrf: string;
  rules: StoredRule[];
  notice: string | null;
  error: string | null;
  values: { kind: string; value: string; action: string };
  settings: Array<{ label: string; value: string; env: string }>;
}

const KIND_TEXT: Record<StoredRule["kind"], string> = {
  word: "Word or phrase",
  email: "Email",
  ip: "IP address",
  network: "Network",
};
const ACTION_TEXT: Record<StoredRule["action"], string> = {
  hold: "Hold for a moderator",
  spam: "Mark as spam",
};

export function CommentRulesPage(p: RulesPageProps) {
  return (
    <section class="admin-rules">
      <h1>Comment rules</h1>
      <p>
        Every new comment is checked against these rules. A match holds it for a moderator or sends it
        straight to spam; spam wins when both match. Words match whole words in the name, website and text; an
        email rule is a whole address or <code>@domain</code>; networks are written in CIDR form.
      </p>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <h2>Rules</h2>
      {p.rules.length === 0 ? (
        <p class="empty">No rules yet.</p>
      ) : (
        <table class="mod-rules">
          <thead>
            <tr>
              <th scope="col">Matches</th>
              <th scope="col">Value</th>
              <th scope="col">Does</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rules.map((r) => (
              <tr key={r.id}>
                <td>{KIND_TEXT[r.kind]}</td>
                <td>
                  <code>{r.value}</code>
                </td>
                <td>{ACTION_TEXT[r.action]}</td>
                <td>
                  <time datetime={r.created_at}>{r.created_at.slice(0, 10)}</time>
                </td>
                <td>
                  <form method="post" action="/admin/comment-rules/remove">
                    <CsrfField token={p.csrf} />
                    <input type="hidden" name="id" value={String(r.id)} />
                    <button type="submit">
                      Remove<span class="visually-hidden"> the rule {r.value}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a rule</h2>
      {p.error ? (
        <p class="form-error" role="alert" id="rule-error">
          {p.error}
        </p>
      ) : null}
      <form class="admin-form" method="post" action="/admin/comment-rules">
        <CsrfField token={p.csrf} />
        <p>
          <label for="rule-kind">Matches</label>
          <select id="rule-kind" name="kind">
            {(Object.keys(KIND_TEXT) as Array<StoredRule["kind"]>).map((k) => (
              <option key={k} value={k} selected={p.values.kind === k}>
                {KIND_TEXT[k]}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="rule-value">Value</label>
          <input
            id="rule-value"
            name="value"
            required
            maxlength={200}
            value={p.values.value}
            aria-invalid={p.error ? "true" : undefined}
            aria-describedby={p.error ? "rule-error" : undefined}
          />
        </p>
        <p>
          <label for="rule-action">Does</label>
          <select id="rule-action" name="action">
            {(Object.keys(ACTION_TEXT) as Array<StoredRule["action"]>).map((a) => (
              <option key={a} value={a} selected={p.values.action === a}>
                {ACTION_TEXT[a]}
              </option>
            ))}
          </select>
        </p>
        <p>
          <button type="submit">Add rule</button>
        </p>
      </form>
      <h2>Settings</h2>
      <p>These are set in the server's environment and take effect when it restarts.</p>
      <dl class="mod-settings">
        {p.settings.map((s) => (
          <div key={s.env}>
            <dt>{s.label}</dt>
            <dd>
              {s.value} (<code>{s.env}</code>)
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
