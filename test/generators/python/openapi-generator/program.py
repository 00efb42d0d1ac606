"""openapi-generator's python client (urllib3 + pydantic): one API class per tag; errors raise
ApiException (NotFoundException for 404) carrying the status and the raw body."""

import json
import os
from typing import Optional, TypeVar

from easemob_client import ApiClient, Configuration
from easemob_client.api.account_state_api import AccountStateApi
from easemob_client.api.blocks_api import BlocksApi
from easemob_client.api.contacts_api import ContactsApi
from easemob_client.api.global_mute_api import GlobalMuteApi
from easemob_client.api.status_and_messages_api import StatusAndMessagesApi
from easemob_client.api.token_api import TokenApi
from easemob_client.api.user_attributes_api import UserAttributesApi
from easemob_client.api.users_api import UsersApi
from easemob_client.exceptions import ApiException
from easemob_client.models import (
    BlockRequest,
    ContactImportRequest,
    ContactRemark,
    CreateUsersRequest,
    ErrorBody,
    GlobalMuteRequest,
    InheritGrantRequest,
    OnlineState,
    PasswordChange,
    PasswordGrantRequest,
    PushNicknameBatchInner,
    RelationCheckRequest,
    TokenGrant,
    TokenRequest,
    TokenResponse,
    UserRegistration,
    UsersAttributesRequest,
    UsersStatusRequest,
    UserTokenResponse,
    UserUpdate,
)
from scenario import ErrorAnswer, Page, base_url, check, run_scenario

T = TypeVar("T")


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

# Beyond the common steps: every other operation but delete_users (it deletes the app's oldest
# users) and disconnect_device (it needs a signed-in device), each answer validated by pydantic
# against the description's types and limits (lengths, ranges, patterns).
prefix = os.environ.get("SCENARIO_PREFIX", "gen")
owner, friend, other = (f"{prefix}_user{n}" for n in (1, 2, 3))
client = OpenApiGeneratorPython()
api = ApiClient(Configuration(host=base_url(), access_token=client.get_token(os.environ["EASEMOB_CLIENT_ID"], os.environ["EASEMOB_CLIENT_SECRET"])))
contacts, blocks, status = ContactsApi(api), BlocksApi(api), StatusAndMessagesApi(api)
attributes, mutes, account, users_api = UserAttributesApi(api), GlobalMuteApi(api), AccountStateApi(api), UsersApi(api)
calls = 0


def call(operation: str, answer: T) -> T:
    """Counts an operation whose answer decoded (the call itself raises on an error status)."""
    global calls
    calls += 1
    return answer


call("addContact", contacts.add_contact(owner, friend))
check(call("listContacts", contacts.list_contacts(owner)).data == [friend], "the friend listed")
call("setContactRemark", contacts.set_contact_remark(owner, friend, ContactRemark(remark="from Python")))
remarked = call("listContacts (needReturnRemark)", contacts.list_contacts(owner, need_return_remark=True)).entities or []
check(len(remarked) == 1 and remarked[0].remark == "from Python", f"the remark listed, got {remarked}")
page = call("listContactsPage", contacts.list_contacts_page(owner, limit=10))
check(friend in [c.username for c in page.data.contacts], "the friend on the contact page")
check(len(call("checkContacts", contacts.check_contacts(RelationCheckRequest(username=owner, check_list=[friend, other]))).entities) == 2, "two relations checked")
check(call("importContacts", contacts.import_contacts(owner, ContactImportRequest(usernames=[other]))).data.success == [other], "the contact imported")
call("removeContact", contacts.remove_contact(owner, other))

call("addBlocks", blocks.add_blocks(owner, BlockRequest(usernames=[other])))
check(call("listBlocks", blocks.list_blocks(owner)).data == [other], "the block listed")
check(call("listBlocks (a page)", blocks.list_blocks(owner, page_size=2)).data == [other], "the block on its page")
call("checkBlocks", blocks.check_blocks(RelationCheckRequest(username=owner, check_list=[other])))
call("removeBlock", blocks.remove_block(owner, other))
call("removeContact", contacts.remove_contact(owner, friend))

check(call("updateUser", users_api.update_user(owner, UserUpdate(nickname="Python"))).entities[0].nickname == "Python", "the nickname updated")
call("updatePushNicknames", users_api.update_push_nicknames([PushNicknameBatchInner(username=friend, push_nickname="Monty")]))
call("resetPassword", users_api.reset_password(owner, PasswordChange(newpassword="secret-456")))

# User tokens: the answer's other branch, from the password and the inherit grants.
tokens = TokenApi(api)
login = call("getToken (password)", tokens.get_token(TokenGrant(PasswordGrantRequest(grant_type="password", username=owner, password="secret-456")))).actual_instance
check(isinstance(login, UserTokenResponse) and login.user.username == owner, f"a user token names its user, got {login}")
inherited = call("getToken (inherit)", tokens.get_token(TokenGrant(InheritGrantRequest(grant_type="inherit", username=friend)))).actual_instance
check(isinstance(inherited, UserTokenResponse) and inherited.user.username == friend, "an inherited user token")
assert isinstance(login, UserTokenResponse)
as_user = UsersApi(ApiClient(Configuration(host=base_url(), access_token=login.access_token)))
check(call("getUser (user token)", as_user.get_user(owner)).entities[0].username == owner, "a user token reads its own user")
try:
    as_user.list_users()
    check(False, "a user token may not list users")
except ApiException as error:
    check(error.status == 401, f"a user token may not list users, got {error.status}")

# Maps keyed by user name or message id; getStatus's values decode into the named enum OnlineState.
check(call("getStatus", status.get_status(owner)).data == {owner: OnlineState.OFFLINE}, "the user's state keyed by name")
check("1234567890" in call("getOfflineMessageStatus", status.get_offline_message_status(owner, "1234567890")).data, "the message's state keyed by id")
call("getUsersStatus", status.get_users_status(UsersStatusRequest(usernames=[owner, friend])))
call("getOfflineMessageCount", status.get_offline_message_count(owner))
call("listUserDevices", account.list_user_devices(owner))

# A form body: one argument per property UserAttributes lists.
check(call("setUserAttributes", attributes.set_user_attributes(owner, nickname="Python", gender="1")).data.get("nickname") == "Python", "attributes set")
check(call("getUserAttributes", attributes.get_user_attributes(owner)).data.get("gender") == "1", "attributes read back")
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
print(f"more operations: {calls} more calls decoded")
