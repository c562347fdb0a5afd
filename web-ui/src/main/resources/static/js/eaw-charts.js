/*
 * Charts of query results with ECharts. The shape of the result picks the picture:
 * - lower_bound and upper_bound columns: a line with its interval as a shaded band (forecasts, anomaly bands);
 *   an is_anomaly column marks those points in red;
 * - x, a text column and a number (long format): one line or bar per value of the text column;
 * - otherwise: x against every numeric column.
 */
window.EawCharts = (function () {
  const palette = ['#2f5bea', '#e8833a', '#1c9a6c', '#b84fd1', '#d64545', '#4aa3c8', '#8a7f2e', '#6b6b6b'];

  function columnIndex(result, name) {
    return result.columns.findIndex(c => c.name.toLowerCase() === name);
  }

  function numericColumns(result, except) {
    return result.columns.map((c, i) => ({ c, i }))
      .filter(o => o.c.type === 'number' && !except.includes(o.i) && o.c.name.toLowerCase() !== 'is_anomaly');
  }

  function bandOption(result, x) {
    const lo = columnIndex(result, 'lower_bound');
    const hi = columnIndex(result, 'upper_bound');
    const xs = result.rows.map(r => r[x]);
    const lines = numericColumns(result, [x, lo, hi]);
    const anomaly = columnIndex(result, 'is_anomaly');
    const value = columnIndex(result, 'value');
    const series = [
      { name: 'lower_bound', type: 'line', data: result.rows.map(r => r[lo]), lineStyle: { opacity: 0 },
        stack: 'band', symbol: 'none', silent: true },
      { name: 'interval', type: 'line', data: result.rows.map(r => r[hi] - r[lo]), lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(47, 91, 234, 0.18)' }, itemStyle: { color: 'rgba(47, 91, 234, 0.35)' },
        stack: 'band', symbol: 'none', silent: true }
    ];
    lines.forEach((o, k) => series.push({ name: o.c.name, type: 'line', showSymbol: false,
      data: result.rows.map(r => r[o.i]), lineStyle: { width: o.c.name === 'value' ? 1.5 : 2 },
      itemStyle: { color: palette[k % palette.length] } }));
    if (anomaly >= 0) {
      const target = value >= 0 ? value : lines.length ? lines[0].i : -1;
      series.push({ name: 'anomaly', type: 'scatter', symbolSize: 11, itemStyle: { color: '#d62728' },
        data: result.rows.map((r, i) => (r[anomaly] === true || r[anomaly] === 'true') && target >= 0 ? [i, r[target]] : null)
          .filter(p => p) });
    }
    return { xs, series, legend: lines.map(o => o.c.name).concat(['interval'], anomaly >= 0 ? ['anomaly'] : []) };
  }

  function longFormat(result, x, kind) {
    const keyCol = result.columns.findIndex((c, i) => i !== x && c.type === 'text');
    const valCol = result.columns.findIndex((c, i) => i !== x && c.type === 'number');
    const xs = [...new Set(result.rows.map(r => r[x]))];
    const keys = [...new Set(result.rows.map(r => r[keyCol]))];
    const series = keys.map((k, n) => ({
      name: String(k), type: kind, showSymbol: kind === 'scatter',
      itemStyle: { color: palette[n % palette.length] },
      data: xs.map(v => { const row = result.rows.find(r => r[x] === v && r[keyCol] === k); return row ? row[valCol] : null; })
    }));
    return { xs, series, legend: keys.map(String) };
  }

  function wide(result, x, kind, only) {
    const ys = numericColumns(result, [x]).filter(o => !only.length || only.includes(o.c.name.toLowerCase()));
    return {
      xs: result.rows.map(r => r[x]),
      series: ys.map((o, n) => ({ name: o.c.name, type: kind, showSymbol: kind === 'scatter',
        itemStyle: { color: palette[n % palette.length] }, data: result.rows.map(r => r[o.i]) })),
      legend: ys.map(o => o.c.name)
    };
  }

  /** Draws the result into the element (only the yNames columns, when given); false when there is nothing to chart. */
  function render(element, result, chart, xName, yNames) {
    const only = (yNames || []).map(n => n.toLowerCase());
    if (!result.columns.length || chart === 'table') {
      return false;
    }
    let x = xName ? columnIndex(result, xName.toLowerCase()) : 0;
    if (x < 0) {
      x = 0;
    }
    const kind = chart === 'bar' ? 'bar' : chart === 'scatter' ? 'scatter' : 'line';
    const hasBand = columnIndex(result, 'lower_bound') >= 0 && columnIndex(result, 'upper_bound') >= 0;
    const others = result.columns.filter((c, i) => i !== x);
    const isLong = !hasBand && others.length === 2 && others.some(c => c.type === 'text') && others.some(c => c.type === 'number');
    const picture = hasBand ? bandOption(result, x) : isLong ? longFormat(result, x, kind) : wide(result, x, kind, only);
    if (!picture.series.length) {
      return false;
    }
    const existing = echarts.getInstanceByDom(element);
    if (existing) {
      existing.dispose();
    }
    const instance = echarts.init(element);
    instance.setOption({
      animation: false,
      color: palette,
      tooltip: { trigger: kind === 'scatter' ? 'item' : 'axis' },
      legend: { data: picture.legend, top: 0 },
      grid: { left: 60, right: 24, top: 36, bottom: 40 },
      xAxis: { type: 'category', data: picture.xs, name: result.columns[x].name, nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', scale: true },
      dataZoom: picture.xs.length > 60 ? [{ type: 'inside' }] : [],
      series: picture.series
    });
    window.addEventListener('resize', () => instance.resize());
    element.dataset.rendered = picture.series.filter(s => s.name !== 'lower_bound').map(s => s.name).join(',');
    return true;
  }

  return { render };
})();
