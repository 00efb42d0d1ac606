// openapi-generator's typescript-fetch, with withoutRuntimeChecks=true and
// modelPropertyNaming=original (docs/generators.md says why both): one API class per tag over a
// Configuration (basePath, accessToken); a non-2xx answer rejects with ResponseError, which holds
// the Response. Models are plain interfaces with the wire's property names.
import { Configuration, ResponseError, TokenApi, UsersApi, type ErrorBody } from './generated/index';
import { appToken, environment, runScenario } from './scenario';

const { baseUrl } = environment();
const users = (token: string) => new UsersApi(new Configuration({ basePath: baseUrl, accessToken: token }));

await runScenario({
  async getToken(clientId, clientSecret) {
    const api = new TokenApi(new Configuration({ basePath: baseUrl }));
    return appToken(await api.getToken({ tokenGrant: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret } }));
  },
  async register(token, username, password) {
    const answer = await users(token).createUsers({ createUsersRequest: { username, password } });
    return answer.entities[0]!.username;
  },
  async getUser(token, username) {
    return (await users(token).getUser({ username })).entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    const page = await users(token).listUsers({ limit, cursor });
    return { usernames: page.entities.map((u) => u.username), cursor: page.cursor };
  },
  async getMissingUser(token, username) {
    try {
      await users(token).getUser({ username });
    } catch (error) {
      if (!(error instanceof ResponseError)) throw error;
      const body = (await error.response.json()) as ErrorBody;
      return { status: error.response.status, error: body.error, errorDescription: body.error_description };
    }
    throw new Error('expected a ResponseError');
  },
});
