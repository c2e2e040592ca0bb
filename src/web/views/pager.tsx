/** @module "Older articles" (or other items) and "Newest" links under a paginated list. */

export function Pager({
  older,
  newest,
  olderLabel = "Older articles",
}: {
  older: string | null;
  newest: string | null;
  olderLabel?: string;
}) {
  if (!older && !newest) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {newest ? (
        <a href={newest} rel="first">
          ← Newest
        </a>
      ) : null}
      {older ? (
        <a href={older} rel="next">
          {olderLabel} →
        </a>
      ) : null}
    </nav>
  );
}
