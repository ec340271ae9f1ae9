// The coaching dashboard: draws the model embedded in #dashboard-data (DashboardModel.cs) with the inlined plotly.js.
// Every text from the data goes through textContent or esc(); nothing is fetched.
(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('dashboard-data').textContent);
  // Cells arrive as [value, n, people, note index, thin] (DashboardPage.CompactCells): restore the objects in place.
  // Keys come from the data (decision types, channels), so they are set as own properties, never through a setter.
  (function inflate() {
    const notes = D.cell_notes || [];
    const cell = a => Array.isArray(a) ? { value: a[0], n: a[1], people: a[2], note: a[3] < 0 ? null : notes[a[3]], thin: a[4] === 1 } : a;
    const put = (o, k, v) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
    const cells = m => { if (m) Object.keys(m).forEach(k => put(m, k, cell(m[k]))); };
    const group = g => {
      if (!g) return;
      if (g.kpis) Object.keys(g.kpis).forEach(k => {
        const v = g.kpis[k];
        v.current = cell(v.current); v.window = cell(v.window); v.baseline = cell(v.baseline); v.series = v.series.map(cell);
      });
      cells(g.dqr_by_type); cells(g.res_by_channel);
      if (g.segments) Object.keys(g.segments).forEach(c => g.segments[c].forEach(s => cells(s.kpis)));
    };
    group(D.organisation);
    D.teams.forEach(group);
    D.ranking.forEach(r => cells(r.values));
    if (D.pilot) D.pilot.arms.forEach(a => cells(a.kpis));
  })();
  const view = document.getElementById('view'), titleEl = document.getElementById('view-title');
  const back = document.getElementById('back'), crumbs = document.getElementById('crumbs');
  const KPIS = D.kpis, COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
  const NA = '#9e9e9e';
  const history = [];
  let chartId = 0;
  const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  // A name from the data as plotly shows it: at most 32 characters, and literal (plotly reads <b>, <a> and entities in its texts).
  const tick = s => { const t = String(s); return esc(t.length > 32 ? t.slice(0, 31) + '…' : t); };
  const fmt = v => v === null || v === undefined ? 'n/a' : Number(v).toFixed(1);
  const kpiOf = key => KPIS.find(k => k.key === key);
  const nText = (c, k) => c.n === null || c.n === undefined ? '' : 'n = ' + c.n.toLocaleString('en') + ' ' + k.count_noun + (c.people ? ' by ' + c.people + ' people' : '');
  const cellText = (c, k) => c.value === null || c.value === undefined ? (c.note === 'no data' ? 'no data' : 'n/a' + (c.note ? ' (' + c.note + ')' : '')) : fmt(c.value) + (c.n !== null ? ' (' + nText(c, k) + ')' : '') + (c.thin ? ' [' + c.note + ']' : '');
  const delta = (v, ref) => (v === null || ref === null || v === undefined || ref === undefined) ? '–'
    : (v - ref >= 0 ? '<span class="up">▲ +' : '<span class="down">▼ ') + (v - ref).toFixed(1) + '</span>';
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const layoutBase = (title, ytitle, extra) => Object.assign({
    title: { text: title, x: 0.01, xanchor: 'left', y: 0.97, yanchor: 'top' }, font: { family: 'Arial, sans-serif', size: 13 },
    margin: { l: 64, r: 24, t: 64, b: 80 }, legend: { orientation: 'h', y: -0.25 }, height: 400,
    xaxis: { title: { text: 'week starting (Monday)' } }, yaxis: { title: { text: ytitle } }
  }, extra || {});
  function slot(parent) { const div = el('div', 'chart'); div.id = 'c' + (++chartId); parent.appendChild(div); return div; }
  function plot(div, traces, layout) { Plotly.newPlot(div, traces, layout, { responsive: true, displaylogo: false }); return div; }
  const chart = (parent, traces, layout) => plot(slot(parent), traces, layout);
  function show(render, label) { history.push({ render, label }); draw(); }
  function draw() {
    const top = history[history.length - 1];
    view.innerHTML = ''; chartId = 0;
    back.hidden = history.length < 2;
    crumbs.textContent = history.map(h => h.label).join(' › ');
    top.render();
  }
  back.onclick = () => { history.pop(); draw(); };
  const weeks = D.weeks.map(w => w.monday);
  const weekHover = (g, k) => g.kpis[k.key].series.map((c, i) => D.weeks[i].from + ' to ' + D.weeks[i].to + (D.weeks[i].complete ? '' : ' (incomplete week)') + ': ' + cellText(c, k));

  function periodNote(parent) {
    const p = el('p', 'muted period');
    const cur = D.current_week;
    p.textContent = (cur ? 'Current = the latest complete week, ' + cur.from + ' to ' + cur.to + '. ' : 'The data hold no complete week yet. ')
      + (D.baseline ? 'Baseline = ' + D.baseline.from + ' to ' + D.baseline.to + ' (the whole weeks of the first ' + D.baseline.days + ' days); target = baseline + 5 points. ' : '')
      + 'Values resting on fewer than ' + D.min_group_size + ' people are not shown (n/a); values resting on fewer than ' + D.min_observations + ' observations are shown but not ranked.';
    parent.appendChild(p);
  }

  function cards(parent, g) {
    const row = el('div', 'cards'); parent.appendChild(row);
    KPIS.forEach(k => {
      const v = g.kpis[k.key], c = v.current;
      const card = el('div', 'card' + (c.value === null ? ' na' : ''));
      card.innerHTML = '<div class="muted">' + esc(k.title) + ' (' + esc(k.unit) + ')</div><div class="value"></div><div class="muted n"></div>'
        + '<div class="muted">vs baseline ' + delta(c.value, v.baseline.value) + ' · vs target ' + delta(c.value, v.target) + '</div>';
      card.querySelector('.value').textContent = c.value === null ? 'n/a' : fmt(c.value);
      card.querySelector('.n').textContent = c.value === null ? (c.note || 'no data') : nText(c, k) + (c.thin ? ' — thin: not ranked' : '');
      if (k.caveat) { const cv = el('div', 'caveat', '⚠ ' + k.caveat); card.appendChild(cv); }
      row.appendChild(card);
      const last = Math.max(0, weeks.length - 12);
      const div = el('div', 'spark'); div.id = 'spark-' + k.key; card.appendChild(div);
      Plotly.newPlot(div, [{ x: weeks.slice(last), y: v.series.slice(last).map(s => s.value), text: weekHover(g, k).slice(last), type: 'scatter', mode: 'lines+markers',
        line: { color: COLORS[0] }, marker: { size: 4 }, hovertemplate: '%{text}<extra></extra>', connectgaps: false }],
        { margin: { l: 0, r: 0, t: 0, b: 0 }, xaxis: { visible: false }, yaxis: { visible: false }, height: 60, width: 220, showlegend: false },
        { displayModeBar: false });
    });
  }

  function organisation() {
    titleEl.textContent = 'Organisation · ' + D.first_day + ' to ' + D.last_day;
    periodNote(view);
    if (D.organisation.suppressed) view.appendChild(el('p', null, 'The organisation has fewer than ' + D.min_group_size + ' people in the data: nothing is shown.'));
    else cards(view, D.organisation);
    const rank = el('div', 'panel');
    rank.appendChild(el('h3', null, 'Which team needs coaching today?' + (D.current_week ? ' (week of ' + D.current_week.from + ' to ' + D.current_week.to + ')' : '')));
    const table = el('table', 'rank');
    table.innerHTML = '<tr><th>#</th><th>team</th><th>score</th><th>driving KPI</th><th>trigger that fired</th><th>current values (n)</th></tr>';
    D.ranking.slice(0, 25).forEach((r, i) => {
      const tr = document.createElement('tr');
      const k = kpiOf(r.kpi);
      tr.innerHTML = '<td>' + (i + 1) + '</td><td></td><td>' + r.score.toFixed(1) + '</td><td>' + esc(k ? k.title : '') + '</td><td>'
        + (r.triggers.length ? r.triggers.map(esc).join('<br>') : '<span class="muted">none (ranked by distance to target)</span>') + '</td><td class="muted">'
        + KPIS.map(x => { const c = r.values[x.key]; return esc(x.key.toUpperCase() + ' ' + (c.value === null ? (c.note === 'no data' ? 'no data' : 'n/a') : fmt(c.value) + ' (n=' + c.n + ')')); }).join('<br>') + '</td>';
      const b = el('button', 'team-link', r.team);
      b.onclick = () => show(() => team(r.team), r.team);
      tr.children[1].appendChild(b);
      table.appendChild(tr);
    });
    rank.appendChild(table);
    rank.appendChild(el('p', 'muted legend', D.score_explanation));
    if (D.not_ranked.length) {
      const nr = el('p', 'muted not-ranked'); nr.textContent = 'Shown, not ranked: ' + D.not_ranked.map(x => x.team + ' (' + x.reason + ')').join('; ') + '.';
      rank.appendChild(nr);
    }
    view.appendChild(rank);
    heatmap();
    grid();
    quality();
    pilot();
  }

  function heatmap() {
    const ranked = D.ranking.map(r => r.team);
    const teams = D.teams.filter(t => !t.suppressed).sort((a, b) => (ranked.indexOf(a.name) + 1 || 1e9) - (ranked.indexOf(b.name) + 1 || 1e9)).slice(0, 40);
    if (!teams.length) return;
    const z = teams.map(t => KPIS.map(k => { const v = t.kpis[k.key]; return v.current.value === null || v.target === null ? null : +(v.current.value - v.target).toFixed(2); }));
    const label = teams.map(t => KPIS.map(k => { const c = t.kpis[k.key].current; return c.value === null ? 'n/a' : c.thin ? fmt(c.value) + '*' : fmt(c.value); }));
    const hover = teams.map(t => KPIS.map(k => esc(t.name + ' · ' + k.title + ': ' + cellText(t.kpis[k.key].current, k) + '; target ' + fmt(t.kpis[k.key].target))));
    const div = chart(view, [{
      type: 'heatmap', z: z, x: KPIS.map(k => k.title), y: teams.map(t => t.name), text: label, customdata: hover, texttemplate: '%{text}', zmid: 0,
      colorscale: [[0, '#b35806'], [0.25, '#f1a340'], [0.5, '#f7f7f7'], [0.75, '#998ec3'], [1, '#542788']], xgap: 2, ygap: 2,
      hovertemplate: '%{customdata}<extra></extra>', colorbar: { title: { text: 'points vs target' }, x: 1.02, xanchor: 'left', thickness: 14 }
    }], layoutBase('Teams × KPIs in the current week: distance to target (points)', 'team',
      { height: Math.max(380, 26 * teams.length + 150), plot_bgcolor: NA, xaxis: { title: { text: 'KPI' } }, yaxis: { autorange: 'reversed', automargin: true, tickmode: 'array', tickvals: teams.map(t => t.name), ticktext: teams.map(t => tick(t.name)) }, margin: { l: 150, r: 110, t: 64, b: 60 } }));
    div.classList.add('heatmap');
    div.on && div.on('plotly_click', ev => { const name = ev.points[0].y; show(() => team(name), name); });
    view.appendChild(el('p', 'muted legend', 'Colour: orange below target, white at target, purple above. Grey cells marked n/a have no value (no data, fewer than '
      + D.min_group_size + ' people, or withheld so a smaller group cannot be derived); * marks a value resting on fewer than ' + D.min_observations + ' observations (not ranked).'));
  }

  function grid() {
    if (D.organisation.suppressed) return;
    const g = el('div', 'grid'); view.appendChild(g);
    const slots = KPIS.map(() => slot(g));
    KPIS.forEach((k, i) => plot(slots[i], [
      { x: weeks, y: D.organisation.kpis[k.key].series.map(c => c.value), text: weekHover(D.organisation, k), hovertemplate: '%{text}<extra></extra>', type: 'scatter', mode: 'lines+markers', name: 'organisation', line: { color: COLORS[0] } },
      { x: weeks, y: weeks.map(() => D.organisation.kpis[k.key].target), type: 'scatter', mode: 'lines', name: 'target', line: { dash: 'dash', color: '#555' } }],
      layoutBase(k.title + ' by week', k.title + ' (' + k.unit + ')')));
  }

  function quality() {
    const q = D.quality, p = el('div', 'panel');
    const pct = v => v === null || v === undefined ? 'not known' : (100 * v).toFixed(1) + '%';
    p.innerHTML = '<h3>Data quality</h3><table>'
      + '<tr><td>rows read</td><td>' + q.rows_read.toLocaleString('en') + '</td></tr>'
      + '<tr><td>rows rejected by validation</td><td>' + q.rows_rejected.toLocaleString('en') + '</td></tr>'
      + '<tr><td>replies with text</td><td>' + q.replies_with_text.toLocaleString('en') + '</td></tr>'
      + '<tr><td>share of replies human-rated</td><td>' + pct(q.human_rated_share) + '</td></tr>'
      + '<tr><td>share auto-labelled without review (coverage)</td><td>' + pct(q.auto_coverage) + '</td></tr>'
      + '<tr><td>auto-coder precision (level ≥ 2 vs humans)</td><td>' + pct(q.auto_precision) + ' on ' + q.auto_precision_n + ' items</td></tr>'
      + '<tr><td>minimum group size</td><td>' + D.min_group_size + ' people behind every value shown</td></tr></table>';
    view.appendChild(p);
  }

  function pilot() {
    if (!D.pilot) return;
    const P = D.pilot, p = el('div', 'panel pilot');
    p.appendChild(el('h3', null, 'Pilot: treatment (' + P.treatment_teams.join(', ') + ') against control (' + P.control_teams.join(', ') + '), from ' + P.pilot_start));
    p.appendChild(el('p', 'muted', 'Baseline weeks end ' + P.baseline_to + '; pilot weeks start ' + P.pilot_from + ' (the week the pilot starts in is left out). Intervals: '
      + P.method + ', ' + Math.round(100 * P.level) + '%. A KPI counts as detected when its Holm-adjusted p over the four KPIs is below ' + (1 - P.level).toFixed(2) + '.'));
    const arms = el('table');
    arms.innerHTML = '<tr><th>arm · period</th>' + KPIS.map(k => '<th>' + esc(k.title) + '</th>').join('') + '</tr>'
      + P.arms.map(a => '<tr><td>' + esc(a.arm + ' · ' + a.period + ' (' + a.from + ' to ' + a.to + ')') + '</td>'
        + KPIS.map(k => '<td>' + esc(cellText(a.kpis[k.key], k)) + '</td>').join('') + '</tr>').join('');
    p.appendChild(arms);
    const t = el('table', 'effects');
    const hasTrue = P.effects.some(e => e.true !== null);
    t.innerHTML = '<tr><th>KPI</th><th>estimate</th><th>' + Math.round(100 * P.level) + '% interval</th><th>p</th><th>Holm p</th><th>permutation p (smallest possible)</th><th>verdict</th>'
      + (hasTrue ? '<th>true effect (simulated)</th>' : '') + '</tr>'
      + P.effects.map(e => {
        const k = kpiOf(e.kpi);
        const num = v => v === null ? '–' : (v >= 0 ? '+' : '') + v.toFixed(1);
        const pv = v => v === null ? '–' : v.toFixed(3);
        return '<tr><td>' + esc(k.title) + (e.caveat ? ' <span class="caveat" title="' + esc(e.caveat) + '">⚠</span>' : '') + '</td>'
          + (e.estimate === null ? '<td colspan="5">' + esc(e.not_estimable || 'not estimable') + '</td>'
            : '<td>' + num(e.estimate) + '</td><td>[' + num(e.lower) + ', ' + num(e.upper) + ']</td><td>' + pv(e.p) + '</td><td>' + pv(e.holm_p) + '</td><td>'
              + pv(e.permutation_p) + ' (' + pv(e.smallest_p) + ')</td>')
          + '<td>' + (e.estimate === null ? '–' : e.detected ? 'detected' : 'not detected') + '</td>'
          + (hasTrue ? '<td>' + num(e.true) + '</td>' : '') + '</tr>';
      }).join('');
    p.appendChild(t);
    P.effects.filter(e => e.caveat).forEach(e => p.appendChild(el('p', 'caveat', '⚠ ' + kpiOf(e.kpi).title + ': ' + e.caveat)));
    if (P.design_note) p.appendChild(el('p', 'note', P.design_note));
    view.appendChild(p);
    const shown = P.effects.filter(e => e.estimate !== null);
    const traces = [{
      type: 'scatter', mode: 'markers', x: shown.map(e => kpiOf(e.kpi).title), y: shown.map(e => e.estimate), name: 'estimate', marker: { color: COLORS[0], size: 10 },
      error_y: { type: 'data', symmetric: false, array: shown.map(e => e.upper - e.estimate), arrayminus: shown.map(e => e.estimate - e.lower), color: '#555' },
      text: shown.map(e => 'p = ' + e.p.toFixed(3) + ', Holm p = ' + e.holm_p.toFixed(3) + ', permutation p = ' + (e.permutation_p === null ? '–' : e.permutation_p.toFixed(3))), hovertemplate: '%{x}: %{y:.1f} (%{text})<extra></extra>'
    }];
    if (shown.some(e => e.true !== null)) traces.push({ type: 'scatter', mode: 'markers', x: shown.map(e => kpiOf(e.kpi).title), y: shown.map(e => e.true), name: 'true effect (simulator)', marker: { color: COLORS[5], size: 10, symbol: 'diamond' } });
    chart(p, traces, layoutBase('Pilot effect per KPI: difference-in-differences with ' + Math.round(100 * P.level) + '% interval', 'effect (points)', { xaxis: { title: { text: 'KPI' } } }));
  }

  function team(name) {
    const t = D.teams.find(x => x.name === name);
    titleEl.textContent = 'Team ' + name;
    if (!t || t.suppressed) { view.appendChild(el('p', null, 'This team has fewer than ' + D.min_group_size + ' people in the data: its KPIs are not shown.')); return; }
    periodNote(view);
    cards(view, t);
    const buttons = el('div'); buttons.appendChild(el('span', 'muted', 'Drill down: '));
    KPIS.forEach(k => {
      const b = el('button', 'kpi-button', k.title); b.id = 'drill-' + k.key;
      b.onclick = () => show(() => kpi(t, k), k.title);
      buttons.appendChild(b);
    });
    view.appendChild(buttons);
    chart(view, KPIS.map((k, i) => ({ x: weeks, y: t.kpis[k.key].series.map(c => c.value), text: weekHover(t, k), hovertemplate: '%{text}<extra></extra>', type: 'scatter', mode: 'lines+markers', name: k.title, line: { color: COLORS[i] } })),
      layoutBase('Team ' + tick(name) + ': the four KPIs by week', 'KPI value (% or index points)'));
  }

  function kpi(t, k) {
    titleEl.textContent = 'Team ' + t.name + ' · ' + k.title;
    const v = t.kpis[k.key];
    chart(view, [{ x: weeks, y: v.series.map(c => c.value), text: weekHover(t, k), hovertemplate: '%{text}<extra></extra>', type: 'scatter', mode: 'lines+markers', name: tick(t.name), line: { color: COLORS[0] } },
      { x: weeks, y: weeks.map(() => v.target), type: 'scatter', mode: 'lines', name: 'target', line: { dash: 'dash', color: '#555' } },
      { x: weeks, y: weeks.map(() => v.baseline.value), type: 'scatter', mode: 'lines', name: 'baseline', line: { dash: 'dot', color: COLORS[1] } }],
      layoutBase(k.title + ' over time', k.title + ' (' + k.unit + ')'));
    const split = k.key === 'dqr' ? t.dqr_by_type : k.key === 'res' ? t.res_by_channel : null;
    const by = k.key === 'dqr' ? 'decision type' : 'channel';
    if (split) {
      const names = Object.keys(split);
      chart(view, [{ type: 'bar', x: names, y: names.map(n => split[n].value), text: names.map(n => cellText(split[n], k)), hovertemplate: '%{x}: %{text}<extra></extra>', textposition: 'none', marker: { color: COLORS[2] }, name: k.title }],
        layoutBase(k.title + ' by ' + by + ' (' + D.first_day + ' to ' + D.last_day + ')', k.title + ' (' + k.unit + ')', { xaxis: { title: { text: by } }, plot_bgcolor: '#ffffff' }));
      const missing = names.filter(n => split[n].value === null);
      if (missing.length) view.appendChild(el('p', 'muted', missing.length + ' ' + by + '(s) not shown: ' + missing.map(n => n + ' — ' + (split[n].note || 'no data')).join('; ') + '.'));
    }
    const holder = el('div', 'panel');
    const select = document.createElement('select'); select.id = 'segment-by';
    D.segment_columns.forEach(c => { const o = document.createElement('option'); o.value = c; o.textContent = c; select.appendChild(o); });
    holder.appendChild(el('h3', null, 'Segments (' + D.first_day + ' to ' + D.last_day + ')'));
    const lab = el('label', null, 'split by '); lab.htmlFor = 'segment-by'; holder.appendChild(lab);
    holder.appendChild(select);
    const out = el('div'); holder.appendChild(out);
    view.appendChild(holder);
    const render = () => {
      out.innerHTML = '';
      const rows = (t.segments[select.value] || []);
      if (rows.length) chart(out, [{ type: 'bar', x: rows.map(r => r.label), y: rows.map(r => r.kpis[k.key].value), text: rows.map(r => cellText(r.kpis[k.key], k)), hovertemplate: '%{x}: %{text}<extra></extra>', textposition: 'none', marker: { color: COLORS[4] }, name: k.title }],
        layoutBase(k.title + ' by ' + select.value, k.title + ' (' + k.unit + ')', { xaxis: { title: { text: select.value }, type: 'category' } }));
      const hidden = (t.columns_with_hidden_segments || []).indexOf(select.value) >= 0;
      out.appendChild(el('p', 'muted', hidden ? 'Segments with fewer than ' + D.min_group_size + ' people are not shown, nor named.' : 'All segments shown.'));
    };
    select.onchange = render;
    render();
  }

  show(organisation, 'organisation');
})();
