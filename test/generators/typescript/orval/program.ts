// orval (fetch client, one file): each call resolves to { data, status } typed per status, for
// errors as well as successes.
import { createUsers, getAppToken, getUser, listUsers } from './generated/api';
import { runScenario } from './scenario';

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

function ok<R extends { status: number }>(response: R): Extract<R, { status: 200 }> {
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${JSON.stringify(response)}`);
  return response as Extract<R, { status: 200 }>;
}

await runScenario({
  async getToken(clientId, clientSecret) {
    const answer = ok(await getAppToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }));
    return answer.data.access_token;
  },
  async register(token, username, password) {
    return ok(await createUsers({ username, password }, bearer(token))).data.entities[0]!.username;
  },
  async getUser(token, username) {
    return ok(await getUser(username, bearer(token))).data.entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    const { data } = ok(await listUsers({ limit, cursor }, bearer(token)));
    return { usernames: data.entities.map((u) => u.username), cursor: data.cursor };
  },
  async getMissingUser(token, username) {
    const answer = await getUser(username, bearer(token));
    if (answer.status !== 404) throw new Error(`expected 404, got ${answer.status}`);
    return { status: answer.status, error: answer.data.error, errorDescription: answer.data.error_description };
  },
});
