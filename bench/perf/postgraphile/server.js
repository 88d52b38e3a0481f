// PostGraphile 4 over the bench_pg views, as the performance peer of the service's portal query.
// Connects as the owner (the app role's password is random per run) and, per request, in the transaction PostGraphile
// opens: SET LOCAL role samverkan_app (owns nothing, no BYPASSRLS) and samverkan.party = the token's organisation, so
// row-level security applies exactly as for the service; bench.person = the token's subject for the views' MEMBERS
// rules. The token is verified as the service verifies it (RS256 against the dev issuer's published key, issuer,
// audience, expiry): no token or a bad one is refused with 401.
// Usage: node server.js  (env: PG_URL, PORT, JWKS_URL, ISSUER, POOL)
const http = require('http');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const { Pool } = require('pg');
const { postgraphile } = require('postgraphile');

const port = Number(process.env.PORT || 15000);
const pool = new Pool({ connectionString: process.env.PG_URL, max: Number(process.env.POOL || 20) });
const issuer = process.env.ISSUER;

async function main() {
  const jwks = await (await fetch(process.env.JWKS_URL)).json();
  const keys = new Map(jwks.keys.map((k) => [k.kid, crypto.createPublicKey({ key: k, format: 'jwk' })]));
  const claimsOf = (req) => {
    const header = req.headers.authorization || '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : null;
    if (!token) return null;
    const kid = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid;
    const key = keys.get(kid);
    if (!key) throw new Error('unknown key');
    return jwt.verify(token, key, { algorithms: ['RS256'], audience: 'samverkan-api', issuer, clockTolerance: 30 });
  };
  const middleware = postgraphile(pool, 'bench_pg', {
    disableDefaultMutations: true,
    simpleCollections: 'omit', // lists where the service has lists: @simpleCollections only on those views
    graphiql: false,
    enableQueryBatching: false,
    dynamicJson: true,
    setofFunctionsContainNulls: false,
    ignoreRBAC: false,
    disableQueryLog: true,
    extendedErrors: ['hint', 'detail', 'errcode'],
    pgSettings: (req) => {
      const claims = req.benchClaims;
      return {
        role: 'samverkan_app',
        'samverkan.party': claims ? String(claims.organisation) : '',
        'bench.person': claims ? String(claims.sub) : '',
      };
    },
  });
  http.createServer((req, res) => {
    try {
      req.benchClaims = claimsOf(req);
    } catch (e) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'unauthorized' }] }));
      return;
    }
    middleware(req, res);
  }).listen(port, '127.0.0.1', () => console.log(`PostGraphile on http://127.0.0.1:${port}/graphql`));
}
main().catch((e) => { console.error(e); process.exit(1); });
