/* The training form (targets follow the dataset, algorithms the task, hyperparameters the algorithm) and a job's
   progress (polls the job; opens its run when it finishes, shows the reason and a link to the run when it fails). */
(function () {
  const form = document.getElementById('train-form');
  if (form) {
    const dataset = document.getElementById('train-dataset');
    const target = document.getElementById('train-target');
    const task = document.getElementById('train-task');
    const algorithm = document.getElementById('train-algorithm');
    const experiment = document.getElementById('train-experiment');
    const search = document.getElementById('train-search');
    const datasetColumns = Eaw.data('dataset-columns', {});
    let experimentTouched = false;
    experiment.addEventListener('input', () => { experimentTouched = true; });

    function fillTargets() {
      const columns = datasetColumns[dataset.value] || [];
      target.innerHTML = '';
      columns.forEach(name => target.add(new Option(name, name)));
      const guess = columns.find(c => /^(churn|churned|label|target|class|y)$/.test(c)) || columns[columns.length - 1];
      if (guess) target.value = guess;
      if (!experimentTouched) experiment.value = dataset.value;
    }
    function showAlgorithms() {
      let first = null;
      for (const option of algorithm.options) {
        const matches = option.dataset.task === task.value;
        option.hidden = !matches;
        if (matches && !option.disabled && first === null) first = option;
      }
      const current = algorithm.selectedOptions[0];
      if (!current || current.hidden || current.disabled) algorithm.value = first ? first.value : '';
      showHyperparameters();
    }
    function showHyperparameters() {
      const searching = search.value !== 'none';
      document.querySelectorAll('fieldset.hp').forEach(fieldset => {
        const shown = fieldset.dataset.task === task.value && fieldset.dataset.algorithm === algorithm.value;
        fieldset.hidden = !shown;
        fieldset.querySelectorAll('input, select').forEach(input => {
          const isSpace = input.name.startsWith('space.');
          input.disabled = !shown || (isSpace && !searching);
        });
        fieldset.querySelectorAll('.search-col').forEach(cell => { cell.hidden = !searching; });
      });
      document.getElementById('train-trials-label').hidden = search.value !== 'random';
    }
    dataset.addEventListener('change', fillTargets);
    task.addEventListener('change', showAlgorithms);
    algorithm.addEventListener('change', showHyperparameters);
    search.addEventListener('change', showHyperparameters);
    fillTargets();
    showAlgorithms();
  }

  const csvTask = document.getElementById('train-csv-task');
  if (csvTask) {
    const csvAlgorithm = document.getElementById('train-csv-algorithm');
    const matchTask = () => {
      let first = null;
      for (const option of csvAlgorithm.options) {
        option.hidden = option.dataset.task !== csvTask.value;
        if (!option.hidden && first === null) first = option;
      }
      if (csvAlgorithm.selectedOptions[0].hidden && first) csvAlgorithm.value = first.value;
    };
    csvTask.addEventListener('change', matchTask);
    matchTask();
  }

  const job = document.getElementById('training-job');
  if (job) {
    const bar = document.getElementById('job-bar');
    async function poll() {
      const response = await fetch(job.dataset.api, { headers: { 'Accept': 'application/json' } });
      const state = await response.json();
      bar.style.width = Math.round(state.progress * 100) + '%';
      document.getElementById('job-state').textContent = state.state;
      document.getElementById('job-stage').textContent = state.stage;
      const run = document.getElementById('job-run');
      if (state.runId) {
        run.href = job.dataset.runUrl + state.runId;
        run.hidden = false;
      }
      if (state.state === 'FAILED') {
        // the reason stays on the page, with the link to the run (its logs and what it got to)
        const error = document.getElementById('job-error');
        error.textContent = state.error;
        error.hidden = false;
        bar.classList.add('failed');
      } else if (state.state === 'FINISHED') {
        bar.classList.add('done');
        if (state.runId) {
          document.getElementById('job-opening').hidden = false;
          window.location.assign(run.href);
        }
      } else {
        setTimeout(poll, 700);
      }
    }
    if (job.dataset.state !== 'FINISHED' && job.dataset.state !== 'FAILED') poll();
  }
})();
