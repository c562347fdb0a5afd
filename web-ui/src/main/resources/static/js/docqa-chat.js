/* The chat page of a collection: the question is POSTed to …/ask/stream and the server-sent events are read from the
   response body (EventSource cannot POST): 'retrieval', 'token'…, 'citations', 'done' or 'error' ('notice' when the
   model failed: the tokens after it are an extractive answer that replaces the ones before). The answer grows as
   the tokens arrive, [n] become links to the cited chunk in the document viewer, and the conversation is kept in the
   browser's session storage for this collection. */
(function () {
  const chat = document.getElementById('chat');
  if (!chat) return;
  const $ = id => document.getElementById(id);
  const conversation = $('conversation');
  const form = $('ask-form');
  const question = $('question');
  const storageKey = 'eaw-docqa-chat-' + chat.dataset.collection;
  const exchanges = JSON.parse(sessionStorage.getItem(storageKey) || '[]');
  const conversationId = sessionStorage.getItem(storageKey + '-id')
    || (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()));
  sessionStorage.setItem(storageKey + '-id', conversationId);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function sourceUrl(citation) {
    const sentences = citation.from != null && citation.to != null
      ? '&from=' + citation.from + '&to=' + citation.to : '';
    return chat.dataset.documents + citation.documentId + '?chunk=' + citation.chunkId + sentences
      + '#chunk-' + citation.chunkId;
  }

  function pageOf(page) {
    return page == null ? '' : ' · ' + Eaw.format(Eaw.text('page'), page);
  }

  /** The answer's text with each [n] that has a citation turned into a link to its source. */
  function renderAnswer(box, text, citations) {
    box.innerHTML = '';
    const byNumber = {};
    (citations || []).forEach(c => { byNumber[c.number] = c; });
    let last = 0;
    text.replace(/\[(\d+)\]/g, (match, n, offset) => {
      const citation = byNumber[n];
      if (!citation) return match;
      box.appendChild(document.createTextNode(text.slice(last, offset)));
      const link = el('a', 'cite', match);
      link.href = sourceUrl(citation);
      link.title = citation.title + pageOf(citation.page);
      box.appendChild(link);
      last = offset + match.length;
      return match;
    });
    box.appendChild(document.createTextNode(text.slice(last)));
  }

  function renderCitations(list, citations) {
    list.innerHTML = '';
    citations.forEach(c => {
      const item = el('li');
      const link = el('a', 'citation-link', '[' + c.number + '] ' + c.title + pageOf(c.page));
      link.href = sourceUrl(c);
      item.appendChild(link);
      item.appendChild(el('span', 'snippet', c.snippet));
      list.appendChild(item);
    });
  }

  function score(value, rank) {
    return value == null ? Eaw.text('none') : value.toFixed(3) + ' (' + rank + ')';
  }

  function renderRetrieved(box, hits) {
    box.innerHTML = '';
    box.appendChild(el('h3', 'small', Eaw.text('retrieved')));
    const table = el('table', 'grid retrieved-table');
    const head = table.createTHead().insertRow();
    ['rank', 'source', 'score', 'bm25', 'dense'].forEach(key => head.appendChild(el('th', null, Eaw.text(key))));
    head.appendChild(el('th'));
    const body = table.createTBody();
    hits.forEach((hit, i) => {
      const row = body.insertRow();
      row.insertCell().textContent = i + 1;
      const source = row.insertCell();
      const link = el('a', null, hit.title + pageOf(hit.page));
      link.href = sourceUrl(hit);
      source.appendChild(link);
      if (hit.heading) source.appendChild(el('div', 'small muted', hit.heading));
      row.insertCell().textContent = hit.score.toFixed(3);
      row.insertCell().textContent = score(hit.bm25Score, hit.bm25Rank);
      row.insertCell().textContent = score(hit.denseScore, hit.denseRank);
      const text = row.insertCell();
      text.className = 'text';
      text.textContent = hit.text.length > 300 ? hit.text.slice(0, 300) + '…' : hit.text;
    });
    box.appendChild(table);
  }

  /** The elements of one question and its answer; render() fills them from the exchange. */
  function view(exchange) {
    const node = el('div', 'exchange');
    node.appendChild(el('div', 'question', exchange.question));
    const answer = el('div', 'answer');
    const meta = el('div', 'meta');
    const citations = el('ol', 'citations');
    const retrieved = el('div', 'retrieved');
    [answer, meta, citations, retrieved].forEach(child => node.appendChild(child));
    conversation.appendChild(node);
    $('chat-empty').hidden = true;
    const parts = { answer, meta, citations, retrieved };
    const render = () => {
      renderAnswer(answer, exchange.answer || (exchange.done ? '' : Eaw.text('thinking')), exchange.citations);
      answer.classList.toggle('failed', !!exchange.error);
      if (exchange.error) answer.textContent = exchange.error;
      renderCitations(citations, exchange.citations || []);
      if (exchange.hits) renderRetrieved(retrieved, exchange.hits);
      meta.textContent = (exchange.mode ? Eaw.format(Eaw.text('mode'), exchange.mode, exchange.latencyMs) : '')
        + (exchange.notice ? ' · ' + exchange.notice : '');
    };
    render();
    return Object.assign(parts, { node, render });
  }

  function save() {
    sessionStorage.setItem(storageKey, JSON.stringify(exchanges.filter(e => e.done)));
  }

  /** Calls back for each complete event of a server-sent event stream. */
  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        block.split('\n').forEach(line => {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        });
        if (data.length) onEvent(name, JSON.parse(data.join('\n')));
      }
      if (done) return;
    }
  }

  async function ask(text) {
    const exchange = { question: text, answer: '', citations: [], done: false };
    exchanges.push(exchange);
    const shown = view(exchange);
    shown.node.scrollIntoView({ block: 'end' });
    $('ask-submit').disabled = true;
    try {
      const response = await fetch(chat.dataset.api, {
        method: 'POST',
        headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'text/event-stream' }, Eaw.csrfHeaders()),
        body: JSON.stringify({ question: text, conversationId })
      });
      if (!(response.headers.get('Content-Type') || '').includes('text/event-stream')) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.detail || response.status + ' ' + response.statusText);
      }
      await readEvents(response, (name, data) => {
        if (name === 'retrieval') exchange.hits = data;
        else if (name === 'token') exchange.answer += data.text;
        else if (name === 'notice') Object.assign(exchange, { notice: data.notice, answer: '' }); // tokens restart
        else if (name === 'citations') exchange.citations = data;
        else if (name === 'done') {
          Object.assign(exchange, { mode: data.mode, latencyMs: data.latencyMs, notice: data.notice });
        }
        else if (name === 'error') exchange.error = data.detail || data.title;
        shown.render();
      });
    } catch (e) {
      exchange.error = e.message;
    }
    exchange.done = true;
    shown.render();
    save();
    $('ask-submit').disabled = false;
  }

  exchanges.forEach(exchange => view(exchange));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) return;
    question.value = '';
    ask(text);
  });
  $('show-chunks').addEventListener('change', event => chat.classList.toggle('show-chunks', event.target.checked));
  $('chat-clear').addEventListener('click', () => {
    exchanges.length = 0;
    save();
    conversation.innerHTML = '';
    $('chat-empty').hidden = false;
  });
})();
