// Small helpers shared by the perf harness's Node scripts: dev tokens and GraphQL over HTTP.
export async function token(url, user) {
  const r = await fetch(`${url}/dev/tokens`, { method: 'POST', body: new URLSearchParams({ user }) });
  const json = await r.json();
  if (!json.access_token) throw new Error(`no token for ${user}: ${JSON.stringify(json)}`);
  return json.access_token;
}

export async function gql(url, bearer, query, variables = {}) {
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = await r.json();
  if (json.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(json.errors)}`);
  return json.data;
}

export const now = () => performance.timeOrigin + performance.now(); // wall clock in ms, comparable across processes

export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
