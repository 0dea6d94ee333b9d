// Keeps a background job's progress bar moving without reloading (an import, a reconciliation run):
// each element with data-status-url polls its job's JSON once a second and reloads the page when
// the job finishes or changes status, so the results are rendered by the server. The count shown
// comes from the JSON field named by data-count-field. Without script the page still shows the
// state as of its last load.
(function () {
  "use strict";
  var lang = document.documentElement.lang;

  function watch(section) {
    if (section.dataset.finished === "true") {
      return;
    }

    var bar = section.querySelector("progress");
    var text = section.querySelector("[data-template]");
    var template = text.dataset.template;
    // Phase names in the page's language, where the page gives them (data-phases); else as the job says.
    var phases = text.dataset.phases ? JSON.parse(text.dataset.phases) : {};
    var countField = section.dataset.countField;
    var shownStatus = section.querySelector("[data-status]").dataset.status;

    function render(job) {
      if (job.finished || job.status !== shownStatus) {
        window.location.reload();
        return;
      }

      if (typeof job.percent === "number") {
        bar.value = job.percent;
        bar.textContent = job.percent + "%";
      } else {
        bar.removeAttribute("value");
      }

      text.textContent = template
        .replace("{0}", Number(job[countField] || 0).toLocaleString(lang))
        .replace("{1}", typeof job.percent === "number" ? job.percent + "%" : "–")
        .replace("{2}", phases[job.phase] || job.phase || "–");
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
  }

  document.querySelectorAll("[data-status-url]").forEach(watch);
})();
