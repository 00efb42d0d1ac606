// openapi-generator's Java client (okhttp-gson) running the scenario every generated client runs
// against the sandbox (issue 12; the same steps as test/generators/typescript/scenario.ts), then
// every other operation, each answer decoded by the generated models (Gson, and okhttp-gson's
// validateJsonElement: required fields and their types). Errors throw ApiException with the
// status and the raw body.
package scenario;

import com.example.easemob.ApiClient;
import com.example.easemob.ApiException;
import com.example.easemob.api.AccountStateApi;
import com.example.easemob.api.BlocksApi;
import com.example.easemob.api.ContactsApi;
import com.example.easemob.api.GlobalMuteApi;
import com.example.easemob.api.StatusAndMessagesApi;
import com.example.easemob.api.TokenApi;
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
import com.example.easemob.model.PasswordGrantRequest;
import com.example.easemob.model.PushNicknameBatchInner;
import com.example.easemob.model.RelationCheckRequest;
import com.example.easemob.model.TokenGrant;
import com.example.easemob.model.TokenRequest;
import com.example.easemob.model.TokenResponse;
import com.example.easemob.model.User;
import com.example.easemob.model.UserPage;
import com.example.easemob.model.UserRegistration;
import com.example.easemob.model.UserTokenResponse;
import com.example.easemob.model.UserUpdate;
import com.example.easemob.model.UsersAttributesRequest;
import com.example.easemob.model.UsersStatusRequest;
import java.util.ArrayList;
import java.util.List;

public final class Main {
  private static void check(boolean condition, String message) {
    if (!condition) throw new IllegalStateException("scenario failed: " + message);
  }

  interface ApiCall<T> {
    T run() throws ApiException;
  }

  private static int calls = 0;

  /** One more operation: its answer decoded, or the failure named with the status and body. */
  private static <T> T call(String operation, ApiCall<T> call) {
    calls++;
    try {
      return call.run();
    } catch (ApiException error) {
      throw new IllegalStateException("scenario failed: " + operation + " answered " + error.getCode() + " " + error.getResponseBody(), error);
    }
  }

  /** The status of a call that must be refused. */
  private static int refused(ApiCall<?> call) {
    try {
      call.run();
      return 200;
    } catch (ApiException error) {
      return error.getCode();
    }
  }

  public static void main(String[] args) throws Exception {
    String prefix = System.getenv().getOrDefault("SCENARIO_PREFIX", "gen");
    ApiClient client = new ApiClient();
    client.setBasePath(System.getenv("EASEMOB_BASE_URL"));
    // Every exchange below is also held against the 3.0 conversion by Atlassian's validator.
    String basePath = java.net.URI.create(client.getBasePath()).getPath();
    ContractInterceptor contract = new ContractInterceptor(ContractInterceptor.validator(System.getenv("EASEMOB_OPENAPI_30"), basePath));
    client.setHttpClient(client.getHttpClient().newBuilder().addInterceptor(contract).build());

    TokenRequest credentials = new TokenRequest()
        .grantType(TokenRequest.GrantTypeEnum.CLIENT_CREDENTIALS)
        .clientId(System.getenv("EASEMOB_CLIENT_ID"))
        .clientSecret(System.getenv("EASEMOB_CLIENT_SECRET"));
    // The body and the answer are oneOfs (three grants; app or user token): okhttp-gson wraps
    // each in a class holding the actual instance, and checks that exactly one branch matches.
    IssuedToken answer = new TokenApi(client).getToken(new TokenGrant(credentials));
    check(answer.getActualInstance() instanceof TokenResponse, "an app token answer");
    String token = answer.getTokenResponse().getAccessToken();
    check(token != null && !token.isEmpty(), "an access token");
    client.setBearerToken(token);

    UsersApi users = new UsersApi(client);
    List<String> names = List.of(prefix + "_user1", prefix + "_user2", prefix + "_user3");
    for (String name : names) {
      UserRegistration user = new UserRegistration().username(name).password("secret-123");
      String created = users.createUsers(new CreateUsersRequest(user)).getEntities().get(0).getUsername();
      check(name.equals(created), "registered " + name);
    }
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
    } catch (ApiException error) {
      check(error.getCode() == 404, "404 for a missing user, got " + error.getCode());
      ErrorBody body = ErrorBody.fromJson(error.getResponseBody());
      check("service_resource_not_found".equals(body.getError()), "error code, got " + body.getError());
      check(body.getErrorDescription() != null && !body.getErrorDescription().isEmpty(), "error_description");
    }
    moreOperations(client, names);
    fieldsTheDescriptionDoesNotList(client, names.get(0));
    check(contract.violations.isEmpty(), "Atlassian's validator, against openapi-3.0.json:\n" + String.join("\n", contract.violations));
    whyTheValidatorGetsOpenApi30(contract, users, names.get(0), basePath);
    System.out.printf("scenario passed: token, 3 registered, read back, %d listed over %d pages, 404 decoded, %d more calls decoded, a field more kept by the open models, %d exchanges held by Atlassian's validator to openapi-3.0.json%n", seen.size(), pages, calls, contract.exchanges);
  }

  /**
   * What a Java team's contract tests meet with Atlassian's validator (docs/generators.md): with
   * its defaults it refuses every answer (it closes open schemas; the description's answers are
   * allOf compositions left open), and on the 3.1 bundle it lets a misspelt grant through.
   */
  private static void whyTheValidatorGetsOpenApi30(ContractInterceptor contract, UsersApi users, String username, String basePath) throws ApiException {
    users.getUser(username);
    com.atlassian.oai.validator.report.ValidationReport closed = ContractInterceptor.defaultValidator(System.getenv("EASEMOB_OPENAPI_30"), basePath).validate(contract.lastRequest, contract.lastResponse);
    check(closed.getMessages().stream().anyMatch((m) -> m.getKey().equals("validation.response.body.schema.allOf") || m.getKey().equals("validation.response.body.schema.additionalProperties")),
        "with its defaults the validator refuses the getUser answer for fields the description leaves open, got " + closed.getMessages());

    com.atlassian.oai.validator.model.SimpleRequest misspelt = com.atlassian.oai.validator.model.SimpleRequest.Builder.post(basePath + "/token")
        .withContentType("application/json")
        .withBody("{\"grant_type\":\"client_credential\",\"client_id\":\"YXA6\",\"client_secret\":\"YXA6secret\"}")
        .build();
    check(!ContractInterceptor.validator(System.getenv("EASEMOB_OPENAPI"), basePath).validateRequest(misspelt).hasErrors(), "on the 3.1 bundle the validator skips const: a misspelt grant_type passes");
    check(contract.validator.validateRequest(misspelt).hasErrors(), "on openapi-3.0.json it refuses the misspelt grant_type");
  }

  /**
   * An answer with a field the description does not list, as the service may add one: the
   * default models refuse it whole, the models generated with
   * disallowAdditionalPropertiesIfNotPresent=false (docs/generators.md) keep it.
   */
  private static void fieldsTheDescriptionDoesNotList(ApiClient client, String username) throws Exception {
    String answer = client.getHttpClient().newCall(new okhttp3.Request.Builder()
        .url(client.getBasePath() + "/users/" + username)
        .header("Authorization", "Bearer " + ((com.example.easemob.auth.HttpBearerAuth) client.getAuthentication("appToken")).getBearerToken())
        .build()).execute().body().string();
    String later = answer.replaceFirst("\\{", "{\"a_field_added_later\":1,");
    String refused = null;
    try {
      com.example.easemob.model.UserResponse.fromJson(later);
    } catch (IllegalArgumentException error) {
      refused = error.getMessage();
    }
    check(refused != null && refused.contains("a_field_added_later"), "the default models refuse a field more");
    com.example.easemob.open.model.UserResponse open = com.example.easemob.open.model.UserResponse.fromJson(later);
    check(open.getEntities().get(0).getUsername().equals(username), "the open models read the answer");
    check(open.getAdditionalProperty("a_field_added_later") != null, "and keep the field they do not know");
  }

  /** Beyond the common scenario: the rest of the operations but deleteUsers (it deletes the app's oldest users) and disconnectDevice (it needs a signed-in device). */
  private static void moreOperations(ApiClient client, List<String> names) {
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
    call("setContactRemark", () -> contacts.setContactRemark(owner, friend, new ContactRemark().remark("from Java")));
    List<ContactListEntitiesInner> remarked = call("listContacts (needReturnRemark)", () -> contacts.listContacts(owner, true)).getEntities();
    check(remarked.size() == 1 && "from Java".equals(remarked.get(0).getRemark()), "the remark listed, got " + remarked);
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

    check("Java".equals(call("updateUser", () -> users.updateUser(owner, new UserUpdate().nickname("Java"))).getEntities().get(0).getNickname()), "the nickname updated");
    call("updatePushNicknames", () -> users.updatePushNicknames(List.of(new PushNicknameBatchInner().username(friend).pushNickname("Duke"))));
    call("resetPassword", () -> users.resetPassword(owner, new PasswordChange().newpassword("secret-456")));

    // User tokens: the other branch of IssuedToken, from the password and the inherit grants.
    PasswordGrantRequest login = new PasswordGrantRequest().grantType(PasswordGrantRequest.GrantTypeEnum.PASSWORD).username(owner).password("secret-456");
    IssuedToken issued = call("getToken (password)", () -> new TokenApi(client).getToken(new TokenGrant(login)));
    check(issued.getActualInstance() instanceof UserTokenResponse, "a user token answer, got " + issued);
    UserTokenResponse userToken = issued.getUserTokenResponse();
    check(owner.equals(userToken.getUser().getUsername()), "the user token names its user");
    InheritGrantRequest inherit = new InheritGrantRequest().grantType(InheritGrantRequest.GrantTypeEnum.INHERIT).username(friend);
    IssuedToken inherited = call("getToken (inherit)", () -> new TokenApi(client).getToken(new TokenGrant(inherit)));
    check(inherited.getActualInstance() instanceof UserTokenResponse && friend.equals(inherited.getUserTokenResponse().getUser().getUsername()), "an inherited user token");
    ApiClient asUser = new ApiClient();
    asUser.setBasePath(client.getBasePath());
    asUser.setHttpClient(client.getHttpClient());
    asUser.setBearerToken(userToken.getAccessToken());
    check(owner.equals(call("getUser (user token)", () -> new UsersApi(asUser).getUser(owner)).getEntities().get(0).getUsername()), "a user token reads its own user");
    check(refused(() -> new UsersApi(asUser).listUsers(null, null)) == 401, "a user token may not list users");

    // Maps of enums and of strings, keyed by user name or message id.
    check(call("getStatus", () -> status.getStatus(owner)).getData().get(owner) == OnlineState.OFFLINE, "the user's state keyed by name");
    check(call("getOfflineMessageStatus", () -> status.getOfflineMessageStatus(owner, "1234567890")).getData().containsKey("1234567890"), "the message's state keyed by id");
    call("getUsersStatus", () -> status.getUsersStatus(new UsersStatusRequest().usernames(List.of(owner, friend))));
    call("getOfflineMessageCount", () -> status.getOfflineMessageCount(owner));
    call("listUserDevices", () -> account.listUserDevices(owner));

    // A form body: one argument per property UserAttributes lists.
    check("Java".equals(call("setUserAttributes", () -> attributes.setUserAttributes(owner, "Java", null, null, null, "1", null, null, null)).getData().get("nickname")), "attributes set");
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
