// Writes the request bodies of the benchmark into the directory given: the normal query, the attacks (one file each)
// and the control (the cheapest valid query). Each is a GraphQL-over-HTTP JSON body.
import { writeFileSync, mkdirSync } from 'node:fs';

const dir = process.argv[2];
mkdirSync(`${dir}/attack`, { recursive: true });
const write = (name, query) => writeFileSync(`${dir}/${name}.json`, JSON.stringify({ query }));
const times = (n, f) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

// a portal-ish public query: a body, its rulebook version and who holds its seats
write('normal', `{ body(county: "blekinge", shortName: "LSVO") { name rulebook { version }
  seats(first: 30) { totalCount edges { node { title role party { name } holder { name } } } } } }`);
write('control', '{ __typename }');

// deep nesting: 41 levels (limit 15)
write('attack/deep', `{ party(code: "karlskrona") { ${'successor { '.repeat(39)}name${' }'.repeat(40)} }`);
// 1000 aliases of a cheap field (refused at the 16th, limit 15, before parsing)
write('attack/aliases-1000', `{ ${times(1000, i => `a${i}: __typename`)} }`);
// the dearest refusal: 990 tokens, within the text's limits, so parsed in full, walked over 850 fields, then refused
// for its depth
write('attack/parsed-then-refused', `{ ${'__typename '.repeat(850)} party(code: "karlskrona") { ${'successor { '.repeat(39)}name${' }'.repeat(40)} }`);
// token flood: 10 000 fields in 110 KB (parsing stops at token 1001)
write('attack/token-flood', `{ ${'__typename '.repeat(10000)}}`);
// cost: pages of 500 inside pages of 500 (an estimated million resolutions; limit 250 000)
write('attack/cost', `{ county(code: "blekinge") { bodies(first: 500) { edges { node {
  seats(first: 500) { edges { node { title holder { name party { name } } } } } } } } } }`);
// fragment bomb: 10 fragments each spreading the next ten times, 10^10 fields expanded (limit 1000 fields)
write('attack/fragment-bomb', '{ ...F0 } ' + times(10, i => `fragment F${i} on Query { ${`...F${i + 1} `.repeat(10)}}`)
  + ' fragment F10 on Query { __typename }');
// circular fragments
write('attack/circular', `{ body(county: "blekinge", shortName: "LSVO") { ...A } }
  fragment A on Body { relations { to { ...B } } } fragment B on Body { relations { from { ...A } } }`);
