// Draws every <canvas data-chart> with Chart.js from its data attributes. The same numbers sit in
// the table beside each chart, so the page still says everything without JavaScript.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }
  var locale = document.documentElement.lang === 'en' ? 'en-US' : 'id-ID';
  var number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  function label(value, percent) { return number.format(value) + (percent ? '%' : ''); }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    // The box's height is a data attribute: the content security policy refuses inline style attributes.
    var box = canvas.parentElement;
    if (box && box.dataset.height) { box.style.height = box.dataset.height + 'px'; }
    var kind = canvas.dataset.chart;
    var percent = canvas.dataset.percent === 'true';
    var labels = JSON.parse(canvas.dataset.labels);
    var series = JSON.parse(canvas.dataset.series);
    var horizontal = kind === 'bar-horizontal';
    var datasets = series.map(function (s) {
      return {
        label: s.label,
        data: s.data,
        borderColor: s.color,
        backgroundColor: s.colors || s.color,
        pointRadius: 4,
        tension: 0.2,
        spanGaps: true
      };
    });
    if (canvas.dataset.target) {
      var target = parseFloat(canvas.dataset.target);
      datasets.push({
        label: canvas.dataset.targetLabel + ' ' + label(target, true),
        data: labels.map(function () { return target; }),
        borderColor: '#D55E00', borderDash: [6, 4], pointRadius: 0, fill: false
      });
    }
    var valueAxis = {
      beginAtZero: true,
      max: percent ? 100 : undefined,
      ticks: { callback: function (v) { return label(v, percent); } }
    };
    new Chart(canvas, {
      type: kind === 'line' ? 'line' : 'bar',
      data: { labels: labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: datasets.length > 1 },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + label(horizontal ? c.parsed.x : c.parsed.y, percent); } } }
        },
        scales: horizontal ? { x: valueAxis } : { y: valueAxis }
      }
    });
    canvas.dataset.rendered = 'true';
  });
})();
