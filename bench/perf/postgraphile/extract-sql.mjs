// Reads PostGraphile's DEBUG=postgraphile:postgres log on stdin and prints the last statement it ran for the portal
// query (the one between the set_config and the commit), with $n parameters turned into pgbench variables
// (argv: the variable names, in order: $1 → :name1, …).
import { readFileSync } from 'node:fs';

const log = readFileSync(0, 'utf8');
const names = process.argv.slice(2);
const stamp = /^\d{4}-\d\d-\d\dT[\d:.]+Z postgraphile:postgres /;
const statements = [];
let current = null;
for (const line of log.split('\n')) {
  if (stamp.test(line)) {
    if (current !== null) statements.push(current);
    current = line.replace(stamp, '');
  } else if (current !== null) {
    current += '\n' + line;
  }
}
if (current !== null) statements.push(current);
const portal = statements.filter((s) => s.startsWith('with __local_0__')).pop();
if (!portal) {
  console.error('no portal statement in the log');
  process.exit(1);
}
// pgbench wants one line per command unless it ends with ';' — keep the lines, end with ';'
console.log(portal.trim().replace(/\$(\d+)/g, (_, n) => `:${names[Number(n) - 1]}`) + ';');
