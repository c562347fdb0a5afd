/* The dashboard: each tile runs its saved query and draws its chart, two tiles at a time (a user may run two
   queries at once; more would be refused with 429). */
(function () {
  const tiles = Array.from(document.querySelectorAll('.tile'));
  const running = 2;

  async function draw(tile) {
    const status = tile.querySelector('.tile-status');
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
  }

  tiles.forEach(tile => { tile.querySelector('.tile-status').textContent = Eaw.text('running'); });
  let next = 0;
  async function worker() {
    while (next < tiles.length) {
      await draw(tiles[next++]);
    }
  }
  for (let i = 0; i < running; i++) {
    worker();
  }
})();
