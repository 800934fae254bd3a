// The agent analytics report: draws everything from the rows embedded in this page (gzip, base64), with SVG and no
// library, so the file works offline and alone. Every figure is a sum over the job's rows under the current filter;
// times are shown in the zone the report was made for, by the browser's own time-zone rules (daylight saving
// included). Element ids and data-* attributes are the report's interface for its browser test.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const HOUR = 3600000;
const ACTIVITY_COLORS = {
  ERROR: '#d62728', MISSED: '#ff7f0e', REJECTED: '#e377c2', ON_CONTACT: '#1f77b4', AFTER_CONTACT_WORK: '#17becf',
  INCOMING: '#9467bd', NON_PRODUCTIVE: '#bcbd22', OFFLINE: '#7f7f7f', AVAILABLE: '#2ca02c',
};
const REASON_COLORS = ['#bcbd22', '#dbdb8d', '#8c6d31', '#e7ba52', '#bd9e39', '#e7cb94', '#843c39', '#ad494a'];
const OUTCOME_COLORS = { HANDLED: '#1f77b4', MISSED: '#ff7f0e', REJECTED: '#e377c2', ERROR: '#d62728', INCOMPLETE: '#aaa' };
const PART_COLORS = { talk: '#1f77b4', hold: '#ff9896', acw: '#17becf' };
const HISTOGRAM_BIN_MS = 60000;
const HISTOGRAM_BINS = 30;

// ---- data ------------------------------------------------------------------------------------------------------

async function readData() {
  const base64 = document.getElementById('report-data').textContent.trim();
  const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
  return JSON.parse(text);
}

// ---- formatting ------------------------------------------------------------------------------------------------

let zone = 'UTC';
let dayTime;
let clock;

function setZone(name) {
  zone = name;
  dayTime = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** "2024-05-06 10:15" in the report's zone. */
function when(epochMs) {
  const p = Object.fromEntries(dayTime.formatToParts(new Date(epochMs)).map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const hours = ms => (ms / HOUR).toFixed(2);
const seconds = ms => (ms / 1000).toFixed(1);
const percent = ratio => (ratio === null ? '-' : (100 * ratio).toFixed(1) + ' %');
const ratio = (part, whole) => (whole > 0 ? part / whole : null);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes || {})) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

function svg(tag, attributes, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes || {})) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

function tooltip(node, text) {
  node.append(svg('title', {}, text));
  return node;
}

// The timeline's tooltips are written when the pointer first reaches a shape: a page of lanes has tens of thousands
// of shapes, and formatting every time up front would make paging slow.
let laneTips = [];

function lazyTooltip(node, text) {
  node.dataset.tip = laneTips.length;
  laneTips.push(text);
  return node;
}

document.addEventListener('mouseover', event => {
  const node = event.target;
  if (node.dataset && node.dataset.tip !== undefined && !node.querySelector('title')) {
    tooltip(node, laneTips[Number(node.dataset.tip)]());
  }
});

function table(id, headers, rows) {
  const head = el('tr', {}, ...headers.map(h => el('th', {}, h)));
  const body = rows.map(cells => el('tr', {}, ...cells.map(c => (c instanceof Node ? c : el('td', {}, String(c))))));
  return el('table', { id }, el('thead', {}, head), el('tbody', {}, ...body));
}

// ---- the model: rows as column arrays, and the filter -----------------------------------------------------------

let data;
const filter = { team: -1, profile: -1, search: '' };

function rows(columns) {
  const fields = Object.keys(columns);
  const n = fields.length ? columns[fields[0]].length : 0;
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = {};
    for (const f of fields) row[f] = columns[f][i];
    out[i] = row;
  }
  return out;
}

const passes = row => (filter.team < 0 || row.team === filter.team) && (filter.profile < 0 || row.profile === filter.profile);

function teamName(index) {
  const name = data.teams[index];
  return name === null ? '(no team)' : name;
}

function agentName(index) {
  return data.usernames[index] || data.agents[index];
}

// ---- header and filters -----------------------------------------------------------------------------------------

function renderHeader(activity) {
  const agents = new Set(activity.map(r => r.agent)).size;
  const header = document.getElementById('summary');
  header.dataset.agents = agents;
  header.dataset.zone = zone;
  header.replaceChildren(
    el('h1', {}, 'Agent analytics report'),
    el('p', {}, `${when(data.from)} to ${when(data.to)} (${zone}) · ${agents} agents · ${data.queues.length} queues · `
      + `${data.legs.agent.length} contact legs · ${data.alerts.agent.length} alert rows · `
      + `windows of ${data.windowMs / 60000} min · made ${data.generatedAt}`));
}

function renderFilters() {
  const team = el('select', { id: 'team-filter' }, el('option', { value: -1 }, 'All teams'),
    ...data.teams.map((t, i) => el('option', { value: i }, teamName(i))));
  const profile = el('select', { id: 'profile-filter' }, el('option', { value: -1 }, 'All routing profiles'),
    ...data.profiles.map((p, i) => el('option', { value: i }, p === null ? '(none)' : p)));
  const search = el('input', { id: 'agent-search', type: 'search', placeholder: 'Agent name or ARN' });
  team.onchange = () => { filter.team = Number(team.value); lanePage = 0; alertPage = 0; renderFiltered(); };
  profile.onchange = () => { filter.profile = Number(profile.value); lanePage = 0; alertPage = 0; renderFiltered(); };
  search.oninput = () => { filter.search = search.value.toLowerCase(); lanePage = 0; renderTimeline(); };
  document.getElementById('filters').replaceChildren(el('label', {}, 'Team ', team),
    el('label', {}, 'Routing profile ', profile), el('label', {}, 'Agent ', search));
}

// ---- the timeline: one lane per agent ---------------------------------------------------------------------------

let lanePage = 0;
let laneSize = 50;
let activityRows;
let legRows;
/** Each agent's rows, grouped once: drawing a page touches only its own agents. */
let activityByAgent;
let legsByAgent;

function byAgent(rowsOfTable) {
  const groups = new Map();
  for (const r of rowsOfTable) {
    let group = groups.get(r.agent);
    if (!group) groups.set(r.agent, group = []);
    group.push(r);
  }
  return groups;
}

function timeAxis(x, width, top) {
  const group = svg('g', { class: 'axis' });
  const span = data.to - data.from;
  const step = span <= 12 * HOUR ? 1 : span <= 2 * 24 * HOUR ? 3 : span <= 7 * 24 * HOUR ? 12 : 24;
  // Local hour boundaries, found by asking the zone's clock at each quarter hour: a 23- or 25-hour day shows as such.
  for (let t = Math.ceil(data.from / 900000) * 900000; t <= data.to; t += 900000) {
    const [h, m] = clock.format(new Date(t)).split(':').map(Number);
    if (m !== 0 || h % step !== 0) continue;
    const label = h === 0 ? when(t).slice(5, 10) : clock.format(new Date(t));
    group.append(svg('line', { x1: x(t), x2: x(t), y1: top, y2: top + 6, stroke: '#555' }),
      svg('text', { x: x(t), y: top + 18, 'text-anchor': 'middle', class: 'tick' }, label));
  }
  group.append(svg('line', { x1: x(data.from), x2: x(data.from) + width, y1: top, y2: top, stroke: '#555' }));
  return group;
}

function renderTimeline() {
  const query = filter.search;
  const agents = [...activityByAgent.keys()]
    .filter(a => activityByAgent.get(a).some(passes))
    .filter(a => !query || agentName(a).toLowerCase().includes(query) || data.agents[a].toLowerCase().includes(query))
    .sort((a, b) => agentName(a).localeCompare(agentName(b)));
  const pages = Math.max(1, Math.ceil(agents.length / laneSize));
  lanePage = Math.min(lanePage, pages - 1);
  const shown = agents.slice(lanePage * laneSize, (lanePage + 1) * laneSize);
  laneTips = [];

  const labelWidth = 170;
  const width = 1000;
  const laneHeight = 26;
  const top = 10;
  const x = t => labelWidth + (t - data.from) / (data.to - data.from) * width;
  const chart = svg('svg', { id: 'timeline-chart', width: labelWidth + width + 10,
    height: top + shown.length * laneHeight + 30 });
  shown.forEach((agent, i) => {
    const y = top + i * laneHeight;
    const lane = svg('g', { class: 'lane', 'data-agent': data.agents[agent] });
    lane.append(tooltip(svg('text', { x: labelWidth - 6, y: y + 13, 'text-anchor': 'end', class: 'lane-label' },
      agentName(agent)), data.agents[agent]));
    // Within a window, each activity's share of the window, in precedence order: a window's split, not its order.
    // Statuses that run on from one window into the next are drawn, and labelled, as one piece.
    const byWindow = new Map();
    for (const r of activityByAgent.get(agent).filter(passes)) {
      if (!byWindow.has(r.window)) byWindow.set(r.window, []);
      byWindow.get(r.window).push(r);
    }
    const segments = [];
    for (const window of [...byWindow.keys()].sort((a, b) => a - b)) {
      const parts = byWindow.get(window).sort((a, b) => a.activity - b.activity || a.reason - b.reason);
      // A window only partly in a session: after a window without one, the session began in it (drawn at its
      // end); otherwise it ended in it (drawn at its start).
      const total = parts.reduce((sum, r) => sum + r.ms, 0);
      const beganHere = !byWindow.has(window - data.windowMs);
      let t = data.from + window + (beganHere ? data.windowMs - total : 0);
      for (const r of parts) {
        const previous = segments[segments.length - 1];
        if (previous && previous.end === t && previous.activity === r.activity && previous.reason === r.reason) {
          previous.end += r.ms;
        } else {
          segments.push({ start: t, end: t + r.ms, activity: r.activity, reason: r.reason });
        }
        t += r.ms;
      }
    }
    for (const g of segments) {
      const name = data.activities[g.activity];
      const reason = g.reason >= 0 ? data.reasons[g.reason] : null;
      const color = reason !== null ? REASON_COLORS[g.reason % REASON_COLORS.length] : ACTIVITY_COLORS[name];
      const x0 = x(g.start);
      const w = Math.max(0.5, x(g.end) - x0);
      lane.append(lazyTooltip(svg('rect', { x: x0, y, width: w, height: 16, fill: color, class: 'segment',
        'data-activity': name }), () => `${agentName(agent)} · ${when(g.start)} · ${reason || name} · `
        + `${Math.round((g.end - g.start) / 60000)} min`));
      if (reason !== null && w > 8 * reason.length) {
        lane.append(svg('text', { x: x0 + 2, y: y + 12, class: 'segment-label' }, reason));
      }
    }
    for (const leg of legsByAgent.get(agent) || []) {
      const x0 = x(data.from + Math.max(0, leg.offered));
      const rect = svg('rect', { x: x0, y: y + 18, width: Math.max(1, x(data.from + leg.completed) - x0),
        height: 5, fill: OUTCOME_COLORS[data.outcomes[leg.outcome]] || '#444', class: 'leg' });
      lane.append(lazyTooltip(rect, () => `${data.channels[leg.channel] || ''} contact · ${data.outcomes[leg.outcome]} · `
        + `queue ${data.queueNames[leg.queue] || '-'} · ${when(data.from + leg.offered)} to `
        + `${when(data.from + leg.completed)} · talk ${seconds(leg.talkMs)} s, hold ${seconds(leg.holdMs)} s, `
        + `ACW ${seconds(leg.acwMs)} s`));
    }
    chart.append(lane);
  });
  chart.append(timeAxis(x, width, top + shown.length * laneHeight + 4));

  const pager = el('div', { class: 'pager' });
  const previous = el('button', { id: 'lane-previous' }, '◀');
  const next = el('button', { id: 'lane-next' }, '▶');
  previous.disabled = lanePage === 0;
  next.disabled = lanePage >= pages - 1;
  previous.onclick = () => { lanePage--; renderTimeline(); };
  next.onclick = () => { lanePage++; renderTimeline(); };
  const size = el('select', { id: 'lane-size' }, ...[25, 50, 100, 200].map(n => el('option', { value: n }, n)));
  size.value = laneSize;
  size.onchange = () => { laneSize = Number(size.value); lanePage = 0; renderTimeline(); };
  const status = el('span', { id: 'lane-status', 'data-agents': agents.length, 'data-page': lanePage + 1,
    'data-pages': pages }, `agents ${agents.length ? lanePage * laneSize + 1 : 0}-`
    + `${Math.min(agents.length, (lanePage + 1) * laneSize)} of ${agents.length} · page ${lanePage + 1} of ${pages}`);
  pager.append(previous, status, next, el('label', {}, ' lanes per page ', size));

  const legend = el('div', { class: 'legend' });
  for (const name of data.activities) {
    if (name === 'NON_PRODUCTIVE') continue;
    legend.append(el('span', {}, el('i', { style: `background:${ACTIVITY_COLORS[name]}` }), name));
  }
  data.reasons.forEach((reason, i) => legend.append(el('span', {},
    el('i', { style: `background:${REASON_COLORS[i % REASON_COLORS.length]}` }), `NON_PRODUCTIVE: ${reason}`)));
  legend.append(el('span', {}, el('i', { class: 'leg-key' }), 'contact legs, by outcome'));
  document.getElementById('timeline').replaceChildren(el('h2', {}, 'Agent activity'), pager, legend, chart);
}

// ---- queues: occupancy and agents staffed per window ------------------------------------------------------------

function lineChart(points, maxY, color, label, format) {
  const width = 460;
  const height = 120;
  const left = 52;
  const x = t => left + (t - data.from) / (data.to - data.from) * (width - left - 10);
  const y = v => height - 20 - v / maxY * (height - 40);
  const chart = svg('svg', { width, height, class: 'line-chart', 'data-series': label });
  chart.append(svg('text', { x: left + 4, y: 12, class: 'chart-title' }, label));
  chart.append(svg('line', { x1: left, x2: width - 10, y1: y(0), y2: y(0), stroke: '#999' }));
  chart.append(svg('text', { x: left - 4, y: y(maxY) + 4, 'text-anchor': 'end', class: 'tick' }, format(maxY)));
  chart.append(svg('text', { x: left - 4, y: y(0) + 4, 'text-anchor': 'end', class: 'tick' }, format(0)));
  const defined = points.filter(p => p.v !== null);
  if (defined.length) {
    chart.append(svg('polyline', { fill: 'none', stroke: color, 'stroke-width': 1.5,
      points: defined.map(p => `${x(p.t + data.windowMs / 2)},${y(p.v)}`).join(' ') }));
  }
  for (const p of defined) {
    chart.append(tooltip(svg('circle', { cx: x(p.t + data.windowMs / 2), cy: y(p.v), r: 2.5, fill: color,
      class: 'point', 'data-window': when(p.t), 'data-value': p.v }), `${when(p.t)}: ${format(p.v)}`));
  }
  chart.append(timeAxis(x, width - left - 10, height - 20));
  return chart;
}

function renderQueues() {
  const byQueue = new Map();
  for (const r of rows(data.queueWindows)) {
    if (!byQueue.has(r.queue)) byQueue.set(r.queue, []);
    byQueue.get(r.queue).push(r);
  }
  const queues = [...byQueue.keys()].sort((a, b) => String(data.queueNames[a]).localeCompare(data.queueNames[b]));
  const blocks = queues.map(q => {
    const windows = byQueue.get(q).sort((a, b) => a.window - b.window);
    const occupancy = windows.map(w => ({ t: data.from + w.window,
      v: ratio(w.onContactMs + w.acwMs, w.onContactMs + w.acwMs + w.availableMs) }));
    const staffed = windows.map(w => ({ t: data.from + w.window, v: w.staffedMs / data.windowMs }));
    const maxStaffed = Math.max(1, ...staffed.map(p => p.v));
    return el('div', { class: 'queue', 'data-queue': data.queues[q] },
      el('h3', {}, data.queueNames[q] || data.queues[q]),
      lineChart(occupancy, 1, '#1f77b4', 'occupancy', v => percent(v)),
      lineChart(staffed, maxStaffed, '#2ca02c', 'agents staffed', v => v.toFixed(1)));
  });
  document.getElementById('queues').replaceChildren(el('h2', {}, 'Queues: occupancy and agents staffed'),
    el('p', { class: 'note' }, 'Per window: occupancy = (on contact + ACW) / (on contact + ACW + available); '
      + 'agents staffed = agent time serving the queue / window length.'), ...blocks);
}

// ---- handle time per queue --------------------------------------------------------------------------------------

let histogramQueue = -1;

function renderHandleTime() {
  const perQueue = new Map();
  const histogram = new Array(HISTOGRAM_BINS + 1).fill(0);
  for (const leg of legRows) {
    if (data.outcomes[leg.outcome] !== 'HANDLED' || leg.monitor || !passes(leg)) continue;
    if (histogramQueue < 0 || leg.queue === histogramQueue) {
      histogram[Math.min(HISTOGRAM_BINS, Math.floor((leg.talkMs + leg.holdMs + leg.acwMs) / HISTOGRAM_BIN_MS))]++;
    }
    const sum = perQueue.get(leg.queue) || { count: 0, talk: 0, hold: 0, acw: 0 };
    sum.count++;
    sum.talk += leg.talkMs;
    sum.hold += leg.holdMs;
    sum.acw += leg.acwMs;
    perQueue.set(leg.queue, sum);
  }
  const queues = [...perQueue.keys()].sort((a, b) => String(data.queueNames[a]).localeCompare(data.queueNames[b]));
  const maxAht = Math.max(1, ...queues.map(q => { const s = perQueue.get(q); return (s.talk + s.hold + s.acw) / s.count; }));
  const barHeight = 22;
  const left = 170;
  const width = 700;
  const chart = svg('svg', { id: 'aht-chart', width: left + width + 20, height: queues.length * barHeight + 10 });
  queues.forEach((q, i) => {
    const s = perQueue.get(q);
    let x = left;
    chart.append(svg('text', { x: left - 6, y: i * barHeight + 15, 'text-anchor': 'end' }, data.queueNames[q] || '-'));
    for (const part of ['talk', 'hold', 'acw']) {
      const w = s[part] / s.count / maxAht * width;
      chart.append(tooltip(svg('rect', { x, y: i * barHeight + 3, width: w, height: barHeight - 6,
        fill: PART_COLORS[part], 'data-queue': data.queues[q], 'data-part': part }),
        `${data.queueNames[q]}: average ${part} ${seconds(s[part] / s.count)} s`));
      x += w;
    }
  });
  const rowsOfTable = queues.map(q => {
    const s = perQueue.get(q);
    return [data.queueNames[q] || '-', s.count, seconds(s.talk / s.count), seconds(s.hold / s.count),
      seconds(s.acw / s.count), seconds((s.talk + s.hold + s.acw) / s.count)];
  });
  const maxBin = Math.max(1, ...histogram);
  const hist = svg('svg', { id: 'handle-histogram', width: 760, height: 170 });
  histogram.forEach((n, i) => {
    const h = n / maxBin * 130;
    hist.append(tooltip(svg('rect', { x: 40 + i * 22, y: 140 - h, width: 20, height: h, fill: '#1f77b4',
      'data-bin': i, 'data-count': n }), `${i < HISTOGRAM_BINS ? `${i}-${i + 1} min` : `${HISTOGRAM_BINS}+ min`}: ${n}`));
    if (i % 5 === 0) hist.append(svg('text', { x: 40 + i * 22, y: 155, class: 'tick' }, `${i}m`));
  });
  hist.append(svg('text', { x: 40, y: 168, class: 'tick' }, 'handle time of handled contacts, 1-minute bins'));
  const choice = el('select', { id: 'histogram-queue' }, el('option', { value: -1 }, 'All queues'),
    ...queues.map(q => el('option', { value: q }, data.queueNames[q] || '-')));
  choice.value = histogramQueue;
  choice.onchange = () => { histogramQueue = Number(choice.value); renderHandleTime(); };
  document.getElementById('handle').replaceChildren(el('h2', {}, 'Handle time per queue'),
    el('div', { class: 'legend' }, ...['talk', 'hold', 'acw'].map(p =>
      el('span', {}, el('i', { style: `background:${PART_COLORS[p]}` }), p))),
    chart,
    table('aht-table', ['Queue', 'Handled', 'Avg talk (s)', 'Avg hold (s)', 'Avg ACW (s)', 'AHT (s)'], rowsOfTable),
    el('h3', {}, 'Distribution of handle time ', choice), hist);
}

// ---- non-productive time by reason ------------------------------------------------------------------------------

function renderNonProductive() {
  const byReason = new Map();
  for (const r of activityRows) {
    if (r.reason < 0 || !passes(r)) continue;
    byReason.set(r.reason, (byReason.get(r.reason) || 0) + r.ms);
  }
  const reasons = [...byReason.keys()].sort((a, b) => byReason.get(b) - byReason.get(a));
  const max = Math.max(1, ...byReason.values());
  const chart = svg('svg', { id: 'npt-chart', width: 880, height: reasons.length * 22 + 10 });
  reasons.forEach((r, i) => {
    chart.append(svg('text', { x: 164, y: i * 22 + 15, 'text-anchor': 'end' }, data.reasons[r]));
    chart.append(tooltip(svg('rect', { x: 170, y: i * 22 + 3, width: byReason.get(r) / max * 600, height: 16,
      fill: REASON_COLORS[r % REASON_COLORS.length] }), `${data.reasons[r]}: ${hours(byReason.get(r))} h`));
  });
  document.getElementById('npt').replaceChildren(el('h2', {}, 'Non-productive time by reason'), chart,
    table('npt-table', ['Reason', 'Hours'], reasons.map(r => [data.reasons[r], hours(byReason.get(r))])));
}

// ---- per team ---------------------------------------------------------------------------------------------------

function renderTeams() {
  const teams = new Map();
  const team = index => {
    if (!teams.has(index)) {
      teams.set(index, { agents: new Set(), total: 0, available: 0, onContact: 0, acw: 0, npt: 0, handled: 0,
        handleMs: 0 });
    }
    return teams.get(index);
  };
  for (const r of activityRows) {
    if (filter.profile >= 0 && r.profile !== filter.profile) continue;
    const t = team(r.team);
    const name = data.activities[r.activity];
    t.agents.add(r.agent);
    t.total += r.ms;
    if (name === 'AVAILABLE') t.available += r.ms;
    if (name === 'ON_CONTACT') t.onContact += r.ms;
    if (name === 'AFTER_CONTACT_WORK') t.acw += r.ms;
    if (name === 'NON_PRODUCTIVE') t.npt += r.ms;
  }
  for (const leg of legRows) {
    if (data.outcomes[leg.outcome] !== 'HANDLED' || leg.monitor) continue;
    if (filter.profile >= 0 && leg.profile !== filter.profile) continue;
    const t = team(leg.team);
    t.handled++;
    t.handleMs += leg.talkMs + leg.holdMs + leg.acwMs;
  }
  const order = [...teams.keys()].sort((a, b) => teamName(a).localeCompare(teamName(b)));
  const body = order.map(i => {
    const t = teams.get(i);
    return [teamName(i), t.agents.size, hours(t.total), hours(t.available), hours(t.onContact), hours(t.acw),
      hours(t.npt), percent(ratio(t.onContact + t.acw, t.onContact + t.acw + t.available)), t.handled,
      t.handled ? seconds(t.handleMs / t.handled) : '-'];
  });
  document.getElementById('teams').replaceChildren(el('h2', {}, 'Teams'),
    el('p', { class: 'note' }, 'Team = the agent hierarchy (levels 1-5) while the time was spent. Hours are '
      + 'agent-hours logged in; occupancy = (on contact + ACW) / (on contact + ACW + available).'),
    table('team-table', ['Team', 'Agents', 'Logged in (h)', 'Available (h)', 'On contact (h)', 'ACW (h)',
      'Non-productive (h)', 'Occupancy', 'Handled', 'AHT (s)'], body));
}

// ---- alerts ---------------------------------------------------------------------------------------------------------

let alertPage = 0;
const ALERTS_PER_PAGE = 50;

function renderAlerts() {
  const all = rows(data.alerts).map((r, i) => ({ ...r, contact: data.alertContacts[i] }))
    .filter(r => filter.team < 0 || r.team === filter.team)
    .sort((a, b) => a.detected - b.detected || a.agent - b.agent);
  const pages = Math.max(1, Math.ceil(all.length / ALERTS_PER_PAGE));
  alertPage = Math.min(alertPage, pages - 1);
  const shown = all.slice(alertPage * ALERTS_PER_PAGE, (alertPage + 1) * ALERTS_PER_PAGE);
  const previous = el('button', { id: 'alert-previous' }, '◀');
  const next = el('button', { id: 'alert-next' }, '▶');
  previous.disabled = alertPage === 0;
  next.disabled = alertPage >= pages - 1;
  previous.onclick = () => { alertPage--; renderAlerts(); };
  next.onclick = () => { alertPage++; renderAlerts(); };
  document.getElementById('alerts').replaceChildren(el('h2', {}, 'Alerts'),
    el('div', { class: 'pager' }, previous, el('span', { id: 'alert-status', 'data-alerts': all.length },
      `${all.length} alert rows · page ${alertPage + 1} of ${pages}`), next),
    table('alert-table', ['Detected', 'Alert', 'Agent', 'Team', 'Status', 'Silence or time in state (s)', 'Contact'],
      shown.map(r => [when(data.from + r.detected), data.alertTypes[r.type], agentName(r.agent), teamName(r.team),
        data.statuses[r.status] || '-', seconds(r.silenceMs), r.contact || '-'])));
}

// ---- putting it together ------------------------------------------------------------------------------------------

function renderFiltered() {
  renderTimeline();
  renderHandleTime();
  renderNonProductive();
  renderTeams();
  renderAlerts();
}

async function main() {
  data = await readData();
  setZone(data.zone);
  activityRows = rows(data.activity);
  legRows = rows(data.legs);
  activityByAgent = byAgent(activityRows);
  legsByAgent = byAgent(legRows);
  renderHeader(activityRows);
  renderFilters();
  renderQueues();
  renderFiltered();
  document.body.dataset.ready = 'true';
}

main().catch(error => {
  console.error(error);
  document.getElementById('summary').append(el('p', { class: 'error' }, `The report could not be drawn: ${error}`));
});
