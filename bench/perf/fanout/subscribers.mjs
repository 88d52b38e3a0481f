// One process's share of the fan-out's subscribers: opens N graphql-ws sockets (anonymous: minutesPublished is public),
// subscribes each to minutesPublished, prints "READY <acked> <errors>" once every socket is acknowledged, then records
// when each subscriber receives its first event (wall clock, ms) and prints "DONE <json>" when all have, or when told
// to stop on stdin ("STOP"). Usage: node subscribers.mjs <ws url> <n>
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { now } from '../lib.mjs';

const [url, nText] = process.argv.slice(2);
const n = Number(nText);
const query = 'subscription { minutesPublished(counties: ["blekinge"]) { cursor at minutes { id contentHash publishedAt } } }';
const arrivals = new Array(n).fill(null);
let acked = 0, errors = 0, received = 0, reported = false;
const clients = [];

function report() {
  if (reported) return;
  reported = true;
  process.stdout.write(`DONE ${JSON.stringify({ arrivals: arrivals.filter((t) => t !== null), errors, acked })}\n`);
}

for (let i = 0; i < n; i++) {
  const client = createClient({
    url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, keepAlive: 0, onNonLazyError: () => { errors++; },
    on: { connected: () => { if (++acked === n) process.stdout.write(`READY ${acked} ${errors}\n`); } },
  });
  client.subscribe({ query }, {
    next: () => {
      if (arrivals[i] === null) {
        arrivals[i] = now();
        if (++received === n) report();
      }
    },
    error: () => { errors++; },
    complete: () => {},
  });
  clients.push(client);
  if (i % 200 === 199) await new Promise((r) => setTimeout(r, 20)); // open sockets in batches, not as one SYN flood
}
process.stdin.on('end', () => process.exit(0)); // the driver went away: so do we
process.stdin.on('data', (d) => {
  if (d.toString().includes('STOP')) {
    report();
    for (const c of clients) c.dispose();
    setTimeout(() => process.exit(0), 500);
  }
});
