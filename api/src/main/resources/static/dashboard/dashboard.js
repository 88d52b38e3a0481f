// The cross-county dashboard page: reads dashboard(counties, year) from the service's GraphQL API and draws, per
// county, three charts (meetings held against the rulebook's minimum, notices on time, recommendation answers per
// party), each followed by a table holding the same figures. No build step, no library: plain DOM and SVG.
'use strict';

const QUERY = `query Dashboard($counties: [String!], $year: Int!) {
  dashboard(counties: $counties, year: $year) { year counties {
    county { code name }
    bodies { body { shortName name } rulebookVersion
      meetings { minimum rule held planned cancelled extra meetsMinimum }
      notices { sent onTime late onTimeShare rule }
      decided medianDaysToDecision
      mattersByState { state count }
      decisions { category outcome count }
      recommendationsIssued
      revision { nextRevisionDue pastRevision } }
    recommendationsByParty { party { code name } received adopted adoptedWithChanges declined pending }
    agreements { agreement { name } evaluationDue pastEvaluation } } } }`;

const SVG = 'http://www.w3.org/2000/svg';
const number = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 0 });

async function graphql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) {
    throw new Error(body.errors.map((e) => e.message).join('; '));
  }
  return body.data;
}

function el(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function svg(name, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

/** A table with a caption, column heads and rows; numeric columns are right-aligned. */
function table(caption, heads, rows, numeric) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...heads.map((h, i) => el('th', { scope: 'col', class: numeric[i] ? 'num' : '' }, h)))),
    el('tbody', {}, ...rows.map((row) => el('tr', {}, ...row.map((cell, i) => i === 0
      ? el('th', { scope: 'row' }, cell)
      : el('td', { class: numeric[i] ? 'num' : '' }, cell))))));
}

function legend(entries) {
  return el('ul', { class: 'legend' }, ...entries.map(([colour, text]) =>
    el('li', {}, el('span', { class: 'swatch', style: `background:${colour}` }), text)));
}

/**
 * Horizontal bars, one row per item: stacked segments, an optional marker (the minimum), and the figures as text at
 * the end of the row, so that no figure is told by colour alone.
 */
function bars({ id, title, rows, max, segments, marker, label, data }) {
  const rowHeight = 28, left = 170, width = 640, right = 290;
  const scale = (v) => (max === 0 ? 0 : (v / max) * width);
  const chart = svg('svg', {
    role: 'img', 'aria-labelledby': `${id}-title`, id,
    viewBox: `0 0 ${left + width + right} ${rows.length * rowHeight + 10}`,
    width: '100%',
  }, svg('title', { id: `${id}-title` }, title));
  rows.forEach((row, i) => {
    const y = 5 + i * rowHeight;
    const group = svg('g', { class: 'bar', ...data(row) });
    group.append(svg('text', { x: left - 8, y: y + 18, 'text-anchor': 'end' }, row.name));
    let x = left;
    for (const segment of segments) {
      const w = scale(segment.value(row));
      if (w > 0) group.append(svg('rect', { x, y: y + 4, width: w, height: rowHeight - 10, style: `fill:${segment.colour}`, class: segment.name }));
      x += w;
    }
    if (marker && marker.value(row) != null) {
      const mx = left + scale(marker.value(row));
      group.append(svg('line', { x1: mx, x2: mx, y1: y, y2: y + rowHeight - 2, style: `stroke:${marker.colour}`, 'stroke-width': 3, class: 'marker' }));
    }
    group.append(svg('text', { x: left + width + 8, y: y + 18, class: 'figures' }, label(row)));
    chart.append(group);
  });
  chart.append(svg('line', { class: 'axis', x1: left, x2: left, y1: 0, y2: rows.length * rowHeight + 5 }));
  return chart;
}

function meetingsFigure(county, code) {
  const rows = county.bodies
    .filter((b) => b.meetings.minimum != null || b.meetings.held + b.meetings.planned + b.meetings.cancelled > 0)
    .map((b) => ({ name: b.body.shortName, full: b.body.name, ...b.meetings }));
  const section = el('section', { 'aria-labelledby': `${code}-moten` }, el('h3', { id: `${code}-moten` }, 'Sammanträden mot regelverkets minimum'));
  if (rows.length === 0) {
    section.append(el('p', { class: 'note' }, 'Inget organ har ett minimum eller sammanträden detta år.'));
    return section;
  }
  const max = Math.max(1, ...rows.map((r) => Math.max(r.held + r.planned, r.minimum ?? 0)));
  section.append(el('figure', {},
    el('figcaption', {}, 'Hållna och planerade sammanträden per organ; det röda strecket är regelverkets minimum per år.'),
    legend([['var(--held)', 'hållna'], ['var(--planned)', 'planerade'], ['var(--minimum)', 'minimum (streck)']]),
    bars({
      id: `${code}-moten-diagram`,
      title: `Sammanträden per organ i ${county.county.name}`,
      rows, max,
      segments: [
        { name: 'held', colour: 'var(--held)', value: (r) => r.held },
        { name: 'planned', colour: 'var(--planned)', value: (r) => r.planned },
      ],
      marker: { colour: 'var(--minimum)', value: (r) => r.minimum },
      label: (r) => `${r.held} hållna` + (r.planned ? ` + ${r.planned} planerade` : '')
        + (r.minimum != null ? `, minst ${r.minimum}` : ', inget minimum'),
      data: (r) => ({ 'data-body': r.name, 'data-held': r.held, 'data-planned': r.planned, 'data-minimum': r.minimum ?? '' }),
    })));
  section.append(table(`Sammanträden ${county.county.name}`,
    ['Organ', 'Hållna', 'Planerade', 'Inställda', 'Varav extra', 'Minimum', 'Regel', 'Uppfyller minimum'],
    rows.map((r) => [r.name, r.held, r.planned, r.cancelled, r.extra, r.minimum ?? '–', r.rule ?? '–',
      r.meetsMinimum == null ? '–' : (r.meetsMinimum ? 'ja' : 'nej')]),
    [false, true, true, true, true, true, false, false]));
  return section;
}

function noticesFigure(county, code) {
  const rows = county.bodies.filter((b) => b.notices.sent > 0).map((b) => ({ name: b.body.shortName, ...b.notices }));
  const section = el('section', { 'aria-labelledby': `${code}-kallelser` }, el('h3', { id: `${code}-kallelser` }, 'Kallelser i tid'));
  if (rows.length === 0) {
    section.append(el('p', { class: 'note' }, 'Inga kallelser skickades detta år.'));
    return section;
  }
  section.append(el('figure', {},
    el('figcaption', {}, 'Andel kallelser som skickades senast sista dag enligt regelverket.'),
    legend([['var(--held)', 'i tid'], ['var(--minimum)', 'sena']]),
    bars({
      id: `${code}-kallelser-diagram`,
      title: `Kallelser i tid per organ i ${county.county.name}`,
      rows, max: Math.max(...rows.map((r) => r.sent)),
      segments: [
        { name: 'on-time', colour: 'var(--held)', value: (r) => r.onTime },
        { name: 'late', colour: 'var(--minimum)', value: (r) => r.late },
      ],
      label: (r) => `${percent.format(r.onTimeShare)} i tid (${r.onTime} av ${r.sent})`,
      data: (r) => ({ 'data-body': r.name, 'data-sent': r.sent, 'data-on-time': r.onTime, 'data-late': r.late }),
    })));
  section.append(table(`Kallelser ${county.county.name}`, ['Organ', 'Skickade', 'I tid', 'Sena', 'Andel i tid', 'Regel'],
    rows.map((r) => [r.name, r.sent, r.onTime, r.late, percent.format(r.onTimeShare), r.rule ?? '–']),
    [false, true, true, true, true, false]));
  return section;
}

function recommendationsFigure(county, code) {
  const rows = county.recommendationsByParty.map((p) => ({ name: p.party.name, code: p.party.code, ...p }));
  const section = el('section', { 'aria-labelledby': `${code}-rek` }, el('h3', { id: `${code}-rek` }, 'Rekommendationer per huvudman'));
  if (rows.length === 0) {
    section.append(el('p', { class: 'note' }, 'Länets organ utfärdade inga rekommendationer detta år.'));
    return section;
  }
  section.append(el('figure', {},
    el('figcaption', {}, 'Hur huvudmännens nämnder har besvarat rekommendationerna från länets organ. Ett utkast räknas som obesvarat.'),
    legend([['var(--adopted)', 'antagen'], ['var(--changes)', 'antagen med ändringar'], ['var(--declined)', 'ej antagen'], ['var(--pending)', 'obesvarad']]),
    bars({
      id: `${code}-rek-diagram`,
      title: `Svar på rekommendationer per huvudman i ${county.county.name}`,
      rows, max: Math.max(...rows.map((r) => r.received)),
      segments: [
        { name: 'adopted', colour: 'var(--adopted)', value: (r) => r.adopted },
        { name: 'adopted-with-changes', colour: 'var(--changes)', value: (r) => r.adoptedWithChanges },
        { name: 'declined', colour: 'var(--declined)', value: (r) => r.declined },
        { name: 'pending', colour: 'var(--pending)', value: (r) => r.pending },
      ],
      label: (r) => `${r.adopted} antagna, ${r.adoptedWithChanges} med ändr., ${r.declined} ej, ${r.pending} obesvarade`,
      data: (r) => ({ 'data-party': r.code, 'data-received': r.received, 'data-adopted': r.adopted,
        'data-adopted-with-changes': r.adoptedWithChanges, 'data-declined': r.declined, 'data-pending': r.pending }),
    })));
  section.append(table(`Rekommendationer ${county.county.name}`,
    ['Huvudman', 'Mottagna', 'Antagna', 'Antagna med ändringar', 'Ej antagna', 'Obesvarade'],
    rows.map((r) => [r.name, r.received, r.adopted, r.adoptedWithChanges, r.declined, r.pending]),
    [false, true, true, true, true, true]));
  return section;
}

const CATEGORY = { FORUM_WIDE: 'forumgemensamt', SUBJECT_AREA: 'sakområde', FINANCIAL: 'ekonomiskt', null: 'utan kategori' };
const OUTCOME = { ADOPTED_BY_ALL: 'av alla', ADOPTED_BY_SOME: 'av några', NOT_ADOPTED: 'ej antaget' };

function mattersTable(county) {
  const rows = county.bodies.filter((b) => b.decided > 0 || b.mattersByState.some((s) => s.count > 0));
  if (rows.length === 0) return el('p', { class: 'note' }, 'Inga ärenden detta år.');
  return table(`Ärenden och beslut ${county.county.name}`,
    ['Organ', 'Ärenden inkomna', 'Beslutade', 'Median dagar till beslut', 'Beslut per kategori och utfall', 'Rekommendationer utfärdade'],
    rows.map((b) => [b.body.shortName,
      b.mattersByState.reduce((sum, s) => sum + s.count, 0),
      b.decided,
      b.medianDaysToDecision == null ? '–' : number.format(b.medianDaysToDecision),
      b.decisions.map((d) => `${CATEGORY[d.category]} ${OUTCOME[d.outcome]}: ${d.count}`).join('; ') || '–',
      b.recommendationsIssued]),
    [false, true, true, true, false, true]);
}

function revisionTable(county) {
  const rulebooks = county.bodies.filter((b) => b.rulebookVersion != null).map((b) => [
    `Regelverk ${b.body.shortName} ${b.rulebookVersion}`, b.revision.nextRevisionDue ?? 'anges inte',
    b.revision.nextRevisionDue == null ? '–' : (b.revision.pastRevision ? 'ja' : 'nej')]);
  const agreements = county.agreements.map((a) => [a.agreement.name, a.evaluationDue ?? 'tills vidare',
    a.pastEvaluation ? 'ja' : 'nej']);
  return table(`Revidering och utvärdering ${county.county.name}`, ['Dokument', 'Ska revideras/utvärderas', 'Passerat'],
    [...rulebooks, ...agreements], [false, false, false]);
}

function render(dashboard) {
  const root = document.getElementById('lanen');
  root.replaceChildren(...dashboard.counties.map((county) => {
    const code = county.county.code;
    const measured = county.bodies.filter((b) => b.meetings.minimum != null);
    const meeting = measured.filter((b) => b.meetings.meetsMinimum).length;
    return el('section', { class: 'county', 'aria-labelledby': `${code}-rubrik`, 'data-county': code },
      el('h2', { id: `${code}-rubrik` }, `${county.county.name} ${dashboard.year}`),
      el('p', {}, `${county.bodies.length} organ; ${meeting} av ${measured.length} med ett minimum i regelverket når det.`),
      meetingsFigure(county, code),
      noticesFigure(county, code),
      recommendationsFigure(county, code),
      el('h3', {}, 'Ärenden och beslut'), mattersTable(county),
      el('h3', {}, 'Revidering och utvärdering'), revisionTable(county));
  }));
}

async function show() {
  const status = document.getElementById('status');
  const county = document.getElementById('lan').value;
  const year = Number(document.getElementById('ar').value);
  status.textContent = 'Laddar …';
  document.body.setAttribute('aria-busy', 'true');
  try {
    const data = await graphql(QUERY, { counties: county ? [county] : null, year });
    render(data.dashboard);
    const names = data.dashboard.counties.map((c) => c.county.name);
    status.textContent = `Visar ${year} för ${names.length === 1 ? names[0] : `${names.length} län`}.`;
    document.body.dataset.loaded = `${county || 'alla'}-${year}`;
  } catch (error) {
    status.textContent = `Kunde inte hämta översikten: ${error.message}`;
  } finally {
    document.body.removeAttribute('aria-busy');
  }
}

async function start() {
  const params = new URLSearchParams(location.search);
  const thisYear = new Date().getFullYear();
  const years = document.getElementById('ar');
  for (let y = thisYear + 1; y >= thisYear - 10; y--) years.append(el('option', { value: y }, String(y)));
  const asked = /^\d{4}$/.test(params.get('year') || '') ? params.get('year') : String(thisYear);
  if (![...years.options].some((o) => o.value === asked)) years.append(el('option', { value: asked }, asked));
  years.value = asked;
  const counties = document.getElementById('lan');
  try {
    const data = await graphql('{ counties { code name } }', {});
    for (const c of data.counties) counties.append(el('option', { value: c.code }, c.name));
  } catch (error) {
    document.getElementById('status').textContent = `Kunde inte hämta länen: ${error.message}`;
    return;
  }
  counties.value = params.get('county') || '';
  document.getElementById('val').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ year: years.value });
    if (counties.value) query.set('county', counties.value);
    history.replaceState(null, '', `?${query}`);
    show();
  });
  await show();
}

start();
