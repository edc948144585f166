// Draws the dashboard's charts from the figures in each canvas's data-chart. Every chart has a table
// with the same numbers; it stays open when no chart could be drawn (no JavaScript, no Chart.js).
(() => {
  const Chart = window.Chart;
  if (!Chart) return;
  const page = getComputedStyle(document.documentElement);
  const token = (name) => page.getPropertyValue(name).trim();
  const number = new Intl.NumberFormat('nb-NO');
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = token('--ds-color-neutral-text-default');
  Chart.defaults.borderColor = token('--ds-color-neutral-border-subtle');
  Chart.defaults.locale = 'nb-NO';
  // Those who ask their system for less motion get none: the bars are drawn at once.
  const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  for (const canvas of document.querySelectorAll('canvas[data-chart]')) {
    const spec = JSON.parse(canvas.getAttribute('data-chart'));
    const percent = spec.unit === 'percent';
    const show = (value) => `${number.format(value)}${percent ? '\u00a0%' : ''}`;
    const valueAxis = spec.horizontal ? 'x' : 'y';
    const categoryAxis = spec.horizontal ? 'y' : 'x';
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s) => ({
          label: s.label,
          data: s.values,
          backgroundColor: token(s.color),
          // A white line between stacked segments, so neighbours are told apart by more than hue.
          borderColor: token('--ds-color-neutral-background-default'),
          borderWidth: spec.stacked ? 1 : 0,
        })),
      },
      options: {
        indexAxis: categoryAxis,
        animation: still ? false : { duration: 300 },
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          [categoryAxis]: { stacked: spec.stacked, grid: { display: false } },
          [valueAxis]: {
            stacked: spec.stacked,
            beginAtZero: true,
            max: percent ? 100 : undefined,
            ticks: { precision: 0, callback: show },
          },
        },
        plugins: {
          legend: { display: spec.series.length > 1, position: 'bottom' },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${show(item.parsed[valueAxis])}` } },
        },
      },
    });
    canvas.closest('[data-chart-panel]')?.querySelector('details[data-chart-data]')?.removeAttribute('open');
  }
})();
