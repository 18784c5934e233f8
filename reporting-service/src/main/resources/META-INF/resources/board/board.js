// The ops board's behaviour: the CSRF header on every htmx request, live countdowns, the action panel and the
// charts. Everything else (the list, its live reloads on server-sent events) is htmx.
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  document.body.addEventListener('htmx:configRequest', e => { e.detail.headers['X-CSRF-Token'] = csrf; });

  // Acknowledgement deadlines count down each second and turn red once passed.
  function tick() {
    const now = Date.now();
    document.querySelectorAll('time.countdown').forEach(t => {
      const left = Math.round((Date.parse(t.getAttribute('datetime')) - now) / 1000);
      const abs = Math.abs(left);
      const h = Math.floor(abs / 3600), m = Math.floor(abs % 3600 / 60), s = abs % 60;
      t.textContent = (left < 0 ? '−' : '') + (h > 0 ? h + ':' + String(m).padStart(2, '0') : m) + ':'
        + String(s).padStart(2, '0');
      t.classList.toggle('passed', left <= 0);
    });
  }
  setInterval(tick, 1000);
  document.body.addEventListener('htmx:afterSwap', tick);

  // The action panel acts on one incident at a time; it lives outside the list, so live reloads keep its input.
  const panel = document.getElementById('actions');
  document.body.addEventListener('click', e => {
    const button = e.target.closest('button.act');
    if (!button) return;
    const row = button.closest('tr');
    const id = row.dataset.incident;
    panel.hidden = false;
    document.getElementById('action-incident').textContent = id.substring(0, 8);
    document.getElementById('action-result').textContent = '';
    for (const [form, action] of [['assign-form', 'assign'], ['cancel-form', 'cancel'], ['note-form', 'notes']]) {
      const element = document.getElementById(form);
      element.setAttribute('hx-post', '/board/incidents/' + id + '/' + action);
      htmx.process(element);
    }
    const replaces = document.querySelector('#assign-form select[name=replaces]');
    replaces.querySelectorAll('option:not(:first-child)').forEach(o => o.remove());
    row.querySelectorAll('.member[data-assignment]').forEach(m => {
      replaces.add(new Option(m.dataset.label, m.dataset.assignment));
    });
  });
  // Our own refusals (bad input, CSRF, signed out) are problem+json: show what is wrong.
  document.body.addEventListener('htmx:responseError', e => {
    let text = e.detail.xhr.status + '';
    try {
      const problem = JSON.parse(e.detail.xhr.responseText);
      text += ' ' + (problem.title || '') + ': ' + (problem.detail || '');
    } catch (ignored) { /* not JSON */ }
    document.getElementById('action-result').textContent = text;
  });

  // Charts: the last 24 hours and 30 days from the statistics.
  const labels = document.body.dataset;
  function chart(element, series, hourly) {
    const width = Math.max(320, element.parentElement.clientWidth - 16);
    new uPlot({
      width: width, height: 200,
      scales: { x: { time: true }, pct: { range: [0, 100] } },
      series: [
        {},
        { label: labels.labelIncidents, stroke: '#1f6feb', fill: 'rgba(31,111,235,0.1)', paths: uPlot.paths.bars() },
        { label: labels.labelAck, stroke: '#d29922', scale: 'min' },
        { label: labels.labelSla, stroke: '#2da44e', scale: 'pct' }
      ],
      axes: [{}, { scale: 'y' }, { scale: 'min', side: 1, grid: { show: false } }]
    }, [series.t, series.incidents, series.ackP90Minutes, series.slaPercent], element);
  }
  fetch('/board/charts', { headers: { Accept: 'application/json' } })
    .then(r => r.ok ? r.json() : Promise.reject(r.status))
    .then(c => { chart(document.getElementById('chart-day'), c.day, true);
      chart(document.getElementById('chart-month'), c.month, false); })
    .catch(status => { document.getElementById('charts').dataset.error = status; });
})();
