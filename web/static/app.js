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
