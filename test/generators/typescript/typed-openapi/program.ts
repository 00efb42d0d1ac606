// typed-openapi: a typed client over a fetcher the caller writes (here: fetch, JSON bodies).
// With `withResponse: true` errors come back as typed responses instead of throwing.
import { createApiClient } from './generated/api';
import { appToken, environment, runScenario } from './scenario';

const api = createApiClient(
  {
    fetch: ({ method, url, urlSearchParams, parameters, overrides }) => {
      if (urlSearchParams) url.search = urlSearchParams.toString();
      const body = parameters?.body === undefined ? undefined : JSON.stringify(parameters.body);
      const headers = { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(parameters?.header as Record<string, string>) };
      return fetch(url, { method: method.toUpperCase(), body, headers, ...overrides });
    },
  },
  environment().baseUrl,
);
const bearer = (token: string) => ({ overrides: { headers: { Authorization: `Bearer ${token}` } } });

await runScenario({
  async getToken(clientId, clientSecret) {
    const answer = await api.post('/token', { body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } });
    return appToken(answer);
  },
  async register(token, username, password) {
    const answer = await api.post('/users', { body: { username, password }, ...bearer(token) });
    return answer.entities[0]!.username;
  },
  async getUser(token, username) {
    return (await api.get('/users/{username}', { path: { username }, ...bearer(token) })).entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    const page = await api.get('/users', { query: { limit, cursor }, ...bearer(token) });
    return { usernames: page.entities.map((u) => u.username), cursor: page.cursor };
  },
  async getMissingUser(token, username) {
    const answer = await api.get('/users/{username}', { path: { username }, withResponse: true, ...bearer(token) });
    if (answer.ok || answer.status !== 404) throw new Error(`expected 404, got ${answer.status}`);
    return { status: answer.status, error: answer.data.error, errorDescription: answer.data.error_description };
  },
});
