/* An experiment's runs table: the column picker (which metric, param and tag columns show, remembered in this
   browser per experiment) and child runs shown or hidden under their parent (also remembered), as MLflow's UI does. */
(function () {
  const table = document.getElementById('runs-table');
  if (!table) return;
  const experiment = table.dataset.experiment;
  const columnsKey = 'eaw.mlops.columns.' + experiment;
  const expandedKey = 'eaw.mlops.expanded.' + experiment;
  const MAX_EXPANDED = 200;

  function read(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key));
    } catch (e) {
      return null;
    }
  }
  function write(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(value));
    } catch (e) {
      // storage full or refused: the choice holds until the page is left
    }
  }

  // Long keys break after their underscores and dots (validation_/log_loss) before anywhere else.
  table.querySelectorAll('th[data-col] a.sort').forEach(link => {
    const parts = link.textContent.split(/(?<=[_.])/);
    if (parts.length < 2) return;
    link.textContent = '';
    parts.forEach((part, i) => {
      if (i > 0) link.appendChild(document.createElement('wbr'));
      link.appendChild(document.createTextNode(part));
    });
  });

  // Columns: the saved choice says shown or hidden per column id; columns it does not know keep their default.
  const choices = Array.from(document.querySelectorAll('.column-choice'));
  const shownCount = document.getElementById('columns-shown');
  function isDefault(box) { return box.dataset.default === 'true'; }
  function showColumns(choice) {
    const shown = new Set();
    choices.forEach(box => {
      box.checked = choice && box.value in choice ? choice[box.value] === true : isDefault(box);
      if (box.checked) shown.add(box.value);
    });
    table.querySelectorAll('[data-col]').forEach(cell => { cell.hidden = !shown.has(cell.dataset.col); });
    table.querySelectorAll('th[data-group]').forEach(header => {
      const count = choices.filter(box => box.checked && box.value.startsWith(header.dataset.group + '.')).length;
      header.colSpan = Math.max(count, 1);
      header.hidden = count === 0;
    });
    if (shownCount) shownCount.textContent = shown.size;
  }
  choices.forEach(box => box.addEventListener('change', () => {
    const choice = {};
    choices.forEach(each => { choice[each.value] = each.checked; });
    write(columnsKey, Object.assign(read(columnsKey) || {}, choice));
    showColumns(choice);
  }));
  const reset = document.getElementById('columns-reset');
  if (reset) reset.addEventListener('click', () => { write(columnsKey, null); showColumns(null); });
  const saved = read(columnsKey);
  if (saved && typeof saved === 'object') showColumns(saved);

  // Child runs: hidden under a collapsed parent, shown (with their own expanded children) under an expanded one.
  const rows = Array.from(table.tBodies[0].rows);
  const children = {};
  rows.forEach(row => {
    if (row.dataset.parent) (children[row.dataset.parent] = children[row.dataset.parent] || []).push(row);
  });
  let expanded = read(expandedKey);
  expanded = new Set(Array.isArray(expanded) ? expanded : []);
  function showChildren(runId, visible) {
    (children[runId] || []).forEach(row => {
      row.hidden = !visible;
      showChildren(row.dataset.run, visible && expanded.has(row.dataset.run));
    });
  }
  table.querySelectorAll('button.expander').forEach(button => {
    const runId = button.dataset.run;
    button.setAttribute('aria-expanded', String(expanded.has(runId)));
    button.addEventListener('click', () => {
      if (expanded.has(runId)) expanded.delete(runId);
      else expanded.add(runId);
      write(expandedKey, Array.from(expanded).slice(-MAX_EXPANDED));
      button.setAttribute('aria-expanded', String(expanded.has(runId)));
      showChildren(runId, expanded.has(runId));
    });
  });
  rows.filter(row => !row.dataset.parent).forEach(row => showChildren(row.dataset.run, expanded.has(row.dataset.run)));
})();
