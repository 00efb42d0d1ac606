// openapi-zod-client: a Zodios client (axios) whose answers are parsed with the generated zod
// schemas, so a response that breaks the description fails here. Errors throw axios errors.
import { isAxiosError } from 'axios';
import { createApiClient } from './generated/client';
import { appToken, environment, runScenario } from './scenario';

const api = createApiClient(environment().baseUrl);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

await runScenario({
  async getToken(clientId, clientSecret) {
    const answer = await api.getToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return appToken(answer);
  },
  async register(token, username, password) {
    const answer = await api.createUsers({ username, password }, { headers: bearer(token) });
    return answer.entities[0]!.username;
  },
  async getUser(token, username) {
    const answer = await api.getUser({ params: { username }, headers: bearer(token) });
    return answer.entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    const page = await api.listUsers({ queries: { limit, cursor }, headers: bearer(token) });
    return { usernames: page.entities.map((u) => u.username), cursor: page.cursor };
  },
  async getMissingUser(token, username) {
    try {
      await api.getUser({ params: { username }, headers: bearer(token) });
    } catch (error) {
      if (!isAxiosError(error) || !error.response) throw error;
      const body = error.response.data as { error: string; error_description: string };
      return { status: error.response.status, error: body.error, errorDescription: body.error_description };
    }
    throw new Error('expected an error');
  },
});
