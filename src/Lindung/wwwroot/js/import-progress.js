// Keeps an import's progress bar moving without reloading: polls the job's JSON status once a
// second and reloads the page when the job finishes, so the results are rendered by the server.
// Without script the page still shows the state as of its last load.
(function () {
  "use strict";
  var section = document.getElementById("progress");
  if (!section || section.dataset.finished === "true") {
    return;
  }

  var bar = document.getElementById("progress-bar");
  var text = document.getElementById("progress-text");
  var template = text.dataset.template;
  var shownStatus = section.querySelector("[data-status]").dataset.status;

  function render(job) {
    if (job.finished || job.status !== shownStatus) {
      window.location.reload();
      return;
    }

    if (typeof job.percent === "number") {
      bar.value = job.percent;
      bar.textContent = job.percent + "%";
    }

    text.textContent = template
      .replace("{0}", job.rows_read.toLocaleString(document.documentElement.lang))
      .replace("{1}", typeof job.percent === "number" ? job.percent + "%" : "–")
      .replace("{2}", job.phase || "–");
    window.setTimeout(poll, 1000);
  }

  function poll() {
    fetch(section.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.json();
      })
      .then(render)
      .catch(function () { window.setTimeout(poll, 5000); });
  }

  window.setTimeout(poll, 1000);
})();
