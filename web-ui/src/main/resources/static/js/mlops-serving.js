/*
 * The serving section of a model's page (templates/mlops/serving.html): pick a version or alias, try it with an
 * example row from its signature (and see the curl line), live stats polled every few seconds with a chart of
 * requests per minute, drift (PSI per input) as a badge and a bar chart, and the traffic split.
 */
(function () {
  const section = document.getElementById('serving');
  if (!section) {
    return;
  }
  const model = section.dataset.model;
  const base = '/api/mlops/serving/' + encodeURIComponent(model);
  const $ = id => document.getElementById(id);
  const i18n = key => ($('serving-i18n') || { dataset: {} }).dataset[key] || key;
  const select = $('serving-version');
  const input = $('serving-input');
  const output = $('serving-output');
  const charts = {};
  let statsTimer = null;

  function chart(id) {
    if (!window.echarts || !$(id)) {
      return null;
    }
    if (!charts[id]) {
      charts[id] = echarts.init($(id));
      window.addEventListener('resize', () => charts[id].resize());
    }
    return charts[id];
  }

  function showError(error) {
    const box = $('serving-error');
    box.textContent = error ? error.message : '';
    box.hidden = !error;
  }

  function target() {
    return encodeURIComponent(select.value || 'latest');
  }

  async function loadOverview() {
    const overview = await Eaw.api(base);
    select.innerHTML = '';
    const add = (value, label) => {
      const option = document.createElement('option');
      option.value = value;
      option.textContent = label;
      select.appendChild(option);
    };
    Object.entries(overview.aliasVersions || {}).forEach(([alias, version]) =>
      add(alias, Eaw.format(i18n('alias'), alias, version)));
    if (!overview.versions.length) {
      showError(new Error(i18n('noVersions')));
      return false;
    }
    add('latest', i18n('latest'));
    overview.versions.slice().sort((a, b) => Number(b) - Number(a)).forEach(v => add(v, 'v' + v));
    renderRoutes(overview.routes || []);
    return true;
  }

  async function loadSignature() {
    const served = await Eaw.api(base + '/' + target() + '/signature');
    input.value = JSON.stringify({ dataframe_records: [served.example] }, null, 2);
    renderCurl();
  }

  function invocationsUrl() {
    return window.location.origin + base + '/' + target() + '/invocations';
  }

  function renderCurl() {
    let body;
    try {
      body = JSON.stringify(JSON.parse(input.value));
    } catch (e) {
      body = input.value.replace(/\s+/g, ' ');
    }
    $('serving-curl').textContent = "curl -u user:password -H 'Content-Type: application/json' \\\n  -d '"
      + body.replace(/'/g, "'\\''") + "' \\\n  " + invocationsUrl();
  }

  async function send() {
    output.textContent = i18n('sending');
    $('serving-answer-version').textContent = '';
    const started = performance.now();
    try {
      const response = await fetch(base + '/' + target() + '/invocations', {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json' }, Eaw.csrfHeaders()),
        body: input.value
      });
      const text = await response.text();
      let shown = text;
      try {
        shown = JSON.stringify(JSON.parse(text), null, 2);
      } catch (e) { /* not JSON: show as it came */ }
      output.textContent = response.status + '\n' + shown;
      if (response.ok) {
        $('serving-answer-version').textContent = Eaw.format(i18n('answered'),
          response.headers.get('X-Model-Version'), Math.round(performance.now() - started));
      }
      refreshStats();
    } catch (error) {
      output.textContent = error.message;
    }
  }

  async function refreshStats() {
    try {
      const stats = await Eaw.api(base + '/' + target() + '/stats');
      $('serving-requests').textContent = stats.requests;
      $('serving-errors').textContent = stats.errors;
      $('serving-rows').textContent = stats.rows;
      $('serving-latency').textContent = stats.p50Ms + ' / ' + stats.p95Ms + ' / ' + stats.p99Ms + ' ms';
      const requests = chart('serving-requests-chart');
      if (requests) {
        requests.setOption({
          grid: { left: 40, right: 12, top: 24, bottom: 28 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: stats.perMinute.map(m => new Date(m.minute).toTimeString().slice(0, 5)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ name: i18n('perMinute'), type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 },
            itemStyle: { color: '#2f5bea' }, data: stats.perMinute.map(m => m.requests) }]
        });
      }
    } catch (error) {
      showError(error);
    }
  }

  async function refreshDrift() {
    try {
      const drift = await Eaw.api(base + '/' + target() + '/drift');
      const badge = $('serving-drift-badge');
      const names = { 'none': 'none', 'moderate': 'moderate', 'significant': 'significant', 'insufficient-data': 'insufficient' };
      badge.textContent = i18n(names[drift.status] || 'insufficient');
      badge.className = 'drift-badge drift-' + drift.status;
      $('serving-drift-summary').textContent = Eaw.format(i18n('driftRows'), drift.rows);
      const bars = chart('serving-drift-chart');
      if (bars) {
        const colour = s => s === 'significant' ? '#b42318' : s === 'moderate' ? '#e8833a' : '#1c9a6c';
        bars.setOption({
          grid: { left: 90, right: 16, top: 12, bottom: 28 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'value', name: i18n('psi') },
          yAxis: { type: 'category', data: drift.features.map(f => f.name) },
          series: [{ name: i18n('psi'), type: 'bar',
            data: drift.features.map(f => ({ value: f.psi === null ? 0 : f.psi, itemStyle: { color: colour(f.status) } })),
            markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#5f6b7d' },
              data: [{ xAxis: 0.1 }, { xAxis: 0.25 }] } }]
        });
      }
    } catch (error) {
      showError(error);
    }
  }

  function renderRoutes(routes) {
    const body = $('serving-routes').querySelector('tbody');
    body.innerHTML = '';
    routes.forEach(route => {
      const row = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = route.target;
      const percent = document.createElement('td');
      percent.textContent = route.percent + ' %';
      row.append(name, percent);
      body.appendChild(row);
    });
    $('serving-no-split').hidden = routes.length > 0;
  }

  async function saveRoutes(routes) {
    try {
      const saved = await Eaw.api(base + '/traffic', { method: 'PUT', json: { routes } });
      renderRoutes(saved.routes);
      showError(null);
    } catch (error) {
      showError(error);
    }
  }

  async function selectVersion() {
    showError(null);
    try {
      await loadSignature();
    } catch (error) {
      showError(error);
    }
    refreshStats();
    refreshDrift();
  }

  const form = $('serving-traffic-form');
  if (form) {
    form.addEventListener('submit', event => {
      event.preventDefault();
      const first = form.elements.first.value.trim();
      const percent = Number(form.elements.percent.value);
      const second = form.elements.second.value.trim();
      const routes = [{ target: first, percent }];
      if (second && percent < 100) {
        routes.push({ target: second, percent: 100 - percent });
      }
      saveRoutes(routes);
    });
    $('serving-clear-split').addEventListener('click', () => saveRoutes([]));
  }
  select.addEventListener('change', selectVersion);
  input.addEventListener('input', renderCurl);
  $('serving-send').addEventListener('click', send);

  loadOverview().then(ok => {
    if (ok) {
      selectVersion();
      statsTimer = setInterval(refreshStats, 5000);
      setInterval(refreshDrift, 30000);
    }
  }).catch(showError);
  window.addEventListener('beforeunload', () => clearInterval(statsTimer));
})();
