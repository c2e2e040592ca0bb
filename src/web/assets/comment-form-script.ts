/**
 * @module The comment form's one script (served as a hashed asset, so no inline script is needed):
 * when a reader first focuses a comment form, it fetches a fresh signed form token, so the minimum
 * fill time counts from when they started writing even on a page served from the cache. Without
 * JavaScript the form still works with the token drawn into the page.
 */
export const commentFormJs = `(function () {
  "use strict";
  var forms = document.querySelectorAll("form.comment-form[data-token-url]");
  Array.prototype.forEach.call(forms, function (form) {
    var done = false;
    form.addEventListener("focusin", function () {
      if (done) return;
      done = true;
      fetch(form.getAttribute("data-token-url"), { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (j) {
          var input = form.querySelector("input[name=token]");
          if (j && typeof j.token === "string" && input) input.value = j.token;
        })
        .catch(function () {});
    });
  });
})();
`;
