"""openapi-generator's python client (urllib3 + pydantic): one API class per tag; errors raise
ApiException (NotFoundException for 404) carrying the status and the raw body."""

import json
import os
from typing import Optional

from easemob_client import ApiClient, Configuration
from easemob_client.api.status_and_messages_api import StatusAndMessagesApi
from easemob_client.api.token_api import TokenApi
from easemob_client.api.users_api import UsersApi
from easemob_client.exceptions import ApiException
from easemob_client.models import (
    CreateUsersRequest,
    ErrorBody,
    OnlineState,
    TokenGrant,
    TokenRequest,
    TokenResponse,
    UserRegistration,
)
from scenario import ErrorAnswer, Page, base_url, run_scenario


def users(token: Optional[str] = None) -> UsersApi:
    return UsersApi(ApiClient(Configuration(host=base_url(), access_token=token)))


class OpenApiGeneratorPython:
    def get_token(self, client_id: str, client_secret: str) -> str:
        api = TokenApi(ApiClient(Configuration(host=base_url())))
        # The oneOf body and answer are pydantic wrappers holding `actual_instance`; the answer
        # is checked to match exactly one branch.
        grant = TokenRequest(grant_type="client_credentials", client_id=client_id, client_secret=client_secret)
        answer = api.get_token(TokenGrant(grant)).actual_instance
        assert isinstance(answer, TokenResponse), answer
        return answer.access_token

    def register(self, token: str, username: str, password: str) -> str:
        body = CreateUsersRequest(UserRegistration(username=username, password=password))
        return users(token).create_users(body).entities[0].username

    def get_user(self, token: str, username: str) -> str:
        return users(token).get_user(username).entities[0].username

    def list_users(self, token: str, limit: int, cursor: Optional[str]) -> Page:
        page = users(token).list_users(limit=limit, cursor=cursor)
        return Page([user.username for user in page.entities], page.cursor)

    def get_missing_user(self, token: str, username: str) -> ErrorAnswer:
        try:
            users(token).get_user(username)
        except ApiException as error:
            body = ErrorBody.from_dict(json.loads(error.body or "{}"))
            assert body is not None and error.status is not None
            return ErrorAnswer(error.status, body.error, body.error_description)
        raise AssertionError("expected an ApiException")


run_scenario(OpenApiGeneratorPython)

# Beyond the common steps: a map whose values are a named enum (getStatus's `data`), which pydantic
# decodes into OnlineState members (mypy.ini says why its from_dict is not type-checked).
client = OpenApiGeneratorPython()
token = client.get_token(os.environ["EASEMOB_CLIENT_ID"], os.environ["EASEMOB_CLIENT_SECRET"])
owner = f"{os.environ.get('SCENARIO_PREFIX', 'gen')}_user1"
status = StatusAndMessagesApi(ApiClient(Configuration(host=base_url(), access_token=token))).get_status(owner)
assert status.data == {owner: OnlineState.OFFLINE}, status.data
print(f"getStatus decoded: {owner} {status.data[owner].value}")
