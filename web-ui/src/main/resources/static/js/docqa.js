/* Document Q&A: a collection's page (uploads by drag and drop or file input, each file's outcome, the documents
   table polled every second while any document is being ingested, deletes) and the document viewer (the cited
   chunk scrolled into view). */
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(form =>
    form.addEventListener('submit', event => { if (!confirm(form.dataset.confirm)) event.preventDefault(); }));

  const highlighted = document.querySelector('.chunk.highlight');
  if (highlighted) highlighted.scrollIntoView({ block: 'center' });

  const table = document.getElementById('documents-table');
  if (!table) return;
  const body = document.getElementById('documents-body');
  const canChange = table.dataset.canChange === 'true';
  const working = status => status === 'queued' || status === 'extracting' || status === 'embedding';
  let timer = null;

  function cell(row, content, className) {
    const td = row.insertCell();
    if (className) td.className = className;
    if (content instanceof Node) td.appendChild(content); else td.textContent = content == null ? '' : content;
    return td;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(documents) {
    body.innerHTML = '';
    documents.forEach(d => {
      const row = body.insertRow();
      row.id = 'document-' + d.id;
      row.dataset.status = d.status;
      const link = el('a', null, d.title);
      link.href = table.dataset.page + d.id;
      cell(row, link);
      cell(row, el('code', null, d.type));
      cell(row, d.pages, 'num');
      cell(row, d.chunks, 'num');
      cell(row, el('span', 'run-status doc-' + d.status, Eaw.text(d.status) || d.status));
      const progress = el('div', 'progress slim');
      const bar = el('div', 'bar' + (d.status === 'failed' ? ' failed' : d.status === 'ready' ? ' done' : ''));
      bar.style.width = Math.round(d.progress * 100) + '%';
      progress.appendChild(bar);
      cell(row, progress);
      cell(row, d.reason, 'small error-text');
      const metadata = cell(row, '', 'small');
      Object.entries(d.metadata || {}).forEach(([key, value]) => metadata.appendChild(el('code', 'metadata-pair', key + '=' + value)));
      const actions = cell(row, '');
      if (canChange && d.status === 'failed') {
        const retry = el('button', 'small retry-document', Eaw.text('retry'));
        retry.type = 'button';
        retry.dataset.id = d.id;
        actions.appendChild(retry);
      }
      if (canChange) {
        const button = el('button', 'danger small delete-document', Eaw.text('delete'));
        button.type = 'button';
        button.dataset.id = d.id;
        button.dataset.title = d.title;
        actions.appendChild(button);
      }
    });
    table.hidden = documents.length === 0;
    document.getElementById('documents-none').hidden = documents.length > 0;
  }

  async function refresh() {
    timer = null;
    try {
      const documents = await Eaw.api(table.dataset.api);
      render(documents);
      if (documents.some(d => working(d.status))) poll();
    } catch (e) {
      poll();
    }
  }

  function poll() {
    if (!timer) timer = setTimeout(refresh, 1000);
  }

  body.addEventListener('click', async event => {
    const retry = event.target.closest('.retry-document');
    if (retry) {
      try {
        await Eaw.api(table.dataset.api + '/' + retry.dataset.id + '/retry', { method: 'POST' });
        refresh();
      } catch (e) {
        alert(e.message);
      }
      return;
    }
    const button = event.target.closest('.delete-document');
    if (!button || !confirm(Eaw.format(Eaw.text('confirmDelete'), button.dataset.title))) return;
    try {
      await Eaw.api(table.dataset.api + '/' + button.dataset.id, { method: 'DELETE' });
      refresh();
    } catch (e) {
      alert(e.message);
    }
  });

  const input = document.getElementById('upload-files');
  const zone = document.getElementById('dropzone');
  const outcomes = document.getElementById('upload-outcomes');

  async function upload(files) {
    if (!files.length) return;
    const form = new FormData();
    Array.from(files).forEach(file => form.append('files', file, file.name));
    const metadata = document.getElementById('upload-metadata');
    (metadata ? metadata.value : '').split(/[,\n]/).filter(pair => pair.trim()).forEach(pair => {
      const equals = pair.indexOf('=');
      form.append('metadata.' + (equals < 0 ? pair : pair.slice(0, equals)).trim(), equals < 0 ? '' : pair.slice(equals + 1).trim());
    });
    outcomes.innerHTML = '';
    outcomes.appendChild(el('li', 'muted', Eaw.text('uploading')));
    try {
      const result = await Eaw.api(table.dataset.api, { method: 'POST', body: form });
      outcomes.innerHTML = '';
      result.forEach(o => {
        const item = el('li', 'upload-outcome');
        item.dataset.status = o.status;
        item.appendChild(el('span', null, o.fileName));
        item.appendChild(el('span', 'outcome outcome-' + o.status, Eaw.text(o.status) || o.status));
        if (o.reason) item.appendChild(el('span', 'muted', o.reason));
        outcomes.appendChild(item);
      });
    } catch (e) {
      outcomes.innerHTML = '';
      outcomes.appendChild(el('li', 'error-text', e.message));
    }
    refresh();
  }

  if (input) {
    input.addEventListener('change', () => { upload(input.files).then(() => { input.value = ''; }); });
    ['dragenter', 'dragover'].forEach(type => zone.addEventListener(type, event => {
      event.preventDefault();
      zone.classList.add('over');
    }));
    ['dragleave', 'drop'].forEach(type => zone.addEventListener(type, () => zone.classList.remove('over')));
    zone.addEventListener('drop', event => {
      event.preventDefault();
      upload(event.dataTransfer.files);
    });
  }

  if (Array.from(body.rows).some(row => working(row.dataset.status))) poll();
})();
