// openapi-generator's Java client on Spring's RestClient and Jackson (library restclient, what a
// Spring Boot application picks) running the scenario every generated client runs against the
// sandbox (the same steps as test/generators/typescript/scenario.ts), then every other operation,
// each answer decoded by Jackson into the generated models. Errors throw Spring's
// RestClientResponseException with the status and the raw body.
//
// This library merges each oneOf into one class holding every branch's properties
// (docs/generators.md): `TokenGrant` can only say `inherit`, and `CreateUsersRequest` is one user.
// So the app token and a batch registration are sent through the client's own RestClient, with
// the branch's model as the body; the rest goes through the generated APIs. And Jackson is told
// to leave nulls out (springClient).
package scenario;

import com.example.easemob.ApiClient;
import com.example.easemob.api.AccountStateApi;
import com.example.easemob.api.BlocksApi;
import com.example.easemob.api.ContactsApi;
import com.example.easemob.api.GlobalMuteApi;
import com.example.easemob.api.StatusAndMessagesApi;
import com.example.easemob.api.UserAttributesApi;
import com.example.easemob.api.UsersApi;
import com.example.easemob.model.BlockRequest;
import com.example.easemob.model.ContactImportRequest;
import com.example.easemob.model.ContactListEntitiesInner;
import com.example.easemob.model.ContactRemark;
import com.example.easemob.model.CreateUsersRequest;
import com.example.easemob.model.ErrorBody;
import com.example.easemob.model.GlobalMuteRequest;
import com.example.easemob.model.InheritGrantRequest;
import com.example.easemob.model.IssuedToken;
import com.example.easemob.model.OnlineState;
import com.example.easemob.model.PasswordChange;
import com.example.easemob.model.PushNicknameBatchInner;
import com.example.easemob.model.RelationCheckRequest;
import com.example.easemob.model.TokenGrant;
import com.example.easemob.model.TokenRequest;
import com.example.easemob.model.User;
import com.example.easemob.model.UserPage;
import com.example.easemob.model.UserRegistration;
import com.example.easemob.model.UserRegistrationResult;
import com.example.easemob.model.UserUpdate;
import com.example.easemob.model.UsersAttributesRequest;
import com.example.easemob.model.UsersStatusRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClientResponseException;

public final class Main {
  private static void check(boolean condition, String message) {
    if (!condition) throw new IllegalStateException("scenario failed: " + message);
  }

  private static int calls = 0;

  /** One more operation: its answer decoded, or the failure named with the status and body. */
  private static <T> T call(String operation, Supplier<T> call) {
    calls++;
    try {
      return call.get();
    } catch (RestClientResponseException error) {
      throw new IllegalStateException("scenario failed: " + operation + " answered " + error.getStatusCode().value() + " " + error.getResponseBodyAsString(), error);
    }
  }

  /** The status of a call that must be refused. */
  private static int refused(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (RestClientResponseException error) {
      return error.getStatusCode().value();
    }
  }

  /**
   * Jackson writes every property left unset as `null` (`"nickname":null` for a registration
   * without one), and the description allows none (a nickname, when sent, is a string; the
   * sandbox answers 400). Leave nulls out, as Spring Boot's
   * `spring.jackson.default-property-inclusion: non_null` does for its own ObjectMapper.
   */
  static ApiClient springClient(String baseUrl) throws Exception {
    CreateUsersRequest withoutNickname = new CreateUsersRequest().username("a").password("b");
    String byDefault = ApiClient.createDefaultMapper(null).writeValueAsString(withoutNickname);
    check(byDefault.contains("\"nickname\":null"), "by default the registration sends a null nickname, got " + byDefault);
    ObjectMapper nonNull = ApiClient.createDefaultMapper(null).setSerializationInclusion(JsonInclude.Include.NON_NULL);
    ApiClient client = new ApiClient(nonNull, ApiClient.createDefaultDateFormat());
    client.setBasePath(baseUrl);
    check(!client.getObjectMapper().writeValueAsString(withoutNickname).contains("nickname"), "without nulls, no nickname is sent");
    return client;
  }

  /**
   * POST /token with one grant's own model as the body (TokenRequest, PasswordGrantRequest,
   * InheritGrantRequest), through the client's RestClient and mapper; the merged IssuedToken
   * reads either answer (a user token's has `user`). `appToken`, when given, goes along: the
   * inherit grant needs it.
   */
  static IssuedToken requestToken(ApiClient client, Object grant, String appToken) {
    var request = client.getRestClient().post().uri(client.getBasePath() + "/token").contentType(MediaType.APPLICATION_JSON);
    if (appToken != null) request = request.header("Authorization", "Bearer " + appToken);
    return request.body(grant).retrieve().body(IssuedToken.class);
  }

  public static void main(String[] args) throws Exception {
    String prefix = System.getenv().getOrDefault("SCENARIO_PREFIX", "gen");
    String baseUrl = System.getenv("EASEMOB_BASE_URL");
    ApiClient client = springClient(baseUrl);

    // The merged TokenGrant keeps one branch's grant_type: it cannot ask for an app token.
    check(TokenGrant.GrantTypeEnum.values().length == 1 && TokenGrant.GrantTypeEnum.values()[0] == TokenGrant.GrantTypeEnum.INHERIT, "the merged TokenGrant says inherit only");
    TokenRequest credentials = new TokenRequest()
        .grantType(TokenRequest.GrantTypeEnum.CLIENT_CREDENTIALS)
        .clientId(System.getenv("EASEMOB_CLIENT_ID"))
        .clientSecret(System.getenv("EASEMOB_CLIENT_SECRET"));
    IssuedToken answer = requestToken(client, credentials, null);
    check(answer.getUser() == null && answer.getApplication() != null, "an app token answer, got " + answer);
    String token = answer.getAccessToken();
    check(token != null && !token.isEmpty(), "an access token");
    client.setBearerToken(token);

    UsersApi users = new UsersApi(client);
    List<String> names = List.of(prefix + "_user1", prefix + "_user2", prefix + "_user3");
    for (String name : names.subList(0, 2)) {
      String created = users.createUsers(new CreateUsersRequest().username(name).password("secret-123")).getEntities().get(0).getUsername();
      check(name.equals(created), "registered " + name);
    }
    // A batch: the body's other branch, a list of the branch's model.
    UserRegistrationResult batch = client.getRestClient().post().uri(baseUrl + "/users")
        .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
        .body(List.of(new UserRegistration().username(names.get(2)).password("secret-123").nickname("Duke")))
        .retrieve().body(UserRegistrationResult.class);
    check(batch.getEntities().stream().anyMatch((u) -> names.get(2).equals(u.getUsername())), "registered a batch");

    String readBack = users.getUser(names.get(0).toUpperCase()).getEntities().get(0).getUsername();
    check(names.get(0).equals(readBack), "read back");

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      UserPage page = users.listUsers(2, cursor);
      for (User user : page.getEntities()) seen.add(user.getUsername());
      cursor = page.getCursor();
      pages++;
      check(pages <= 50, "the cursor ends");
    } while (cursor != null);
    for (String name : names) check(seen.contains(name), "listed " + name + " across " + pages + " pages");
    check(pages >= 2, "more than one page followed");

    try {
      users.getUser(prefix + "_nobody");
      check(false, "a 404 for a missing user");
    } catch (RestClientResponseException error) {
      check(error.getStatusCode().value() == 404, "404 for a missing user, got " + error.getStatusCode());
      ErrorBody body = client.getObjectMapper().readValue(error.getResponseBodyAsString(), ErrorBody.class);
      check("service_resource_not_found".equals(body.getError()), "error code, got " + body.getError());
      check(body.getErrorDescription() != null && !body.getErrorDescription().isEmpty(), "error_description");
    }
    moreOperations(client, names, token);
    System.out.printf("scenario passed: token, 3 registered (one in a batch), read back, %d listed over %d pages, 404 decoded, %d more calls decoded%n", seen.size(), pages, calls);
  }

  /** Beyond the common scenario: the rest of the operations but deleteUsers (it deletes the app's oldest users) and disconnectDevice (it needs a signed-in device). */
  private static void moreOperations(ApiClient client, List<String> names, String appToken) throws Exception {
    String owner = names.get(0), friend = names.get(1), other = names.get(2);
    UsersApi users = new UsersApi(client);
    ContactsApi contacts = new ContactsApi(client);
    BlocksApi blocks = new BlocksApi(client);
    StatusAndMessagesApi status = new StatusAndMessagesApi(client);
    UserAttributesApi attributes = new UserAttributesApi(client);
    GlobalMuteApi mutes = new GlobalMuteApi(client);
    AccountStateApi account = new AccountStateApi(client);

    call("addContact", () -> contacts.addContact(owner, friend));
    check(call("listContacts", () -> contacts.listContacts(owner, null)).getData().equals(List.of(friend)), "the friend listed");
    call("setContactRemark", () -> contacts.setContactRemark(owner, friend, new ContactRemark().remark("from Spring")));
    List<ContactListEntitiesInner> remarked = call("listContacts (needReturnRemark)", () -> contacts.listContacts(owner, true)).getEntities();
    check(remarked.size() == 1 && "from Spring".equals(remarked.get(0).getRemark()), "the remark listed, got " + remarked);
    check(call("listContactsPage", () -> contacts.listContactsPage(owner, 10, null, null)).getData().getContacts().stream().anyMatch((c) -> friend.equals(c.getUsername())), "the friend on the contact page");
    RelationCheckRequest both = new RelationCheckRequest().username(owner).checkList(List.of(friend, other));
    check(call("checkContacts", () -> contacts.checkContacts(both)).getEntities().size() == 2, "two relations checked");
    check(call("importContacts", () -> contacts.importContacts(owner, new ContactImportRequest().usernames(List.of(other)), null)).getData().getSuccess().equals(List.of(other)), "the contact imported");
    call("removeContact", () -> contacts.removeContact(owner, other));

    call("addBlocks", () -> blocks.addBlocks(owner, new BlockRequest().usernames(List.of(other))));
    check(call("listBlocks", () -> blocks.listBlocks(owner, null, null)).getData().equals(List.of(other)), "the block listed");
    check(call("listBlocks (a page)", () -> blocks.listBlocks(owner, 2, null)).getData().equals(List.of(other)), "the block on its page");
    call("checkBlocks", () -> blocks.checkBlocks(new RelationCheckRequest().username(owner).checkList(List.of(other))));
    call("removeBlock", () -> blocks.removeBlock(owner, other));
    call("removeContact", () -> contacts.removeContact(owner, friend));

    check("Spring".equals(call("updateUser", () -> users.updateUser(owner, new UserUpdate().nickname("Spring"))).getEntities().get(0).getNickname()), "the nickname updated");
    call("updatePushNicknames", () -> users.updatePushNicknames(List.of(new PushNicknameBatchInner().username(friend).pushNickname("Duke"))));
    call("resetPassword", () -> users.resetPassword(owner, new PasswordChange().newpassword("secret-456")));

    // Even the inherit grant, the one branch the merged TokenGrant keeps, goes out broken: the
    // properties other branches require are written as null whatever the mapper says.
    String merged = client.getObjectMapper().writeValueAsString(new TokenGrant().grantType(TokenGrant.GrantTypeEnum.INHERIT).username(friend));
    check(merged.contains("\"client_secret\":null"), "the merged TokenGrant writes the other grants' fields as null, got " + merged);
    InheritGrantRequest inherit = new InheritGrantRequest().grantType(InheritGrantRequest.GrantTypeEnum.INHERIT).username(friend);
    IssuedToken inherited = call("getToken (inherit)", () -> requestToken(client, inherit, appToken));
    check(inherited.getUser() != null && friend.equals(inherited.getUser().getUsername()), "an inherited user token, got " + inherited);
    ApiClient asUser = springClient(client.getBasePath());
    asUser.setBearerToken(inherited.getAccessToken());
    check(friend.equals(call("getUser (user token)", () -> new UsersApi(asUser).getUser(friend)).getEntities().get(0).getUsername()), "a user token reads its own user");
    check(refused(() -> new UsersApi(asUser).listUsers(null, null)) == 401, "a user token may not list users");

    // Maps of enums and of strings, keyed by user name or message id.
    check(call("getStatus", () -> status.getStatus(owner)).getData().get(owner) == OnlineState.OFFLINE, "the user's state keyed by name");
    check(call("getOfflineMessageStatus", () -> status.getOfflineMessageStatus(owner, "1234567890")).getData().containsKey("1234567890"), "the message's state keyed by id");
    call("getUsersStatus", () -> status.getUsersStatus(new UsersStatusRequest().usernames(List.of(owner, friend))));
    call("getOfflineMessageCount", () -> status.getOfflineMessageCount(owner));
    call("listUserDevices", () -> account.listUserDevices(owner));

    // A form body: one argument per property UserAttributes lists.
    check("Spring".equals(call("setUserAttributes", () -> attributes.setUserAttributes(owner, "Spring", null, null, null, "1", null, null, null)).getData().get("nickname")), "attributes set");
    check("1".equals(call("getUserAttributes", () -> attributes.getUserAttributes(owner)).getData().get("gender")), "attributes read back");
    check(call("getUsersAttributes", () -> attributes.getUsersAttributes(new UsersAttributesRequest().targets(List.of(owner)).properties(List.of("nickname")))).getData().containsKey(owner), "attributes of several users");
    call("getAttributesCapacity", () -> attributes.getAttributesCapacity());
    check(Boolean.TRUE.equals(call("deleteUserAttributes", () -> attributes.deleteUserAttributes(owner)).getData()), "attributes deleted");

    call("setGlobalMute", () -> mutes.setGlobalMute(new GlobalMuteRequest().username(other).chat(60)));
    Integer chat = call("getGlobalMute", () -> mutes.getGlobalMute(other)).getData().getChat();
    check(chat != null && chat > 0 && chat <= 60, "the mute read back, got " + chat);
    check(call("listGlobalMutes", () -> mutes.listGlobalMutes(1, 10)).getData().getData().stream().anyMatch((m) -> other.equals(m.getUsername())), "the mute listed");

    call("deactivateUser", () -> account.deactivateUser(other));
    call("activateUser", () -> account.activateUser(other));
    check(Boolean.TRUE.equals(call("disconnectUser", () -> account.disconnectUser(other)).getData().getResult()), "disconnected");
    call("deleteUser", () -> users.deleteUser(other));
    check(refused(() -> users.getUser(other)) == 404, "the deleted user is gone");
  }
}
