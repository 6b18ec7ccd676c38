// Draws each <canvas data-chart="{…}"> of the dashboard with Chart.js (served by the portal, no CDN).
// The table beside every chart holds the same numbers, for screen readers and without JavaScript.
(function () {
  'use strict';
  if (typeof window.Chart !== 'function') return;
  var palette = ['#005ea2', '#00a91c', '#d54309', '#8168b3', '#e5a000', '#1a4480'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var doughnut = spec.type === 'doughnut';
    new window.Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.datasets.map(function (d, i) {
          return {
            label: d.label,
            data: d.data,
            backgroundColor: doughnut ? palette.slice(0, d.data.length) : palette[i % palette.length],
          };
        }),
      },
      options: {
        responsive: true,
        animation: false,
        plugins: { legend: { position: 'bottom' } },
        scales: doughnut ? {} : { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  });
})();
