// openapi-generator's Java client (okhttp-gson) running the scenario every generated client runs
// against the sandbox (issue 12; the same steps as test/generators/typescript/scenario.ts).
// Errors throw ApiException with the status and the raw body.
package scenario;

import com.example.easemob.ApiClient;
import com.example.easemob.ApiException;
import com.example.easemob.api.TokenApi;
import com.example.easemob.api.UsersApi;
import com.example.easemob.model.CreateUsersRequest;
import com.example.easemob.model.ErrorBody;
import com.example.easemob.model.IssuedToken;
import com.example.easemob.model.TokenGrant;
import com.example.easemob.model.TokenRequest;
import com.example.easemob.model.TokenResponse;
import com.example.easemob.model.User;
import com.example.easemob.model.UserPage;
import com.example.easemob.model.UserRegistration;
import java.util.ArrayList;
import java.util.List;

public final class Main {
  private static void check(boolean condition, String message) {
    if (!condition) throw new IllegalStateException("scenario failed: " + message);
  }

  public static void main(String[] args) throws Exception {
    String prefix = System.getenv().getOrDefault("SCENARIO_PREFIX", "gen");
    ApiClient client = new ApiClient();
    client.setBasePath(System.getenv("EASEMOB_BASE_URL"));

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
    System.out.printf("scenario passed: token, 3 registered, read back, %d listed over %d pages, 404 decoded%n", seen.size(), pages);
  }
}
