"""datamodel-code-generator: pydantic models from the description, and no client. A team writes
the requests (httpx here), sends each body as its model's JSON and reads each answer with its
model's `model_validate_json`, so every exchange below goes through a generated model.

The models are generated with `--type-mappings password=string`: by default a `format: password`
string (`password`, `newpassword`, `client_secret`) becomes pydantic's `SecretStr`, which JSON
serialisation writes as "**********". A registration sent that way succeeds, and the user's
password is ten asterisks. `models_masked` (generated without the mapping) shows it below."""

import os
from typing import Optional, TypeVar
from urllib.parse import quote

import httpx
from pydantic import BaseModel, SecretStr

import models_masked
from models import (
    ActionResult,
    AttributesCapacity,
    AttributesDeleted,
    BlockCheckResult,
    BlockPage,
    BlockRequest,
    ContactCheckResult,
    ContactImportRequest,
    ContactImportResult,
    ContactList,
    ContactPage,
    ContactRemark,
    DisconnectResult,
    ErrorBody,
    GlobalMuteList,
    GlobalMuteRequest,
    GlobalMuteSetResult,
    GlobalMuteState,
    InheritGrantRequest,
    IssuedToken,
    OfflineMessageCount,
    OfflineMessageStatus,
    OnlineStatus,
    PasswordChange,
    PasswordGrantRequest,
    PushNicknameBatch,
    PushNicknameBatchItem,
    PushNicknameResult,
    RelationCheckRequest,
    StatusOk,
    TokenRequest,
    TokenResponse,
    UserAttributes,
    UserAttributesResult,
    UserDevices,
    UserPage,
    UserRegistration,
    UserRegistrationResult,
    UserResponse,
    UsersAttributesRequest,
    UsersAttributesResult,
    UsersStatus,
    UsersStatusRequest,
    UserTokenResponse,
    UserUpdate,
    UsernameList,
)
from scenario import ErrorAnswer, Page, base_url, check, run_scenario

Answer = TypeVar("Answer", bound=BaseModel)


class Refused(Exception):
    def __init__(self, status: int, body: ErrorBody) -> None:
        super().__init__(f"HTTP {status}: {body.error}")
        self.status = status
        self.body = body


http = httpx.Client(base_url=base_url() + "/")


def send(
    method: str,
    path: str,
    token: Optional[str],
    answer: type[Answer],
    body: Optional[BaseModel] = None,
    params: Optional[dict[str, str | int]] = None,
    form: Optional[dict[str, str]] = None,
) -> Answer:
    """One exchange: the body as its model's JSON (aliases, nothing unset), the answer read by `answer`."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    content = None
    if body is not None:
        content = body.model_dump_json(by_alias=True, exclude_none=True)
        headers["Content-Type"] = "application/json"
    response = http.request(method, path.lstrip("/"), headers=headers, content=content, params=params, data=form)
    if response.is_success:
        return answer.model_validate_json(response.content)
    raise Refused(response.status_code, ErrorBody.model_validate_json(response.content))


def refused(method: str, path: str, token: str) -> Refused:
    try:
        send(method, path, token, UserResponse)
    except Refused as refusal:
        return refusal
    raise SystemExit(f"expected {method} {path} to be refused")


def segment(value: str) -> str:
    return quote(value, safe="")


names: list[str] = []


class Client:
    app_token = ""

    def get_token(self, client_id: str, client_secret: str) -> str:
        grant = TokenRequest(grant_type="client_credentials", client_id=client_id, client_secret=client_secret)
        issued = send("POST", "/token", None, IssuedToken, grant).root
        check(isinstance(issued, TokenResponse), f"an app token answer, got {issued!r}")
        self.app_token = issued.access_token
        return issued.access_token

    def register(self, token: str, username: str, password: str) -> str:
        names.append(username)
        body = UserRegistration(username=username, password=password)
        return send("POST", "/users", token, UserRegistrationResult, body).entities[0].username

    def get_user(self, token: str, username: str) -> str:
        return send("GET", f"/users/{segment(username)}", token, UserResponse).entities[0].username

    def list_users(self, token: str, limit: int, cursor: Optional[str]) -> Page:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        page = send("GET", "/users", token, UserPage, params=params)
        return Page(usernames=[u.username for u in page.entities], cursor=page.cursor)

    def get_missing_user(self, token: str, username: str) -> ErrorAnswer:
        refusal = refused("GET", f"/users/{segment(username)}", token)
        return ErrorAnswer(status=refusal.status, error=refusal.body.error, error_description=refusal.body.error_description)


client = Client()
run_scenario(lambda: client)


def more_operations(owner: str, friend: str, other: str, app_token: str) -> int:
    """Beyond the common scenario: the rest of the operations but deleteUsers (it deletes the app's
    oldest users) and disconnectDevice (it needs a signed-in device). Returns the calls made."""
    calls = 0

    def call(method: str, path: str, answer: type[Answer], body: Optional[BaseModel] = None, params: Optional[dict[str, str | int]] = None, form: Optional[dict[str, str]] = None, token: str = app_token) -> Answer:
        nonlocal calls
        calls += 1
        return send(method, path, token, answer, body, params, form)

    o, f, x = segment(owner), segment(friend), segment(other)
    call("POST", f"/users/{o}/contacts/users/{f}", UserResponse)
    check(call("GET", f"/users/{o}/contacts/users", ContactList).data == [friend], "the friend listed")
    call("PUT", f"/user/{o}/contacts/users/{f}", StatusOk, ContactRemark(remark="from pydantic"))
    remarked = call("GET", f"/users/{o}/contacts/users", ContactList, params={"needReturnRemark": "true"}).entities or []
    check(len(remarked) == 1 and remarked[0].remark == "from pydantic", f"the remark listed, got {remarked!r}")
    page = call("GET", f"/user/{o}/contacts", ContactPage, params={"limit": 10})
    check(any(c.username == friend for c in page.data.contacts), "the friend on the contact page")
    checked = call("POST", "/contacts/check", ContactCheckResult, RelationCheckRequest(username=owner, check_list=[friend, other]))
    check(len(checked.entities) == 2, "two relations checked")
    imported = call("POST", f"/users/{o}/contacts/import", ContactImportResult, ContactImportRequest(usernames=[other]), params={"isSendNotice": "false"})
    check(imported.data.success == [other], "the contact imported")
    call("DELETE", f"/users/{o}/contacts/users/{x}", UserResponse)

    call("POST", f"/users/{o}/blocks/users", UsernameList, BlockRequest(usernames=[other]))
    check(call("GET", f"/users/{o}/blocks/users", BlockPage).data == [other], "the block listed")
    check(call("GET", f"/users/{o}/blocks/users", BlockPage, params={"pageSize": 2}).data == [other], "the block on its page")
    call("POST", "/blocks/check", BlockCheckResult, RelationCheckRequest(username=owner, check_list=[other]))
    call("DELETE", f"/users/{o}/blocks/users/{x}", UserResponse)
    call("DELETE", f"/users/{o}/contacts/users/{f}", UserResponse)

    updated = call("PUT", f"/users/{o}", UserResponse, UserUpdate(nickname="Pydantic"))
    check(updated.entities[0].nickname == "Pydantic", "the nickname updated")
    call("PUT", "/push/nickname", PushNicknameResult, PushNicknameBatch([PushNicknameBatchItem(username=friend, push_nickname="Duke")]))
    call("PUT", f"/users/{o}/password", ActionResult, PasswordChange(newpassword="secret-456"))

    # The app token sent with the inherit grant; the user token it gives, used as that user.
    inherited = call("POST", "/token", IssuedToken, InheritGrantRequest(grant_type="inherit", username=friend)).root
    check(isinstance(inherited, UserTokenResponse) and inherited.user.username == friend, f"an inherited user token, got {inherited!r}")
    user_token = inherited.access_token
    check(call("GET", f"/users/{f}", UserResponse, token=user_token).entities[0].username == friend, "a user token reads its own user")
    check(refused("GET", "/users", user_token).status == 401, "a user token may not list users")

    check(call("GET", f"/users/{o}/status", OnlineStatus).data[owner].value == "offline", "the user's state keyed by name")
    check("1234567890" in call("GET", f"/users/{o}/offline_msg_status/1234567890", OfflineMessageStatus).data, "the message's state keyed by id")
    call("POST", "/users/batch/status", UsersStatus, UsersStatusRequest(usernames=[owner, friend]))
    call("GET", f"/users/{o}/offline_msg_count", OfflineMessageCount)
    call("GET", f"/users/{o}/resources", UserDevices)

    # A form body: UserAttributes' fields, form-encoded.
    attributes = UserAttributes(nickname="Pydantic", gender="1")
    form = {key: str(value) for key, value in attributes.model_dump(exclude_none=True).items()}
    check(call("PUT", f"/metadata/user/{o}", UserAttributesResult, form=form).data["nickname"] == "Pydantic", "attributes set")
    check(call("GET", f"/metadata/user/{o}", UserAttributesResult).data["gender"] == "1", "attributes read back")
    several = call("POST", "/metadata/user/get", UsersAttributesResult, UsersAttributesRequest(targets=[owner], properties=["nickname"]))
    check(owner in several.data, "attributes of several users")
    call("GET", "/metadata/user/capacity", AttributesCapacity)
    check(call("DELETE", f"/metadata/user/{o}", AttributesDeleted).data is True, "attributes deleted")

    call("POST", "/mutes", GlobalMuteSetResult, GlobalMuteRequest(username=other, chat=60))
    chat = call("GET", f"/mutes/{x}", GlobalMuteState).data.chat
    check(0 < chat <= 60, f"the mute read back, got {chat}")
    mutes = call("GET", "/mutes", GlobalMuteList, params={"pageNum": 1, "pageSize": 10})
    check(any(m.username == other for m in mutes.data.data), "the mute listed")

    call("POST", f"/users/{x}/deactivate", UserResponse)
    call("POST", f"/users/{x}/activate", ActionResult)
    check(call("GET", f"/users/{x}/disconnect", DisconnectResult).data.result is True, "disconnected")
    call("DELETE", f"/users/{x}", UserResponse)
    check(refused("GET", f"/users/{x}", app_token).status == 404, "the deleted user is gone")
    return calls


def masked_password(app_token: str) -> None:
    """What the default models send: a SecretStr, written out as asterisks, and registered so."""
    username = os.environ.get("SCENARIO_PREFIX", "gen") + "_masked"
    default = models_masked.UserRegistration(username=username, password=SecretStr("secret-123"))
    check('"password":"**********"' in default.model_dump_json(), f"the default model masks the password, got {default.model_dump_json()}")
    send("POST", "/users", app_token, UserRegistrationResult, default)
    try:
        send("POST", "/token", None, IssuedToken, PasswordGrantRequest(grant_type="password", username=username, password="secret-123"))
        raise SystemExit("the password given to the default model logged in, though asterisks were sent")
    except Refused as refusal:
        check(refusal.body.error == "invalid_grant", f"the password given is not the user's, got {refusal.body.error}")
    stars = send("POST", "/token", None, IssuedToken, PasswordGrantRequest(grant_type="password", username=username, password="**********")).root
    check(isinstance(stars, UserTokenResponse), "the user's password is the asterisks")
    send("DELETE", f"/users/{segment(username)}", app_token, UserResponse)
    recipe = UserRegistration(username=username, password="secret-123")
    check('"password":"secret-123"' in recipe.model_dump_json(), f"with password=string it is sent, got {recipe.model_dump_json()}")


# The scenario's app token, not a new one: the service blocks apps that ask for tokens too often.
masked_password(client.app_token)
print(f"datamodel-code-generator: {more_operations(names[0], names[1], names[2], client.app_token)} more calls, each answer read by its model")
