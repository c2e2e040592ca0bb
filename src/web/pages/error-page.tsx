/** @module The 404 and 500 pages: say what happened and where to go next. */

export function ErrorPage({ status, message }: { status: number; message: string }) {
  return (
    <section class="error-page">
      <h1>{status === 404 ? "Page not found" : "Something went wrong"}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Go to the front page</a> to see the latest articles.
      </p>
    </section>
  );
}
