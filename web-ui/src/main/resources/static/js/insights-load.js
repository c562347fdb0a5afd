/* Polls a background CSV load and shows its progress; opens the dataset when it is done. */
(function () {
  const box = document.getElementById('load');
  const bar = document.getElementById('load-bar');
  const status = document.getElementById('load-status');
  async function poll() {
    const response = await fetch(box.dataset.api, { headers: { 'Accept': 'application/json' } });
    const job = await response.json();
    bar.style.width = job.percent + '%';
    status.textContent = job.percent + '% · ' + job.rows.toLocaleString() + ' ' + box.dataset.rowsLabel;
    if (job.status === 'done') {
      location.href = box.dataset.doneUrl;
    } else if (job.status === 'failed' || job.status === 'interrupted') {
      const error = document.getElementById('load-error');
      error.textContent = job.error;
      error.hidden = false;
      bar.classList.add('failed');
      document.getElementById('load-back').hidden = false;
    } else {
      setTimeout(poll, 500);
    }
  }
  poll();
})();
