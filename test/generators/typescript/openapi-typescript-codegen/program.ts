// openapi-typescript-codegen (fetch client): static service methods over a global OpenAPI config;
// errors throw ApiError with the decoded body. Its return types include ErrorBody because the
// description documents a `default` answer, so a success must be told apart (docs/generators.md).
import { ApiError, OpenAPI, TokenService, UsersService, type ErrorBody } from './generated';
import { appToken, environment, runScenario } from './scenario';

OpenAPI.BASE = environment().baseUrl;

function success<T extends object>(answer: T | ErrorBody, field: keyof T): T {
  if (!(field in answer)) throw new Error(`expected a success, got ${JSON.stringify(answer)}`);
  return answer as T;
}

await runScenario({
  async getToken(clientId, clientSecret) {
    const answer = await TokenService.getToken({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret });
    return appToken(success(answer, 'access_token'));
  },
  async register(token, username, password) {
    OpenAPI.TOKEN = token;
    return success(await UsersService.createUsers({ username, password }), 'entities').entities[0]!.username;
  },
  async getUser(token, username) {
    OpenAPI.TOKEN = token;
    return success(await UsersService.getUser(username), 'entities').entities[0]!.username;
  },
  async listUsers(token, limit, cursor) {
    OpenAPI.TOKEN = token;
    const page = success(await UsersService.listUsers(limit, cursor), 'entities');
    return { usernames: page.entities.map((u) => u.username), cursor: page.cursor };
  },
  async getMissingUser(token, username) {
    OpenAPI.TOKEN = token;
    try {
      await UsersService.getUser(username);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const body = error.body as ErrorBody;
      return { status: error.status, error: body.error, errorDescription: body.error_description };
    }
    throw new Error('expected an ApiError');
  },
});
