// oazapfts: one function per operation, answers as { status, data } unions typed per status.
import { createUsers, defaults, getToken, getUser, listUsers } from './generated/api';
import { appToken, environment, ok, runScenario } from './scenario';

defaults.baseUrl = environment().baseUrl;
const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

await runScenario({
  async getToken(clientId, clientSecret) {
    return appToken(ok(await getToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })).data);
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
