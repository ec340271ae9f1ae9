using System.Text.Json.Nodes;

namespace SoftSkills.Reporting.Dashboard;

/// <summary>
/// The coaching dashboard (DESIGN §9): one offline HTML page. The aggregated data is embedded once as JSON and drawn by
/// a small script with the inlined plotly.js: organisation view (KPI cards with sparklines, team × KPI heatmap, the ranked
/// "which team needs coaching today?", data quality, pilot arms), team view (one click), KPI view (two clicks).
/// </summary>
public static class DashboardPage
{
    public static string Html(JsonObject data, string title = "Which team needs coaching today?")
    {
        // Embedded as a JSON script element: "</" is escaped so no value can close the element.
        var json = data.ToJsonString().Replace("</", "<\\/", StringComparison.Ordinal);
        var page = new OfflinePage(title);
        page.Html($"<script type=\"application/json\" id=\"dashboard-data\">{json}</script>");
        page.Html(Layout);
        page.Html($"<script>{Script}</script>");
        return page.ToHtml();
    }

    const string Layout = """
<style>
.nav{margin:8px 0 16px}.nav button,.kpi-button,.team-link{font:inherit;cursor:pointer}
.team-link{background:none;border:none;color:#0057a3;text-decoration:underline;padding:0}
.kpi-button{border:1px solid #888;border-radius:6px;background:#f4f4f4;padding:6px 10px;margin:4px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px}
.spark{width:220px;height:60px}.up{color:#0b5394}.down{color:#a34400}
.panel{border:1px solid #ddd;border-radius:8px;padding:12px;margin:12px 0}
.rank td:first-child{font-weight:bold}
</style>
<div class="nav"><button id="back" hidden>← back</button> <span id="crumbs" class="muted"></span></div>
<h2 id="view-title"></h2>
<div id="view"></div>
""";

    const string Script = """
(function () {
  'use strict';
  const D = JSON.parse(document.getElementById('dashboard-data').textContent);
  const view = document.getElementById('view'), titleEl = document.getElementById('view-title');
  const back = document.getElementById('back'), crumbs = document.getElementById('crumbs');
  const KPIS = D.kpis, COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
  const history = [];
  let chartId = 0;
  const esc = s => String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const fmt = v => v === null || v === undefined ? '–' : Number(v).toFixed(1);
  const delta = (v, ref) => (v === null || ref === null || v === undefined || ref === undefined) ? '–'
    : (v - ref >= 0 ? '<span class="up">▲ +' : '<span class="down">▼ ') + (v - ref).toFixed(1) + '</span>';
  const layoutBase = (title, ytitle, extra) => Object.assign({
    title: { text: title, x: 0.01, xanchor: 'left' }, font: { family: 'Arial, sans-serif', size: 13 },
    margin: { l: 64, r: 24, t: 56, b: 80 }, legend: { orientation: 'h', y: -0.25 }, height: 400,
    xaxis: { title: { text: 'week starting' } }, yaxis: { title: { text: ytitle } }
  }, extra || {});
  function slot(parent) {
    const div = document.createElement('div');
    div.className = 'chart'; div.id = 'c' + (++chartId);
    parent.appendChild(div);
    return div;
  }
  function plot(div, traces, layout) {
    Plotly.newPlot(div, traces, layout, { responsive: true, displaylogo: false });
    return div;
  }
  const chart = (parent, traces, layout) => plot(slot(parent), traces, layout);
  function show(render, label) {
    history.push({ render, label });
    draw();
  }
  function draw() {
    const top = history[history.length - 1];
    view.innerHTML = ''; chartId = 0;
    back.hidden = history.length < 2;
    crumbs.textContent = history.map(h => h.label).join(' › ');
    top.render();
  }
  back.onclick = () => { history.pop(); draw(); };

  function cards(parent, g) {
    const row = document.createElement('div'); row.className = 'cards';
    parent.appendChild(row);
    KPIS.forEach(k => {
      const c = document.createElement('div'); c.className = 'card';
      c.innerHTML = '<div class="muted">' + esc(k.title) + ' (' + esc(k.unit) + ')</div><div class="value">' + fmt(g.current[k.key]) + '</div>'
        + '<div class="muted">vs baseline ' + delta(g.current[k.key], g.baseline[k.key]) + ' · vs target ' + delta(g.current[k.key], g.target[k.key]) + '</div>';
      row.appendChild(c);
      const s = g.series[k.key].slice(-12), w = D.weeks.slice(-12);
      const div = document.createElement('div'); div.className = 'spark'; div.id = 'spark-' + k.key;
      c.appendChild(div);
      Plotly.newPlot(div, [{ x: w, y: s, type: 'scatter', mode: 'lines', line: { color: COLORS[0] }, hovertemplate: '%{x}: %{y:.1f}<extra></extra>' }],
        { margin: { l: 0, r: 0, t: 0, b: 0 }, xaxis: { visible: false }, yaxis: { visible: false }, height: 60, width: 220, showlegend: false },
        { displayModeBar: false, staticPlot: false });
    });
  }

  function organisation() {
    titleEl.textContent = 'Organisation · ' + D.first_day + ' to ' + D.last_day;
    cards(view, D.organisation);
    const rank = document.createElement('div'); rank.className = 'panel';
    rank.innerHTML = '<h3>Which team needs coaching today?</h3>';
    const table = document.createElement('table'); table.className = 'rank';
    table.innerHTML = '<tr><th>#</th><th>team</th><th>score</th><th>driving KPI</th><th>trigger that fired</th></tr>';
    D.ranking.slice(0, 25).forEach((r, i) => {
      const tr = document.createElement('tr');
      const k = KPIS.find(x => x.key === r.kpi);
      tr.innerHTML = '<td>' + (i + 1) + '</td><td></td><td>' + r.score.toFixed(1) + '</td><td>' + esc(k ? k.title : '') + '</td><td>'
        + (r.triggers.length ? r.triggers.map(esc).join('<br>') : '<span class="muted">none (ranked by distance to target)</span>') + '</td>';
      const b = document.createElement('button'); b.className = 'team-link'; b.textContent = r.team;
      b.onclick = () => show(() => team(r.team), r.team);
      tr.children[1].appendChild(b);
      table.appendChild(tr);
    });
    rank.appendChild(table);
    view.appendChild(rank);
    heatmap();
    grid();
    quality();
    pilot();
  }

  function heatmap() {
    const teams = D.ranking.slice(0, 40).map(r => D.teams.find(t => t.name === r.team)).filter(t => t && !t.suppressed);
    if (!teams.length) return;
    const z = teams.map(t => KPIS.map(k => (t.current[k.key] === null || t.target[k.key] === null) ? null : +(t.current[k.key] - t.target[k.key]).toFixed(1)));
    const text = teams.map(t => KPIS.map(k => fmt(t.current[k.key]) + ' (target ' + fmt(t.target[k.key]) + ')'));
    const div = chart(view, [{
      type: 'heatmap', z: z, x: KPIS.map(k => k.title), y: teams.map(t => t.name), text: text, zmid: 0,
      colorscale: [[0, '#b35806'], [0.25, '#f1a340'], [0.5, '#f7f7f7'], [0.75, '#998ec3'], [1, '#542788']],
      hovertemplate: '%{y} · %{x}: %{text}<extra></extra>',
      colorbar: { title: { text: 'points vs target' }, x: 1.02, xanchor: 'left', thickness: 14 }
    }], layoutBase('Teams × KPIs: distance to target (points; orange below, purple above)', 'team',
      { height: Math.max(360, 24 * teams.length + 140), xaxis: { title: { text: 'KPI' } }, yaxis: { autorange: 'reversed', automargin: true }, margin: { l: 140, r: 110, t: 56, b: 60 } }));
    div.on('plotly_click', ev => { const name = ev.points[0].y; show(() => team(name), name); });
  }

  function grid() {
    const g = document.createElement('div'); g.className = 'grid'; view.appendChild(g);
    // All four containers first, so each chart measures its final column width.
    const slots = KPIS.map(() => slot(g));
    KPIS.forEach((k, i) => plot(slots[i], [{ x: D.weeks, y: D.organisation.series[k.key], type: 'scatter', mode: 'lines+markers', name: 'organisation', line: { color: COLORS[0] } },
      { x: D.weeks, y: D.weeks.map(() => D.organisation.target[k.key]), type: 'scatter', mode: 'lines', name: 'target', line: { dash: 'dash', color: '#555' } }],
      layoutBase(k.title + ' by week', k.title + ' (' + k.unit + ')')));
  }

  function quality() {
    const q = D.quality, p = document.createElement('div'); p.className = 'panel';
    const pct = v => v === null || v === undefined ? 'not known' : (100 * v).toFixed(1) + '%';
    p.innerHTML = '<h3>Data quality</h3><table>'
      + '<tr><td>rows read</td><td>' + q.rows_read.toLocaleString('en') + '</td></tr>'
      + '<tr><td>rows rejected by validation</td><td>' + q.rows_rejected.toLocaleString('en') + '</td></tr>'
      + '<tr><td>replies with text</td><td>' + q.replies_with_text.toLocaleString('en') + '</td></tr>'
      + '<tr><td>share of replies human-rated</td><td>' + pct(q.human_rated_share) + '</td></tr>'
      + '<tr><td>auto-coder precision (level ≥ 2 vs humans)</td><td>' + pct(q.auto_precision) + ' on ' + q.auto_precision_n + ' items</td></tr>'
      + '<tr><td>minimum group size</td><td>' + D.min_group_size + ' (smaller groups are not shown)</td></tr></table>';
    view.appendChild(p);
  }

  function pilot() {
    if (!D.pilot) return;
    const P = D.pilot, p = document.createElement('div'); p.className = 'panel';
    p.innerHTML = '<h3>Pilot: treatment (' + P.treatment_teams.map(esc).join(', ') + ') against control (' + P.control_teams.map(esc).join(', ') + '), from ' + P.pilot_start + '</h3>';
    const t = document.createElement('table');
    t.innerHTML = '<tr><th>arm · period</th>' + KPIS.map(k => '<th>' + esc(k.title) + '</th>').join('') + '</tr>'
      + P.arms.map(a => '<tr><td>' + esc(a.value) + '</td>' + KPIS.map(k => '<td>' + (a.suppressed ? 'suppressed' : fmt(a[k.key])) + '</td>').join('') + '</tr>').join('');
    p.appendChild(t);
    view.appendChild(p);
    chart(p, [{
      type: 'scatter', mode: 'markers', x: P.effects.map(e => KPIS.find(k => k.key === e.kpi).title), y: P.effects.map(e => e.estimate), name: 'estimate',
      marker: { color: COLORS[0], size: 10 },
      error_y: { type: 'data', symmetric: false, array: P.effects.map(e => +(e.upper - e.estimate).toFixed(2)), arrayminus: P.effects.map(e => +(e.estimate - e.lower).toFixed(2)), color: '#555' }
    }], layoutBase('Pilot effect per KPI: difference-in-differences with 95% interval', 'effect (points)', { xaxis: { title: { text: 'KPI' } } }));
  }

  function team(name) {
    const t = D.teams.find(x => x.name === name);
    titleEl.textContent = 'Team ' + name;
    if (!t || t.suppressed) { view.innerHTML = '<p>This team has fewer than ' + D.min_group_size + ' people in the data: its KPIs are not shown.</p>'; return; }
    cards(view, t);
    const buttons = document.createElement('div');
    buttons.innerHTML = '<span class="muted">Drill down:</span>';
    KPIS.forEach(k => {
      const b = document.createElement('button'); b.className = 'kpi-button'; b.id = 'drill-' + k.key; b.textContent = k.title;
      b.onclick = () => show(() => kpi(t, k), k.title);
      buttons.appendChild(b);
    });
    view.appendChild(buttons);
    chart(view, KPIS.map((k, i) => ({ x: D.weeks, y: t.series[k.key], type: 'scatter', mode: 'lines+markers', name: k.title, line: { color: COLORS[i] } })),
      layoutBase('Team ' + name + ': the four KPIs by week', 'KPI value (% or index points)'));
  }

  function kpi(t, k) {
    titleEl.textContent = 'Team ' + t.name + ' · ' + k.title;
    chart(view, [{ x: D.weeks, y: t.series[k.key], type: 'scatter', mode: 'lines+markers', name: t.name, line: { color: COLORS[0] } },
      { x: D.weeks, y: D.weeks.map(() => t.target[k.key]), type: 'scatter', mode: 'lines', name: 'target', line: { dash: 'dash', color: '#555' } },
      { x: D.weeks, y: D.weeks.map(() => t.baseline[k.key]), type: 'scatter', mode: 'lines', name: 'baseline', line: { dash: 'dot', color: COLORS[1] } }],
      layoutBase(k.title + ' over time', k.title + ' (' + k.unit + ')'));
    const split = k.key === 'dqr' ? t.dqr_by_type : k.key === 'res' ? t.res_by_channel : null;
    if (split) {
      const names = Object.keys(split);
      chart(view, [{ type: 'bar', x: names, y: names.map(n => split[n].value), text: names.map(n => 'n = ' + split[n].n), marker: { color: COLORS[2] }, name: k.title }],
        layoutBase(k.title + ' by ' + (k.key === 'dqr' ? 'decision type' : 'channel'), k.title + ' (' + k.unit + ')', { xaxis: { title: { text: k.key === 'dqr' ? 'decision type' : 'channel' } } }));
    }
    const holder = document.createElement('div'); holder.className = 'panel';
    const select = document.createElement('select'); select.id = 'segment-by';
    D.segment_columns.forEach(c => { const o = document.createElement('option'); o.value = c; o.textContent = c; select.appendChild(o); });
    holder.innerHTML = '<h3>Segments</h3><label for="segment-by">split by </label>';
    holder.appendChild(select);
    const out = document.createElement('div'); holder.appendChild(out);
    view.appendChild(holder);
    const render = () => {
      out.innerHTML = '';
      const rows = (t.segments[select.value] || []);
      const shown = rows.filter(r => !r.suppressed);
      const hidden = rows.length - shown.length;
      if (shown.length) chart(out, [{ type: 'bar', x: shown.map(r => r.value), y: shown.map(r => r[k.key]), marker: { color: COLORS[4] }, name: k.title }],
        layoutBase(k.title + ' by ' + select.value + ' (window)', k.title + ' (' + k.unit + ')', { xaxis: { title: { text: select.value } } }));
      const note = document.createElement('p'); note.className = 'muted';
      note.textContent = hidden ? hidden + ' segment(s) smaller than ' + D.min_group_size + ' people are not shown.' : 'All segments shown.';
      out.appendChild(note);
    };
    select.onchange = render;
    render();
  }

  show(organisation, 'organisation');
})();
""";
}
