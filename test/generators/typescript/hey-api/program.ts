// @hey-api/openapi-ts: functions per operation over its fetch client; errors come back as `error`.
import { createClient } from './generated/client/index';
import { createUsers, getToken, getUser, listUsers } from './generated/sdk.gen';
import type { ErrorBody } from './generated/types.gen';
import { appToken, environment, runScenario } from './scenario';

const client = createClient({ baseUrl: environment().baseUrl });
const auth = (token: string) => ({ client, auth: token });

await runScenario({
  async getToken(clientId, clientSecret) {
    const { data } = await getToken({
      client,
      body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
      throwOnError: true,
    });
    return appToken(data);
  },
  async register(token, username, password) {
    const { data } = await createUsers({ ...auth(token), body: { username, password }, throwOnError: true });
    return data.entities[0]!.username;
  },
  async getUser(token, username) {
    const { data } = await getUser({ ...auth(token), path: { username }, throwOnError: true });
    return data.entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    const { data } = await listUsers({ ...auth(token), query: { limit, cursor }, throwOnError: true });
    return { usernames: data.entities.map((u) => u.username), cursor: data.cursor };
  },
  async getMissingUser(token, username) {
    const { error, response } = await getUser({ ...auth(token), path: { username } });
    const body = error as ErrorBody;
    return { status: response!.status, error: body.error, errorDescription: body.error_description };
  },
});
