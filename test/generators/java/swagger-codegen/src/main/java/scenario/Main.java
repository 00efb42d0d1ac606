// Swagger Codegen 3's Java client (okhttp-gson) running the scenario every generated client runs
// against the sandbox (the same steps as test/generators/typescript/scenario.ts), and a user token.
// It reads generated/openapi-3.0.json. Errors throw ApiException with the status and the raw body.
package scenario;

import com.example.easemob.ApiClient;
import com.example.easemob.ApiException;
import com.example.easemob.api.TokenApi;
import com.example.easemob.api.UsersApi;
import com.example.easemob.model.ErrorBody;
import com.example.easemob.model.IssuedToken;
import com.example.easemob.model.PasswordGrantRequest;
import com.example.easemob.model.TokenRequest;
import com.example.easemob.model.TokenResponse;
import com.example.easemob.model.User;
import com.example.easemob.model.UserPage;
import com.example.easemob.model.UserRegistration;
import com.example.easemob.model.UserRegistrationBatch;
import com.example.easemob.model.UserTokenResponse;
import com.google.gson.JsonDeserializer;
import java.util.ArrayList;
import java.util.List;

public final class Main {
  private static void check(boolean condition, String message) {
    if (!condition) throw new IllegalStateException("scenario failed: " + message);
  }

  /**
   * Swagger Codegen makes each oneOf a marker interface (`IssuedToken`, implemented by
   * `TokenResponse` and `UserTokenResponse`) and gives Gson no way to pick the class: with no
   * discriminator it cannot build an interface, and `getToken` throws on every answer. Tell it
   * how the answers differ, as docs/generators.md shows: a user token names its `user`.
   */
  static void readIssuedTokens(ApiClient client) {
    JsonDeserializer<IssuedToken> issuedToken = (json, type, context) ->
        context.deserialize(json, json.getAsJsonObject().has("user") ? UserTokenResponse.class : TokenResponse.class);
    client.getJSON().setGson(com.example.easemob.JSON.createGson().registerTypeAdapter(IssuedToken.class, issuedToken).create());
  }

  public static void main(String[] args) throws Exception {
    String prefix = System.getenv().getOrDefault("SCENARIO_PREFIX", "gen");
    ApiClient client = new ApiClient();
    client.setBasePath(System.getenv("EASEMOB_BASE_URL"));

    TokenRequest credentials = new TokenRequest()
        .grantType(TokenRequest.GrantTypeEnum.CLIENT_CREDENTIALS)
        .clientId(System.getenv("EASEMOB_CLIENT_ID"))
        .clientSecret(System.getenv("EASEMOB_CLIENT_SECRET"));
    String refused = null;
    try {
      new TokenApi(client).getToken(credentials);
    } catch (RuntimeException error) {
      refused = error.getMessage();
    }
    check(refused != null && refused.contains("IssuedToken"), "without being told, Gson cannot build the IssuedToken interface");

    readIssuedTokens(client);
    IssuedToken answer = new TokenApi(client).getToken(credentials);
    check(answer instanceof TokenResponse, "an app token answer, got " + answer);
    String token = ((TokenResponse) answer).getAccessToken();
    check(token != null && !token.isEmpty(), "an access token");
    client.setAccessToken(token);

    UsersApi users = new UsersApi(client);
    List<String> names = List.of(prefix + "_user1", prefix + "_user2", prefix + "_user3");
    for (String name : names.subList(0, 2)) {
      String created = users.createUsers(new UserRegistration().username(name).password("secret-123")).getEntities().get(0).getUsername();
      check(name.equals(created), "registered " + name);
    }
    // The other branch of the body's oneOf: a batch (a class that is a List and the interface).
    UserRegistrationBatch batch = new UserRegistrationBatch();
    batch.add(new UserRegistration().username(names.get(2)).password("secret-123").nickname("Duke"));
    check(users.createUsers(batch).getEntities().stream().anyMatch((u) -> names.get(2).equals(u.getUsername())), "registered a batch");

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
      ErrorBody body = client.getJSON().deserialize(error.getResponseBody(), ErrorBody.class);
      check("service_resource_not_found".equals(body.getError()), "error code, got " + body.getError());
      check(body.getErrorDescription() != null && !body.getErrorDescription().isEmpty(), "error_description");
    }

    // A user token: the other class behind IssuedToken, on a client of its own (no app token).
    PasswordGrantRequest login = new PasswordGrantRequest().grantType(PasswordGrantRequest.GrantTypeEnum.PASSWORD).username(names.get(0)).password("secret-123");
    ApiClient device = new ApiClient().setBasePath(client.getBasePath());
    readIssuedTokens(device);
    IssuedToken issued = new TokenApi(device).getToken(login);
    check(issued instanceof UserTokenResponse && names.get(0).equals(((UserTokenResponse) issued).getUser().getUsername()), "a user token answer, got " + issued);
    System.out.printf("scenario passed: token, 3 registered (one in a batch), read back, %d listed over %d pages, 404 decoded, a user token%n", seen.size(), pages);
  }
}
