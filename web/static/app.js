// Bulk job page: poll the job's status and update the progress bar; reload when finished
// so the server draws the final chart. No inline scripts (Content-Security-Policy).
(function () {
  "use strict";
  var job = document.getElementById("job");
  if (!job) { return; }
  var url = job.getAttribute("data-status-url");
  var status = job.getAttribute("data-status");
  if (status === "done" || status === "failed") { return; }
  var label = document.getElementById("job-status");
  function tick() {
    fetch(url, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (j) {
        document.getElementById("job-progress").value = j.percent;
        document.getElementById("job-rows").textContent = j.rows_done;
        document.getElementById("job-total").textContent = j.rows_total === null ? "?" : j.rows_total;
        document.getElementById("job-errors").textContent = j.errors;
        label.textContent = label.getAttribute("data-" + j.status) || j.status;
        if (j.status === "done" || j.status === "failed") {
          window.location.reload();
        } else {
          window.setTimeout(tick, 700);
        }
      })
      .catch(function () { window.setTimeout(tick, 2000); });
  }
  window.setTimeout(tick, 300);
})();

// Result page: a score slider and a list filter on the possible matches (like OFAC's
// Sanctions List Search). The form is hidden without JavaScript: then every hit shows.
(function () {
  "use strict";
  var form = document.getElementById("hit-filter");
  if (!form) { return; }
  var slider = document.getElementById("min-score");
  var value = document.getElementById("min-score-value");
  var shown = document.getElementById("hits-shown");
  var hits = document.querySelectorAll("article.hit");
  function apply() {
    var min = Number(slider.value);
    var lists = {};
    form.querySelectorAll("input[name=list]").forEach(function (c) { lists[c.value] = c.checked; });
    var n = 0;
    hits.forEach(function (h) {
      var visible = Number(h.getAttribute("data-score")) >= min && lists[h.getAttribute("data-list")];
      h.hidden = !visible;
      if (visible) { n += 1; }
    });
    value.textContent = slider.value;
    shown.textContent = shown.getAttribute("data-template")
      .replace("{shown}", n).replace("{total}", hits.length);
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();

// Printing opens every collapsed finding, so the paper record holds them all.
window.addEventListener("beforeprint", function () {
  "use strict";
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});
