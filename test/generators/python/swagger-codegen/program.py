"""Swagger Codegen 3's python client (urllib3 + six), generated from generated/openapi-3.0.json: one
API class per tag; errors raise ApiException carrying the status and the raw body. Its models
check what they decode: required fields present, enums among their values.

Four ways of its own (docs/generators.md): its Configuration has no slot for an HTTP bearer
scheme, so the token goes in as a default header of the ApiClient; the token answer (a oneOf) comes
back as a plain dict; a bool in a query goes out as `True`, so pass the string "true"; and it makes
every form field required, so set_user_attributes takes all eight listed attributes."""

import json
import os
from typing import Any, Optional

from swagger_client import ApiClient, Configuration
from swagger_client.api.account_state_api import AccountStateApi
from swagger_client.api.blocks_api import BlocksApi
from swagger_client.api.contacts_api import ContactsApi
from swagger_client.api.global_mute_api import GlobalMuteApi
from swagger_client.api.status_and_messages_api import StatusAndMessagesApi
from swagger_client.api.token_api import TokenApi
from swagger_client.api.user_attributes_api import UserAttributesApi
from swagger_client.api.users_api import UsersApi
from swagger_client.models import (
    BlockRequest,
    ContactImportRequest,
    ContactRemark,
    GlobalMuteRequest,
    InheritGrantRequest,
    PasswordChange,
    PasswordGrantRequest,
    PushNicknameBatchInner,
    RelationCheckRequest,
    TokenRequest,
    UserRegistration,
    UsersAttributesRequest,
    UsersStatusRequest,
    UserUpdate,
)
from swagger_client.rest import ApiException
from scenario import ErrorAnswer, Page, base_url, check, run_scenario


def api_client(token: Optional[str] = None) -> ApiClient:
    config = Configuration()
    config.host = base_url()
    if token is None:
        return ApiClient(config)
    return ApiClient(config, header_name="Authorization", header_value=f"Bearer {token}")


def users(token: Optional[str] = None) -> UsersApi:
    return UsersApi(api_client(token))


class SwaggerCodegenPython:
    def get_token(self, client_id: str, client_secret: str) -> str:
        grant = TokenRequest(grant_type="client_credentials", client_id=client_id, client_secret=client_secret)
        answer: Any = TokenApi(api_client()).get_token(grant)
        check(isinstance(answer, dict), f"the token answer (a oneOf) as a dict, got {type(answer)}")
        return str(answer["access_token"])

    def register(self, token: str, username: str, password: str) -> str:
        return str(users(token).create_users(UserRegistration(username=username, password=password)).entities[0].username)

    def get_user(self, token: str, username: str) -> str:
        return str(users(token).get_user(username).entities[0].username)

    def list_users(self, token: str, limit: int, cursor: Optional[str]) -> Page:
        page = users(token).list_users(limit=limit, cursor=cursor) if cursor else users(token).list_users(limit=limit)
        return Page([user.username for user in page.entities], page.cursor)

    def get_missing_user(self, token: str, username: str) -> ErrorAnswer:
        try:
            users(token).get_user(username)
        except ApiException as error:
            body = json.loads(error.body)
            return ErrorAnswer(error.status, body["error"], body["error_description"])
        raise AssertionError("expected an ApiException")


run_scenario(SwaggerCodegenPython)

# Beyond the common steps: every other operation but delete_users (it deletes the app's oldest
# users) and disconnect_device (it needs a signed-in device), each answer decoded into the models.
prefix = os.environ.get("SCENARIO_PREFIX", "gen")
owner, friend, other = (f"{prefix}_user{n}" for n in (1, 2, 3))
client = SwaggerCodegenPython()
app_token = client.get_token(os.environ["EASEMOB_CLIENT_ID"], os.environ["EASEMOB_CLIENT_SECRET"])
api = api_client(app_token)
contacts, blocks, status = ContactsApi(api), BlocksApi(api), StatusAndMessagesApi(api)
attributes, mutes, account, users_api = UserAttributesApi(api), GlobalMuteApi(api), AccountStateApi(api), UsersApi(api)
calls = 0


def call(operation: str, answer: Any) -> Any:
    """Counts an operation whose answer decoded (the call itself raises on an error status)."""
    global calls
    calls += 1
    return answer


call("addContact", contacts.add_contact(owner, friend))
check(call("listContacts", contacts.list_contacts(owner)).data == [friend], "the friend listed")
call("setContactRemark", contacts.set_contact_remark(ContactRemark(remark="from Swagger Codegen"), owner, friend))
# A query bool goes out as Python spells it (`True`): the description asks for `true`.
remarked = call("listContacts (needReturnRemark)", contacts.list_contacts(owner, need_return_remark="true")).entities or []
check(len(remarked) == 1 and remarked[0].remark == "from Swagger Codegen", f"the remark listed, got {remarked}")
page = call("listContactsPage", contacts.list_contacts_page(owner, limit=10))
check(friend in [c.username for c in page.data.contacts], "the friend on the contact page")
checked = call("checkContacts", contacts.check_contacts(RelationCheckRequest(username=owner, check_list=[friend, other])))
check(sorted(e.relation for e in checked.entities) == ["friend", "not_friend"], "two relations checked")
check(call("importContacts", contacts.import_contacts(ContactImportRequest(usernames=[other]), owner)).data.success == [other], "the contact imported")
call("removeContact", contacts.remove_contact(owner, other))

call("addBlocks", blocks.add_blocks(BlockRequest(usernames=[other]), owner))
check(call("listBlocks", blocks.list_blocks(owner)).data == [other], "the block listed")
check(call("listBlocks (a page)", blocks.list_blocks(owner, page_size=2)).data == [other], "the block on its page")
call("checkBlocks", blocks.check_blocks(RelationCheckRequest(username=owner, check_list=[other])))
call("removeBlock", blocks.remove_block(owner, other))
call("removeContact", contacts.remove_contact(owner, friend))

check(call("updateUser", users_api.update_user(UserUpdate(nickname="Swagger"), owner)).entities[0].nickname == "Swagger", "the nickname updated")
call("updatePushNicknames", users_api.update_push_nicknames([PushNicknameBatchInner(username=friend, push_nickname="Codegen")]))
call("resetPassword", users_api.reset_password(PasswordChange(newpassword="secret-456"), owner))

# User tokens: the answer's other branch (a dict, as above), from the password and the inherit grants.
tokens = TokenApi(api)
login = call("getToken (password)", tokens.get_token(PasswordGrantRequest(grant_type="password", username=owner, password="secret-456")))
check(login["user"]["username"] == owner, f"a user token names its user, got {login}")
inherited = call("getToken (inherit)", tokens.get_token(InheritGrantRequest(grant_type="inherit", username=friend)))
check(inherited["user"]["username"] == friend, "an inherited user token")
as_user = users(login["access_token"])
check(call("getUser (user token)", as_user.get_user(owner)).entities[0].username == owner, "a user token reads its own user")
try:
    as_user.list_users()
    check(False, "a user token may not list users")
except ApiException as error:
    check(error.status == 401, f"a user token may not list users, got {error.status}")

# Maps keyed by user name or message id.
check(call("getStatus", status.get_status(owner)).data == {owner: "offline"}, "the user's state keyed by name")
check("1234567890" in call("getOfflineMessageStatus", status.get_offline_message_status(owner, "1234567890")).data, "the message's state keyed by id")
call("getUsersStatus", status.get_users_status(UsersStatusRequest(usernames=[owner, friend])))
call("getOfflineMessageCount", status.get_offline_message_count(owner))
call("listUserDevices", account.list_user_devices(owner))

# A form body: every listed attribute is a required argument here.
listed = dict(nickname="Swagger", avatarurl="https://example.com/a.png", phone="13800000000", mail="a@example.com", gender="1", sign="hi", birth="2000-01-01", ext="{}")
check(call("setUserAttributes", attributes.set_user_attributes(username=owner, **listed)).data.get("nickname") == "Swagger", "attributes set")
check(call("getUserAttributes", attributes.get_user_attributes(owner)).data == listed, "attributes read back")
check(owner in call("getUsersAttributes", attributes.get_users_attributes(UsersAttributesRequest(targets=[owner], properties=["nickname"]))).data, "attributes of several users")
call("getAttributesCapacity", attributes.get_attributes_capacity())
check(call("deleteUserAttributes", attributes.delete_user_attributes(owner)).data is True, "attributes deleted")

call("setGlobalMute", mutes.set_global_mute(GlobalMuteRequest(username=other, chat=60)))
chat = call("getGlobalMute", mutes.get_global_mute(other)).data.chat
check(0 < chat <= 60, f"the mute read back, got {chat}")
check(other in [m.username for m in call("listGlobalMutes", mutes.list_global_mutes(page_num=1, page_size=10)).data.data], "the mute listed")

call("deactivateUser", account.deactivate_user(other))
call("activateUser", account.activate_user(other))
check(call("disconnectUser", account.disconnect_user(other)).data.result is True, "disconnected")
call("deleteUser", users_api.delete_user(other))
try:
    users_api.get_user(other)
    check(False, "the deleted user is gone")
except ApiException as error:
    check(error.status == 404, f"the deleted user is gone, got {error.status}")

# The notes in docs/generators.md, held true: no slot for a bearer token; a query bool handed to
# urllib3 as the bool itself (which writes it `True`); every form field a required argument.
check(Configuration().auth_settings() == {}, "its Configuration has no bearer token slot")


class Sent(Exception):
    pass


class Recorder:
    def request(self, method: str, url: str, fields: Any = None, **rest: Any) -> Any:
        raise Sent(fields)


recording = api_client(app_token)
recording.rest_client.pool_manager = Recorder()
try:
    ContactsApi(recording).list_contacts(owner, need_return_remark=True)
    check(False, "the request reached the recorder")
except Sent as sent:
    check(sent.args[0] == [("needReturnRemark", True)], f"a query bool goes out as the bool, got {sent.args[0]}")
try:
    attributes.set_user_attributes(username=owner, nickname="Swagger")
    check(False, "set_user_attributes takes every listed attribute")
except TypeError as missing:
    check("avatarurl" in str(missing), f"the other attributes are required arguments, got {missing}")
print(f"more operations: {calls} more calls decoded; its three quirks as docs/generators.md says")
