// The results table of a run of bench/perf/run.sh, from out/results.txt and out/machine.txt.
import { readFileSync, existsSync } from 'node:fs';

const dir = process.argv[2];
const r = {};
for (const line of readFileSync(`${dir}/results.txt`, 'utf8').split('\n')) {
  const [k, v] = line.trim().split(/\s+/);
  if (k) r[k] = v;
}
const num = (k) => (r[k] === undefined || r[k] === '' || r[k] === 'null' ? null : Number(r[k]));
const f = (x, d = 0) => (x === null || Number.isNaN(x) ? '—' : x.toFixed(d));
const ratio = (a, b) => (a === null || b === null || !b ? '—' : (a / b).toFixed(2));
const out = [];
out.push('Portal query: a committee\'s inbox, 20 items (closed loop, after a warm-up; latency in ms)');
out.push('| | req/s | p50 | p99 | CPU/request (server) | CPU/request (PostgreSQL) | ours ÷ this |');
out.push('|---|---:|---:|---:|---:|---:|---:|');
out.push(`| service | ${f(num('ours_rps'))} | ${f(num('ours_p50'), 1)} | ${f(num('ours_p99'), 1)} | ${f(num('ours_cpu_ms'), 1)} ms | ${f(num('ours_pg_cpu_ms'), 1)} ms | 1.00 |`);
out.push(`| PostGraphile 4.14.1 | ${f(num('pg_rps'))} | ${f(num('pg_p50'), 1)} | ${f(num('pg_p99'), 1)} | ${f(num('pg_cpu_ms'), 1)} ms | ${f(num('pg_pg_cpu_ms'), 1)} ms | ${ratio(num('ours_rps'), num('pg_rps'))} |`);
out.push(`| pgbench -M prepared (PostGraphile's SQL) | ${f(num('sql_rps'))} | ${f(num('sql_p50'), 1)} | ${f(num('sql_p99'), 1)} | — | — | ${ratio(num('ours_rps'), num('sql_rps'))} |`);
const dashes = Object.keys(r).filter((k) => /^dash_.*_rps$/.test(k)).map((k) => k.slice(5, -4));
for (const d of dashes) {
  out.push(`| dashboard "${d}" (service; ${r[`statements_dashboard_${d}`] ?? '—'} statements, ${r[`dash_${d}_single_ms`] ?? '—'} ms alone) | ${f(num(`dash_${d}_rps`), 1)} | ${f(num(`dash_${d}_p50`), 1)} | ${f(num(`dash_${d}_p99`), 1)} | ${f(num(`dash_${d}_cpu_ms`), 1)} ms | ${f(num(`dash_${d}_pg_cpu_ms`), 1)} ms | — |`);
}
if (num('rate') !== null) {
  out.push('');
  out.push(`Fixed rate ${num('rate')}/s (half PostGraphile's throughput): service p50 ${f(num('rate_ours_p50'), 1)} ms, p99 ${f(num('rate_ours_p99'), 1)} ms at ${f(num('rate_ours_rps'))} req/s achieved; PostGraphile p50 ${f(num('rate_pg_p50'), 1)} ms, p99 ${f(num('rate_pg_p99'), 1)} ms at ${f(num('rate_pg_rps'))} req/s`);
}
const sizes = Object.keys(r).filter((k) => k.startsWith('statements_ours_') && !k.includes('norec')).map((k) => k.split('_').pop()).sort((a, b) => a - b);
if (sizes.length) {
  out.push('');
  out.push('SQL statements per request (samverkan.db.statements), pages of the largest inbox');
  out.push(`| first: | ${sizes.join(' | ')} |`);
  out.push(`|---|${sizes.map(() => '---:').join('|')}|`);
  out.push(`| portal query | ${sizes.map((s) => r[`statements_ours_${s}`]).join(' | ')} |`);
  out.push(`| without recommendation { … } | ${sizes.map((s) => r[`statements_ours-norec_${s}`] ?? '—').join(' | ')} |`);
}
const fan = Object.keys(r).filter((k) => /^fanout_\d+_p50Ms$/.test(k)).map((k) => k.split('_')[1]);
if (fan.length) {
  out.push('');
  out.push('Fan-out: publishMinutes → minutesPublished to N idle graphql-ws subscribers (ms from sending the mutation)');
  out.push('| subscribers | delivered | p50 | p99 | last | heap per idle subscriber | mutation answered | all connected in |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const n of fan) {
    out.push(`| ${n} | ${r[`fanout_${n}_delivered`]} | ${r[`fanout_${n}_p50Ms`]} | ${r[`fanout_${n}_p99Ms`]} | ${r[`fanout_${n}_lastMs`]} | ${r[`fanout_${n}_heapPerSubscriberKb`]} KB | ${r[`fanout_${n}_mutationMs`]} ms | ${r[`fanout_${n}_connectSeconds`]} s |`);
  }
}
if (num('heap_max_used_mb') !== null) {
  out.push('');
  out.push(`Heap under the portal load: at most ${num('heap_max_used_mb')} MB used, old generation ${num('heap_old_mb')} MB at the end, ${num('gc_young')} young GCs taking ${num('gc_seconds')} s in ${process.env.DURATION || 20} s`);
}
const starts = Object.keys(r).filter((k) => k.startsWith('startup_ms_')).map((k) => num(k));
if (starts.length) {
  const cpus = Object.keys(r).filter((k) => k.startsWith('startup_cpu_s_')).map((k) => num(k));
  out.push('');
  out.push(`Start-up, jar to first answered query (fresh embedded database): ${starts.map((s) => (s / 1000).toFixed(1)).join(' s, ')} s (CPU ${cpus.join(' s, ')} s)`);
}
if (existsSync(`${dir}/machine.txt`)) {
  out.push('');
  out.push('Machine and load average at the start of each measurement:');
  out.push(readFileSync(`${dir}/machine.txt`, 'utf8').trim());
}
console.log(out.join('\n'));
