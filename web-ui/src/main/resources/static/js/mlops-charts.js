/*
 * The MLOps pages' charts with ECharts, drawn from JSON in data attributes:
 * - #metric-charts data-charts: [{key, series: [{name, data: [[step, value], …]}]}], one line chart per metric key;
 * - #feature-importance data-importance: {method, features: [{name, importance}]}, a horizontal bar chart.
 */
(function () {
  const palette = ['#2f5bea', '#e8833a', '#1c9a6c', '#b84fd1', '#d64545', '#4aa3c8', '#8a7f2e', '#6b6b6b'];
  const drawn = [];

  function metricCharts(holder) {
    const charts = JSON.parse(holder.dataset.charts || '[]');
    charts.forEach((chart, n) => {
      const box = document.createElement('figure');
      box.className = 'metric-chart';
      box.id = 'metric-chart-' + n;
      box.dataset.key = chart.key;
      const title = document.createElement('figcaption');
      title.textContent = chart.key;
      const plot = document.createElement('div');
      plot.className = 'chart metric-plot';
      box.append(title, plot);
      holder.append(box);
      const instance = echarts.init(plot);
      instance.setOption({
        color: palette,
        tooltip: { trigger: 'axis' },
        legend: chart.series.length > 1 ? { type: 'scroll', top: 0 } : undefined,
        grid: { left: 60, right: 20, top: chart.series.length > 1 ? 36 : 16, bottom: 40 },
        xAxis: { type: 'value', name: holder.dataset.x || 'step', nameLocation: 'middle', nameGap: 26, minInterval: 1 },
        yAxis: { type: 'value', scale: true },
        series: chart.series.map(s => ({ name: s.name, type: 'line', data: s.data, showSymbol: s.data.length < 50,
          connectNulls: false }))
      });
      drawn.push(instance);
    });
  }

  function featureImportance(holder) {
    const data = JSON.parse(holder.dataset.importance || '{}');
    const features = (data.features || []).slice().reverse();
    const instance = echarts.init(holder);
    instance.setOption({
      color: palette,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 30, top: data.method ? 30 : 10, bottom: 20, containLabel: true },
      title: data.method ? { text: data.method, textStyle: { fontSize: 12, fontWeight: 'normal', color: '#5f6b7d' } } : undefined,
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: features.map(f => f.name) },
      series: [{ type: 'bar', data: features.map(f => f.importance) }]
    });
    holder.style.height = Math.max(220, features.length * 24 + 60) + 'px';
    instance.resize();
    drawn.push(instance);
  }

  document.addEventListener('DOMContentLoaded', () => {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-charts]').forEach(metricCharts);
    document.querySelectorAll('[data-importance]').forEach(featureImportance);
    window.addEventListener('resize', () => drawn.forEach(c => c.resize()));
  });
})();
