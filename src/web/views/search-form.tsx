/** @module The small search form (GET /search?q=), in the header and on the error pages. */

export function SearchForm({ id, label = "Search" }: { id: string; label?: string }) {
  return (
    <search class="search">
      <form class="search-form" action="/search" method="get">
        <label for={id} class="visually-hidden">
          {label}
        </label>
        <input id={id} type="search" name="q" placeholder="Search articles" autocomplete="off" />
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
