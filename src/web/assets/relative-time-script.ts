/**
 * @module The relative-time script (a hashed asset, no inline code): turns list cards' exact times
 * (`<time data-relative>`) into "3 hours ago" against the reader's own clock, keeping the exact time
 * as the element's title, and refreshes them every minute. Cached pages therefore hold only exact
 * times, a function of the stored data, and never go stale; without JavaScript readers see the exact
 * time. Times in the future (a wrong clock) or older than a week keep their date.
 */
export const relativeTimeJs = `(function () {
  "use strict";
  if (typeof Intl === "undefined" || !Intl.RelativeTimeFormat) return;
  var format = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  var WEEK = 7 * 24 * 3600 * 1000;
  var SKEW = 5 * 60 * 1000;
  function phrase(ms) {
    var s = Math.round(ms / 1000);
    if (s < 60) return "just now";
    var m = Math.round(s / 60);
    if (m < 60) return format.format(-m, "minute");
    var h = Math.round(m / 60);
    if (h < 24) return format.format(-h, "hour");
    return format.format(-Math.round(h / 24), "day");
  }
  function update() {
    var now = Date.now();
    var times = document.querySelectorAll("time[data-relative]");
    Array.prototype.forEach.call(times, function (el) {
      if (!el.hasAttribute("data-exact")) el.setAttribute("data-exact", el.textContent);
      var exact = el.getAttribute("data-exact");
      var age = now - Date.parse(el.getAttribute("datetime"));
      if (isNaN(age) || age < -SKEW || age > WEEK) {
        el.textContent = exact;
        el.removeAttribute("title");
        return;
      }
      el.textContent = phrase(Math.max(0, age));
      el.setAttribute("title", exact);
    });
  }
  update();
  setInterval(update, 60 * 1000);
})();
`;
