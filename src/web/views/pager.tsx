/** @module "Older articles" and "Newest" links under a paginated list. */

export function Pager({ older, newest }: { older: string | null; newest: string | null }) {
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
          Older articles →
        </a>
      ) : null}
    </nav>
  );
}
