/* The dashboard: each tile runs its saved query and draws its chart. */
(function () {
  document.querySelectorAll('.tile').forEach(async tile => {
    const status = tile.querySelector('.tile-status');
    status.textContent = Eaw.text('running');
    try {
      const result = await Eaw.api('/api/insights/query', { method: 'POST', json: { sql: tile.dataset.sql } });
      const chart = tile.dataset.chart === 'table' ? 'bar' : tile.dataset.chart;
      const y = (tile.dataset.y || '').split(',').filter(c => c);
      const drawn = EawCharts.render(tile.querySelector('.tile-chart'), result, chart, tile.dataset.x, y);
      status.textContent = Eaw.format(Eaw.text('rows'), result.rowCount, result.elapsedMs)
        + (result.warnings.length ? ' · ' + result.warnings.join(' · ') : '');
      if (!drawn) {
        tile.querySelector('.tile-chart').hidden = true;
      }
    } catch (e) {
      status.textContent = e.message;
      status.classList.add('error-text');
    }
  });
})();
