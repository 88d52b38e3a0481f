// The portal query, for the service and for PostGraphile, written as request bodies into a directory; and a check
// that both answer the same thing. Usage:
//   node queries.mjs write <dir> <committee global id> [<size>:<committee global id> …]
//   node queries.mjs check <our answer json> <PostGraphile answer json>
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';

// A committee's inbox as a municipal portal shows it: each item with the body it came from, and for distributed
// minutes the meeting (with its body and matters) and the minutes' items (paragrafer: what became of each matter);
// for a recommendation its text and body. Matters are MEMBERS data: a reader, who holds no seat, gets none.
export const OURS = `query Portal($committee: ID!, $first: Int) {
  inbox(committee: $committee, first: $first) {
    totalCount
    edges { node {
      id kind title rule arrivedAt state note
      fromBody { id shortName name }
      minutes { id version signedAt contentHash
        meeting { id date startsAt location state body { id shortName } matters { id title type state } }
        items { actualPosition title kind outcome } }
      recommendation { id text issuedAt body { id shortName } }
    } }
  }
}`;

// The same through PostGraphile 4 over the bench_pg views (postgraphile/bench_pg.sql): ids are the uuids, lists in
// the service's order.
export const POSTGRAPHILE = `query Portal($committee: UUID!, $first: Int) {
  inbox(committee: $committee, first: $first, orderBy: [ARRIVED_AT_DESC, ID_ASC]) {
    totalCount
    edges { node {
      id kind title rule arrivedAt state note
      fromBody { id shortName name }
      minutes { id version signedAt contentHash
        meeting { id date startsAt location state body { id shortName }
          matters(orderBy: AGENDA_POSITION_ASC) { id title type state } }
        items(orderBy: SORT_KEY_ASC) { actualPosition title kind outcome } }
      recommendation { id text issuedAt body { id shortName } }
    } }
  }
}`;

// The cross-county dashboard of a year (public: counts only), every field of it.
export const DASHBOARD = `query Dashboard($counties: [String!], $year: Int!) {
  dashboard(counties: $counties, year: $year) { year counties {
    county { code name }
    bodies { body { shortName name } rulebookVersion
      meetings { minimum rule held planned cancelled extra meetsMinimum }
      notices { sent onTime late onTimeShare rule }
      decided medianDaysToDecision mattersByState { state count } decisions { category outcome count }
      recommendationsIssued revision { nextRevisionDue pastRevision } }
    recommendationsByParty { party { code name } received adopted adoptedWithChanges declined pending }
    agreements { agreement { name } evaluationDue pastEvaluation } } }
}`;

// Without the recommendation branch: shows which part of the query makes the statement count grow with the list.
const WITHOUT_RECOMMENDATION = OURS.replace(/\n\s*recommendation \{[^\n]*\}/, '');

const uuidOf = (globalId) => Buffer.from(globalId, 'base64url').toString().split(':')[1];

const [command, ...args] = process.argv.slice(2);
if (command === 'write') {
  const [dir, portal, ...sized] = args;
  mkdirSync(dir, { recursive: true });
  const write = (name, query, variables) => writeFileSync(`${dir}/${name}.json`, JSON.stringify({ query, variables }));
  write('ours-portal', OURS, { committee: portal, first: 20 });
  write('pg-portal', POSTGRAPHILE, { committee: uuidOf(portal), first: 20 });
  writeFileSync(`${dir}/portal-committee-uuid`, uuidOf(portal));
  // DASHBOARDS: {"name": [counties] or null for every county, …}; DASHBOARD_YEAR
  const dashboards = JSON.parse(process.env.DASHBOARDS ?? '{"two":["blekinge","norrbotten"]}');
  const year = Number(process.env.DASHBOARD_YEAR ?? 2026);
  for (const [name, counties] of Object.entries(dashboards)) write(`dashboard-${name}`, DASHBOARD, { counties, year });
  for (const pair of sized) {
    const [size, committee] = pair.split(':');
    write(`ours-${size}`, OURS, { committee, first: Number(size) });
    write(`ours-norec-${size}`, WITHOUT_RECOMMENDATION, { committee, first: Number(size) });
    write(`pg-${size}`, POSTGRAPHILE, { committee: uuidOf(committee), first: Number(size) });
  }
} else if (command === 'check') {
  // the same items in the same order, with the same titles, bodies, meetings, minutes items and recommendations
  const norm = (file, id) => {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    if (r.errors) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
    return {
      totalCount: r.data.inbox.totalCount,
      items: r.data.inbox.edges.map(({ node: n }) => ({
        id: id(n.id), kind: n.kind, title: n.title, rule: n.rule, arrivedAt: Date.parse(n.arrivedAt), state: n.state,
        note: n.note, fromBody: n.fromBody.shortName,
        minutes: n.minutes && {
          id: id(n.minutes.id), version: n.minutes.version, signedAt: Date.parse(n.minutes.signedAt), hash: n.minutes.contentHash,
          meeting: { id: id(n.minutes.meeting.id), date: n.minutes.meeting.date, startsAt: Date.parse(n.minutes.meeting.startsAt),
            state: n.minutes.meeting.state, body: n.minutes.meeting.body.shortName,
            matters: n.minutes.meeting.matters.map((m) => [id(m.id), m.title, m.type, m.state]) },
          items: n.minutes.items.map((i) => [i.actualPosition, i.title, i.kind, i.outcome]),
        },
        recommendation: n.recommendation && { id: id(n.recommendation.id), text: n.recommendation.text,
          issuedAt: Date.parse(n.recommendation.issuedAt), body: n.recommendation.body.shortName },
      })),
    };
  };
  const ours = norm(args[0], uuidOf);
  const theirs = norm(args[1], (x) => x);
  const a = JSON.stringify(ours), b = JSON.stringify(theirs);
  if (a !== b) {
    for (let i = 0; i < Math.max(ours.items.length, theirs.items.length); i++) {
      if (JSON.stringify(ours.items[i]) !== JSON.stringify(theirs.items[i])) {
        console.error('first difference at item', i, '\nours:', JSON.stringify(ours.items[i]), '\nPostGraphile:', JSON.stringify(theirs.items[i]));
        break;
      }
    }
    if (ours.totalCount !== theirs.totalCount) console.error('totalCount', ours.totalCount, theirs.totalCount);
    process.exit(1);
  }
  const minutes = ours.items.filter((i) => i.minutes).length, recs = ours.items.filter((i) => i.recommendation).length;
  const matters = ours.items.reduce((s, i) => s + (i.minutes?.meeting.matters.length ?? 0), 0);
  console.log(`same answer: ${ours.items.length} of ${ours.totalCount} items (${minutes} minutes, ${recs} recommendations, ${matters} matters visible), ${Buffer.byteLength(readFileSync(args[0]))} / ${Buffer.byteLength(readFileSync(args[1]))} bytes`);
} else {
  console.error('usage: node queries.mjs write|check …');
  process.exit(2);
}
