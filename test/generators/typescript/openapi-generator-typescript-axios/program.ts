// openapi-generator's typescript-axios: one API class per tag over a Configuration (basePath,
// accessToken); each method resolves with axios' response (`.data` is the answer) and rejects
// with an AxiosError for a non-2xx answer, its `response.data` the parsed error body.
import { isAxiosError } from 'axios';
import { Configuration, TokenApi, UsersApi, type ErrorBody } from './generated/index';
import { appToken, environment, runScenario } from './scenario';

const { baseUrl } = environment();
const users = (token: string) => new UsersApi(new Configuration({ basePath: baseUrl, accessToken: token }));

await runScenario({
  async getToken(clientId, clientSecret) {
    const api = new TokenApi(new Configuration({ basePath: baseUrl }));
    const { data } = await api.getToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return appToken(data);
  },
  async register(token, username, password) {
    const { data } = await users(token).createUsers({ username, password });
    return data.entities[0]!.username;
  },
  async getUser(token, username) {
    return (await users(token).getUser(username)).data.entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    const { data } = await users(token).listUsers(limit, cursor);
    return { usernames: data.entities.map((u) => u.username), cursor: data.cursor };
  },
  async getMissingUser(token, username) {
    try {
      await users(token).getUser(username);
    } catch (error) {
      if (!isAxiosError<ErrorBody>(error) || !error.response) throw error;
      const { status, data } = error.response;
      return { status, error: data.error, errorDescription: data.error_description };
    }
    throw new Error('expected an AxiosError');
  },
});
