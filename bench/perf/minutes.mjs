// Signed, not yet published minutes for the fan-out: drafts the minutes of the latest held LSVO meeting that has none,
// as LSVO's secretary, names the four LSVO-13 signatories (the chair, the secretary, Karlskrona's elderly-care head for
// the municipalities, the region's health-care director for the region) and has each sign, as the integration test
// MinutesEndToEndIntegrationTest does. Prints the minutes' global id. Usage: node minutes.mjs <service url>
// The chair (the holder of LSVO's CHAIR seat) has no demo login: run.sh gives that person the username
// primarvardschef.region in the benchmark's database first.
import { token, gql } from './lib.mjs';

const url = process.argv[2];
const secretary = await token(url, 'sekreterare.lsvo');
const body = await gql(url, secretary, `{ body(county: "blekinge", shortName: "LSVO") {
  seats(role: CHAIR) { edges { node { holder { id } } } }
  m2026: meetings(year: 2026, first: 100) { edges { node { id date state minutes { id } } } }
  m2027: meetings(year: 2027, first: 100) { edges { node { id date state minutes { id } } } } } }`);
const meetings = [...body.body.m2026.edges, ...body.body.m2027.edges].map((e) => e.node)
  .filter((m) => m.state === 'HELD' && m.minutes.length === 0).sort((a, b) => b.date.localeCompare(a.date));
if (meetings.length === 0) throw new Error('no held LSVO meeting without minutes left');
const meeting = meetings[0];
const signers = { chair: 'primarvardschef.region', secretary: 'sekreterare.lsvo', municipal: 'aldrechef.karlskrona', regional: 'hsdirektor.region' };
const tokens = {};
const persons = {};
for (const [k, user] of Object.entries(signers)) {
  tokens[k] = await token(url, user);
  persons[k] = (await gql(url, tokens[k], '{ me { person { id } } }')).me.person.id;
}
if (persons.chair !== body.body.seats.edges[0].node.holder.id) throw new Error('primarvardschef.region is not the chair of LSVO');
const draft = await gql(url, secretary, `mutation($m: ID!, $s: [SignatoryInput!]!) {
  draftMinutes(input: { meeting: $m, signatories: $s }) { minutes { id } errors { code message } } }`, {
  m: meeting.id,
  s: [{ person: persons.chair, kind: 'MEETING_CHAIR' }, { person: persons.secretary, kind: 'SECRETARY' },
    { person: persons.municipal, kind: 'APPOINTED_MEMBER', side: 'MUNICIPAL' },
    { person: persons.regional, kind: 'APPOINTED_MEMBER', side: 'REGIONAL' }],
});
if (draft.draftMinutes.errors.length) throw new Error(JSON.stringify(draft.draftMinutes.errors));
const minutes = draft.draftMinutes.minutes.id;
let state;
for (const k of ['chair', 'secretary', 'municipal', 'regional']) {
  const signed = await gql(url, tokens[k], `mutation($m: ID!) { signMinutes(input: { minutes: $m }) {
    minutes { state } errors { code message rule } } }`, { m: minutes });
  if (signed.signMinutes.errors.length) throw new Error(JSON.stringify(signed.signMinutes.errors));
  state = signed.signMinutes.minutes.state;
}
if (state !== 'SIGNED') throw new Error(`minutes ${minutes} are ${state} after four signatures`);
console.log(JSON.stringify({ minutes, meeting: meeting.id, date: meeting.date }));
