// Subscription fan-out: N idle graphql-ws subscribers to minutesPublished on one service instance, spread over a few
// Node processes; the heap the subscribers cost (after a full GC, minus before, per subscriber); then the secretary's
// publishMinutes and, for each subscriber, the time from just before the mutation was sent to its delivery.
// Usage: node driver.mjs <service url> <n> <processes> <minutes global id> <service pid> <jcmd> <out json>
import { spawn, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { token, gql, now, percentile } from '../lib.mjs';

const [url, nText, procsText, minutes, pid, jcmd, outFile] = process.argv.slice(2);
const n = Number(nText), procs = Number(procsText);
const settle = Number(process.env.SETTLE_S || 10) * 1000;
const wsUrl = url.replace(/^http/, 'ws') + '/graphql';

import { readFileSync } from 'node:fs';
const ticks = 100; // CLK_TCK
const cpuMs = () => { try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(f[11]) + Number(f[12])) * 1000 / ticks; } catch { return NaN; } };

function heapUsedKb() { // full GC, then the heap in use: what the live objects take
  execFileSync(jcmd, [pid, 'GC.run'], { stdio: 'ignore' });
  const info = execFileSync(jcmd, [pid, 'GC.heap_info']).toString();
  // G1 prints one line for the heap; the parallel and serial collectors one per generation (not Metaspace's)
  const used = [...info.matchAll(/^\s*(?:garbage-first heap|PSYoungGen|ParOldGen|def new generation|tenured generation)\b.*?used (\d+)K/gm)];
  if (!used.length) throw new Error(`cannot read GC.heap_info: ${info}`);
  return used.reduce((sum, m) => sum + Number(m[1]), 0);
}

const children = [];
const killChildren = () => { for (const c of children) c.child.kill(); };
process.on('exit', killChildren);
process.on('uncaughtException', (e) => { console.error(e.message); killChildren(); process.exit(1); });
process.on('unhandledRejection', (e) => { console.error(String(e?.message ?? e)); killChildren(); process.exit(1); });
const secretary = await token(url, 'sekreterare.lsvo');
await sleep(1000);
const before = heapUsedKb();
await sleep(500);
const beforeAgain = heapUsedKb(); // the noise of the measurement itself
const t0 = now();
const cpu0 = cpuMs();
for (let p = 0; p < procs; p++) {
  const share = Math.floor(n / procs) + (p < n % procs ? 1 : 0);
  const child = spawn(process.execPath, [new URL('./subscribers.mjs', import.meta.url).pathname, wsUrl, String(share)],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  let buffer = '';
  const state = { child, ready: null, done: null };
  child.stdout.on('data', (d) => {
    buffer += d;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i); buffer = buffer.slice(i + 1);
      if (line.startsWith('READY')) state.ready = line;
      if (line.startsWith('DONE ')) state.done = JSON.parse(line.slice(5));
    }
  });
  children.push(state);
}
const connectDeadline = Date.now() + Number(process.env.CONNECT_TIMEOUT_S || 300) * 1000;
while (children.some((c) => !c.ready) && Date.now() < connectDeadline) await sleep(100);
const connectedMs = now() - t0;
const connectCpuMs = cpuMs() - cpu0;
if (children.some((c) => !c.ready)) console.error('not every subscriber was acknowledged or refused in time');
await sleep(settle); // the subscribe messages sent after each ack are registered by now
const after = heapUsedKb();

const cpu1 = cpuMs();
const sentAt = now();
const published = await gql(url, secretary, `mutation($m: ID!) { publishMinutes(input: { minutes: $m }) {
  minutes { publishedAt } errors { code message rule } } }`, { m: minutes });
const answeredAt = now();
if (published.publishMinutes.errors.length) throw new Error(JSON.stringify(published.publishMinutes.errors));
const deadline = Date.now() + 60_000;
while (children.some((c) => !c.done) && Date.now() < deadline) await sleep(50);
const deliveryCpuMs = cpuMs() - cpu1;
for (const c of children) c.child.stdin.write('STOP\n');
await sleep(1500);
const arrivals = children.flatMap((c) => c.done?.arrivals ?? []).map((t) => t - sentAt).sort((a, b) => a - b);
const result = {
  subscribers: n, processes: procs,
  acknowledged: children.reduce((s, c) => s + (c.done?.acked ?? 0), 0),
  failedConnections: children.reduce((s, c) => s + (c.done?.failed ?? 0), 0),
  subscribeErrors: children.reduce((s, c) => s + (c.done?.errors ?? 0), 0),
  connectSeconds: +(connectedMs / 1000).toFixed(1),
  serviceCpuPerConnectMs: +(connectCpuMs / n).toFixed(2),
  serviceCpuPerDeliveryMs: +(deliveryCpuMs / n).toFixed(3),
  heapBeforeKb: before, heapBeforeAgainKb: beforeAgain, heapWithSubscribersKb: after,
  heapPerSubscriberKb: +((after - before) / n).toFixed(2),
  mutationMs: +(answeredAt - sentAt).toFixed(1),
  delivered: arrivals.length, missing: n - arrivals.length,
  p50Ms: arrivals.length ? +percentile(arrivals, 50).toFixed(1) : null,
  p99Ms: arrivals.length ? +percentile(arrivals, 99).toFixed(1) : null,
  lastMs: arrivals.length ? +arrivals[arrivals.length - 1].toFixed(1) : null,
  firstMs: arrivals.length ? +arrivals[0].toFixed(1) : null,
};
writeFileSync(outFile, JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
for (const c of children) c.child.kill();
process.exit(0);
