/* Shared browser helpers: JSON calls to the API with the session's CSRF token, and message formatting. */
window.Eaw = (function () {
  function csrfHeaders() {
    const token = document.querySelector('meta[name="_csrf"]');
    const header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { [header.content]: token.content } : {};
  }

  async function api(path, options) {
    const opts = Object.assign({ method: 'GET', headers: {} }, options || {});
    opts.headers = Object.assign({ 'Accept': 'application/json' }, csrfHeaders(), opts.headers);
    if (opts.json !== undefined) {
      opts.body = JSON.stringify(opts.json);
      opts.headers['Content-Type'] = 'application/json';
    }
    let response = await fetch(path, opts);
    // busy (a user's concurrent query limit): wait as the server asks, a few times
    for (let attempt = 0; response.status === 429 && attempt < 3; attempt++) {
      const seconds = Math.min(10, parseInt(response.headers.get('Retry-After') || '2', 10) || 2);
      await new Promise(resolve => setTimeout(resolve, seconds * 1000));
      response = await fetch(path, opts);
    }
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : await response.text();
    if (!response.ok) {
      const detail = body && body.detail ? body.detail : (response.status + ' ' + response.statusText);
      const error = new Error(detail);
      error.status = response.status;
      throw error;
    }
    return body;
  }

  /** Replaces {0}, {1}… in a message with the arguments. */
  function format(message, ...args) {
    return (message || '').replace(/\{(\d+)\}/g, (m, i) => args[i] !== undefined ? args[i] : m);
  }

  function text(key) {
    const holder = document.getElementById('i18n');
    return holder ? holder.dataset[key] || '' : '';
  }

  /** The JSON of a <script type="application/json" id="…"> data block (pages pass data so, not as inline code). */
  function data(id, fallback) {
    const block = document.getElementById(id);
    return block ? JSON.parse(block.textContent) : fallback;
  }

  return { api, csrfHeaders, format, text, data };
})();
