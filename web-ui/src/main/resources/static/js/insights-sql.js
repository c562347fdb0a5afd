/* The SQL workbench: CodeMirror editor, run through /api/insights/query, table + chart, CSV, save. */
(function () {
  const editor = CodeMirror.fromTextArea(document.getElementById('sql'), {
    mode: 'text/x-sql', lineNumbers: true, matchBrackets: true, indentWithTabs: false,
    extraKeys: { 'Ctrl-Enter': run, 'Cmd-Enter': run, 'Ctrl-Space': 'autocomplete' }
  });
  window.eawEditor = editor;
  const status = document.getElementById('status');
  const errorBox = document.getElementById('error');
  const warnings = document.getElementById('warnings');
  const chartType = document.getElementById('chart-type');
  const chartX = document.getElementById('chart-x');
  const chartCard = document.getElementById('chart-card');
  const resultCard = document.getElementById('result-card');
  const csvButton = document.getElementById('download-csv');
  let last = null;
  const savedQuery = Eaw.data('saved-query', null);
  if (savedQuery) {
    chartType.value = savedQuery.chart || 'table';
  }

  async function run() {
    const sql = editor.getValue();
    status.textContent = Eaw.text('running');
    errorBox.hidden = true;
    warnings.hidden = true;
    try {
      last = await Eaw.api('/api/insights/query', { method: 'POST', json: { sql } });
      showResult(last);
    } catch (e) {
      last = null;
      errorBox.textContent = e.message;
      errorBox.hidden = false;
      status.textContent = '';
      csvButton.disabled = true;
    }
  }

  function showResult(result) {
    let text = Eaw.format(Eaw.text('rows'), result.rowCount, result.elapsedMs);
    if (result.truncated) {
      text += ' ' + Eaw.text('truncated');
    }
    if (result.aiCalls > 0) {
      text += ' ' + Eaw.format(Eaw.text('cache'), result.aiCalls, result.aiCacheHits);
    }
    status.textContent = text;
    if (result.warnings.length) {
      warnings.textContent = result.warnings.join(' · ');
      warnings.hidden = false;
    }
    const previousX = chartX.value || (savedQuery && savedQuery.x) || '';
    chartX.innerHTML = '';
    result.columns.forEach(c => chartX.add(new Option(c.name, c.name)));
    if (result.columns.some(c => c.name === previousX)) {
      chartX.value = previousX;
    }
    if (chartType.value === 'table' && result.columns.some(c => c.name === 'lower_bound')) {
      chartType.value = 'line';
    }
    table(result);
    chart();
    csvButton.disabled = false;
  }

  function table(result) {
    const t = document.getElementById('result');
    t.innerHTML = '';
    const head = t.createTHead().insertRow();
    result.columns.forEach(c => { const th = document.createElement('th'); th.textContent = c.name; head.appendChild(th); });
    const body = t.createTBody();
    result.rows.slice(0, 1000).forEach(r => {
      const tr = body.insertRow();
      r.forEach((v, i) => {
        const td = tr.insertCell();
        // a VARIANT, OBJECT or ARRAY is shown as Snowflake shows it: pretty JSON, a string in quotes
        const json = v !== null && (typeof v === 'object' || result.columns[i].type === 'variant');
        td.textContent = v === null ? 'NULL' : json ? JSON.stringify(v, null, 2)
          : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(4) : String(v);
        if (v === null) td.className = 'null';
        if (json) td.classList.add('json');
        if (result.columns[i].type === 'number') td.classList.add('num');
      });
    });
    resultCard.hidden = false;
  }

  function chart() {
    if (!last) return;
    chartCard.hidden = false;
    const drawn = EawCharts.render(document.getElementById('chart'), last, chartType.value, chartX.value);
    chartCard.hidden = !drawn;
  }

  async function downloadCsv() {
    const response = await fetch('/api/insights/query', {
      method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'text/csv' }, Eaw.csrfHeaders()),
      body: JSON.stringify({ sql: editor.getValue() })
    });
    if (!response.ok) {
      errorBox.textContent = (await response.json()).detail;
      errorBox.hidden = false;
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'query.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    URL.revokeObjectURL(url);
  }

  document.getElementById('run').addEventListener('click', run);
  chartType.addEventListener('change', chart);
  chartX.addEventListener('change', chart);
  csvButton.addEventListener('click', downloadCsv);
  document.querySelectorAll('.history-item').forEach(a => a.addEventListener('click', e => {
    e.preventDefault();
    editor.setValue(a.dataset.sql);
    run();
  }));
  const save = document.getElementById('save-form');
  if (save) {
    save.addEventListener('submit', () => {
      document.getElementById('save-sql').value = editor.getValue();
      document.getElementById('save-chart').value = chartType.value;
      document.getElementById('save-x').value = chartX.value;
    });
  }
  if (savedQuery || new URLSearchParams(location.search).has('q')) {
    run();
  }
})();
