/** @module The 404 and 500 pages: say what happened and where to go next (search, front page, sources). */
import { SearchForm } from "../views/search-form.tsx";

export function errorTitle(status: number): string {
  return status === 404 ? "Page not found" : status < 500 ? "Bad request" : "Something went wrong";
}

export function ErrorPage({ status, message }: { status: number; message: string }) {
  return (
    <section class="error-page">
      <h1>{errorTitle(status)}</h1>
      <p>{message}</p>
      <p>Try searching for what you were looking for:</p>
      <SearchForm id="error-search" label="Search articles" />
      <ul>
        <li>
          <a href="/">Go to the front page</a> for the latest articles
        </li>
        <li>
          <a href="/sources">Browse the sources</a> this site follows
        </li>
      </ul>
    </section>
  );
}
