"""openapi-python-client: one module per operation; `sync_detailed` gives the status and the
answer parsed per documented status (ErrorBody for errors)."""

from typing import Optional, cast

from easemob_client import AuthenticatedClient, Client
from easemob_client.api.token import get_token
from easemob_client.api.users import create_users, get_user, list_users
from easemob_client.models import ErrorBody, TokenRequest, TokenResponse, UserPage, UserRegistration, UserResponse
from easemob_client.types import UNSET
from scenario import ErrorAnswer, Page, base_url, run_scenario


def authed(token: str) -> AuthenticatedClient:
    return AuthenticatedClient(base_url=base_url(), token=token)


class OpenApiPythonClient:
    def get_token(self, client_id: str, client_secret: str) -> str:
        body = TokenRequest(grant_type="client_credentials", client_id=client_id, client_secret=client_secret)
        # The body is a Union of the three grants, the answer a Union of TokenResponse and
        # UserTokenResponse, parsed by trying each branch: isinstance picks the app token.
        # openapi-python-client asks for an AuthenticatedClient wherever an operation lists any
        # security requirement, even beside `{}` (none): the client_credentials grant is sent
        # without a token, so a plain Client, cast (docs/generators.md).
        anonymous = cast(AuthenticatedClient, Client(base_url=base_url()))
        answer = get_token.sync(client=anonymous, body=body)
        assert isinstance(answer, TokenResponse), answer
        return answer.access_token

    def register(self, token: str, username: str, password: str) -> str:
        answer = create_users.sync(client=authed(token), body=UserRegistration(username=username, password=password))
        assert answer is not None and not isinstance(answer, ErrorBody), answer
        return answer.entities[0].username

    def get_user(self, token: str, username: str) -> str:
        answer = get_user.sync(username, client=authed(token))
        assert isinstance(answer, UserResponse), answer
        return answer.entities[0].username

    def list_users(self, token: str, limit: int, cursor: Optional[str]) -> Page:
        answer = list_users.sync(client=authed(token), limit=limit, cursor=cursor if cursor else UNSET)
        assert isinstance(answer, UserPage), answer
        next_cursor = answer.cursor if isinstance(answer.cursor, str) else None
        return Page([user.username for user in answer.entities], next_cursor)

    def get_missing_user(self, token: str, username: str) -> ErrorAnswer:
        response = get_user.sync_detailed(username, client=authed(token))
        assert isinstance(response.parsed, ErrorBody), response
        return ErrorAnswer(int(response.status_code), response.parsed.error, response.parsed.error_description)


run_scenario(OpenApiPythonClient)
