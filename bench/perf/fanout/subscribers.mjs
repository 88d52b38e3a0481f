// One process's share of the fan-out's subscribers: opens N graphql-ws sockets (anonymous: minutesPublished is public),
// at most WINDOW handshakes in flight at a time, subscribes each to minutesPublished, and prints
// "READY <acknowledged> <failed>" once every socket is acknowledged or has failed; then records when each subscriber
// receives its first event (wall clock, ms) and prints "DONE <json>" when all have, or when told "STOP" on stdin.
// Usage: node subscribers.mjs <ws url> <n>
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { now } from '../lib.mjs';

const [url, nText] = process.argv.slice(2);
const n = Number(nText);
const window = Number(process.env.WINDOW || 32);
const query = 'subscription { minutesPublished(counties: ["blekinge"]) { cursor at minutes { id contentHash publishedAt } } }';
const arrivals = new Array(n).fill(null);
let acked = 0, failed = 0, errors = 0, received = 0, reported = false, pending = 0;
const clients = [];
let wake = null;

function report() {
  if (reported) return;
  reported = true;
  process.stdout.write(`DONE ${JSON.stringify({ arrivals: arrivals.filter((t) => t !== null), errors, acked, failed })}\n`);
}
function settled() {
  pending--;
  if (wake) { const w = wake; wake = null; w(); }
  if (acked + failed === n) process.stdout.write(`READY ${acked} ${failed}\n`);
}

process.stdin.on('end', () => process.exit(0)); // the driver went away: so do we
process.stdin.on('data', (d) => {
  if (d.toString().includes('STOP')) {
    report();
    for (const c of clients) c.dispose();
    setTimeout(() => process.exit(0), 500);
  }
});

for (let i = 0; i < n; i++) {
  while (pending >= window) await new Promise((r) => { wake = r; });
  pending++;
  let connected = false, done = false;
  const client = createClient({
    url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0, keepAlive: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => { if (!done) { done = connected = true; acked++; settled(); } },
      closed: () => { if (!done) { done = true; failed++; settled(); } },
    },
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
}
