// The vendor's Java server SDK 1.x (com.easemob.im:im-sdk-core 0.6.6, from Maven Central), used
// against a sandbox the way an app server uses it: EMService with a fixed base URI, then every
// user-system call of the SDK that this API describes. Each check prints `ok <name>` or
// `FAIL <name>: <why>`; test/vendor-sdks/run.ts counts them. What the SDK sends and reads is its
// own code (source: easemob/easemob-im-server-sdk, tag v0.6.6, im-sdk-core/src/main/java/com/
// easemob/im/server/api/); this program only calls its public API.
//
// Environment: EASEMOB_HOST_URL (scheme, host and port), EASEMOB_APPKEY (org#app),
// EASEMOB_CLIENT_ID, EASEMOB_CLIENT_SECRET, SCENARIO_PREFIX (lower-case letters: the SDK allows
// usernames matching ^[a-z][0-9a-z-]{1,32}$ only).
import com.easemob.im.server.EMProperties;
import com.easemob.im.server.EMService;
import com.easemob.im.server.api.block.BlockApi;
import com.easemob.im.server.api.mute.mute.MuteUserRequest;
import com.easemob.im.server.api.push.displaystyle.set.DisplayStyle;
import com.easemob.im.server.exception.EMBadRequestException;
import com.easemob.im.server.exception.EMNotFoundException;
import com.easemob.im.server.model.EMBlock;
import com.easemob.im.server.model.EMPage;
import com.easemob.im.server.model.EMUser;
import com.easemob.im.server.model.EMUserStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

public final class ImSdkCoreScenario {
  private static int failed = 0;

  interface Check {
    void run() throws Exception;
  }

  static void check(String name, Check body) {
    try {
      body.run();
      System.out.println("ok " + name);
    } catch (Throwable t) {
      failed++;
      System.out.println("FAIL " + name + ": " + t);
    }
  }

  static void expect(boolean condition, String what) {
    if (!condition) throw new AssertionError(what);
  }

  static <T extends Throwable> T expectThrows(Class<T> type, Check body) throws Exception {
    try {
      body.run();
    } catch (Throwable t) {
      if (type.isInstance(t)) return type.cast(t);
      throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
    }
    throw new AssertionError("expected " + type.getSimpleName() + ", the call succeeded");
  }

  private static final String host = System.getenv("EASEMOB_HOST_URL");
  private static final String appKey = System.getenv("EASEMOB_APPKEY");
  private static final String appPath = appKey.replace('#', '/');
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final ObjectMapper json = new ObjectMapper();

  /** Reads what the SDK does not return (a nickname, a push setting) straight from the API. */
  static JsonNode read(EMService service, String path) throws Exception {
    String token = service.token().getAppToken().block().getValue();
    HttpRequest request = HttpRequest.newBuilder(URI.create(host + "/" + appPath + path))
        .header("Authorization", "Bearer " + token).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    expect(response.statusCode() == 200, "GET " + path + " answered " + response.statusCode());
    return json.readTree(response.body());
  }

  /** The sandbox's control API signs a user in on a device (no SDK call does that). */
  static void signIn(String username, String resource) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(host + "/_sandbox/" + appPath + "/users/" + username + "/devices"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"res\":\"" + resource + "\"}")).build();
    int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    expect(status == 201, "signing " + username + " in answered " + status);
  }

  public static void main(String[] args) {
    String prefix = System.getenv("SCENARIO_PREFIX");
    String a = prefix + "-a", b = prefix + "-b", c = prefix + "-c", inherited = prefix + "-inherit";
    EMService service = new EMService(EMProperties.builder()
        .setBaseUri(host)
        .setAppkey(appKey)
        .setClientId(System.getenv("EASEMOB_CLIENT_ID"))
        .setClientSecret(System.getenv("EASEMOB_CLIENT_SECRET"))
        .build());

    check("token().getAppToken: client_credentials, access_token and expires_in read", () -> {
      var token = service.token().getAppToken().block();
      expect(!token.getValue().isEmpty(), "empty token");
      expect(token.getExpireAt().isAfter(Instant.now().plusSeconds(3600)), "expires at " + token.getExpireAt());
    });

    check("user().create: three users, entity read back", () -> {
      for (String name : List.of(a, b, c)) {
        EMUser user = service.user().create(name, "first-password").block();
        expect(user.getUsername().equals(name), "created " + user.getUsername());
        expect(!user.getUuid().isEmpty() && user.getCanLogin(), "created " + user);
      }
    });
    check("user().create again: 400 mapped to EMBadRequestException", () ->
        expectThrows(EMBadRequestException.class, () -> service.user().create(a, "first-password").block()));
    check("user().get: the entity, and a 404 mapped to EMNotFoundException", () -> {
      EMUser user = service.user().get(a).block();
      expect(user.getUsername().equals(a) && user.getCanLogin(), "got " + user);
      expectThrows(EMNotFoundException.class, () -> service.user().get(prefix + "-nobody").block());
    });
    check("user().listUsers: pages of 2 follow the cursor to the end", () -> {
      EMPage<String> first = service.user().listUsers(2, null).block();
      expect(first.getValues().size() == 2 && first.getCursor() != null, "first page " + first.getValues() + " cursor " + first.getCursor());
      EMPage<String> second = service.user().listUsers(2, first.getCursor()).block();
      expect(second.getValues().size() == 1 && second.getCursor() == null, "second page " + second.getValues() + " cursor " + second.getCursor());
      List<String> seen = new java.util.ArrayList<>(first.getValues());
      seen.addAll(second.getValues());
      expect(seen.equals(List.of(a, b, c)), "listed " + seen);
    });
    check("user().listAllUsers", () -> {
      List<String> all = service.user().listAllUsers().collectList().block();
      expect(all.equals(List.of(a, b, c)), "listed " + all);
    });

    check("user().updateUserPassword, then user().getToken with the new password only", () -> {
      service.user().updateUserPassword(a, "second-password").block();
      expect(!service.user().getToken(a, "second-password").block().getValue().isEmpty(), "empty user token");
      expectThrows(EMBadRequestException.class, () -> service.user().getToken(a, "first-password").block());
    });
    check("token().getUserToken: the password grant", () -> {
      String token = service.token().getUserToken(new EMUser(a, true), null, null, "second-password");
      expect(token != null && !token.isEmpty(), "no token");
    });
    check("token().getUserTokenWithInherit: registers an unknown user (autoCreateUser)", () -> {
      String token = service.token().getUserTokenWithInherit(inherited);
      expect(token != null && !token.isEmpty(), "no token");
      expect(service.user().get(inherited).block().getUsername().equals(inherited), "not registered");
    });

    check("user().isUserOnline and isUsersOnline follow a device sign-in", () -> {
      expect(!service.user().isUserOnline(a).block(), "online before sign-in");
      signIn(a, "android_1");
      signIn(a, "ios_2");
      expect(service.user().isUserOnline(a).block(), "offline after sign-in");
      Map<String, Boolean> statuses = service.user().isUsersOnline(List.of(a, b)).block().stream()
          .collect(Collectors.toMap(EMUserStatus::getUsername, EMUserStatus::isOnline));
      expect(statuses.equals(Map.of(a, true, b, false)), "statuses " + statuses);
    });
    // The SDK sends GET /users/{u}/disconnect/{resource}; the vendor documents DELETE (and its SDK
    // 2.0 sends DELETE). Nothing public shows the service taking GET, so the sandbox answers 405
    // with `Allow: DELETE` and the device stays signed in (docs/vendor-sdks.md says why).
    check("user().forceLogoutOneDevice: GET refused with 405, nothing signed out", () -> {
      EMBadRequestException refused = expectThrows(EMBadRequestException.class,
          () -> service.user().forceLogoutOneDevice(a, "android_1").block());
      expect(refused.getMessage().contains("405"), refused.getMessage());
      expect(read(service, "/users/" + a + "/resources").get("data").size() == 2, "a device was signed out");
    });
    check("user().forceLogoutAllDevices", () -> {
      service.user().forceLogoutAllDevices(a).block();
      expect(!service.user().isUserOnline(a).block(), "still online");
    });

    check("contact().add, list (both sides), remove", () -> {
      service.contact().add(a, b).block();
      expect(service.contact().list(a).collectList().block().equals(List.of(b)), "a's contacts");
      expect(service.contact().list(b).collectList().block().equals(List.of(a)), "b's contacts");
      service.contact().remove(a, b).block();
      expect(service.contact().list(a).collectList().block().isEmpty(), "a's contacts after remove");
    });
    // blockUserSendMsgToUser(from, to): `from` goes on `to`'s block list.
    check("block().blockUserSendMsgToUser, getUsersBlockedFromSendMsgToUser, unblock", () -> {
      BlockApi block = service.block();
      block.blockUserSendMsgToUser(a, c).block();
      List<String> blocked = block.getUsersBlockedFromSendMsgToUser(c).map(EMBlock::getUsername).collectList().block();
      expect(blocked.equals(List.of(a)), "c's block list " + blocked);
      block.unblockUserSendMsgToUser(a, c).block();
      expect(block.getUsersBlockedFromSendMsgToUser(c).collectList().block().isEmpty(), "c's block list after unblock");
    });
    check("block().blockUserLogin and unblockUserLogin: deactivate, activate", () -> {
      service.block().blockUserLogin(c).block();
      expect(!service.user().get(c).block().getCanLogin(), "can still log in");
      service.block().unblockUserLogin(c).block();
      expect(service.user().get(c).block().getCanLogin(), "cannot log in");
    });

    check("push().updateUserNickname", () -> {
      service.push().updateUserNickname(a, "Alice 爱丽丝").block();
      expect(read(service, "/users/" + a).at("/entities/0/nickname").asText().equals("Alice 爱丽丝"), "nickname not stored");
    });
    check("push().setNotificationDisplayStyle, open/closeNotificationNoDisturbing", () -> {
      service.push().setNotificationDisplayStyle(a, DisplayStyle.DETAILS).block();
      service.push().openNotificationNoDisturbing(a, 22, 7).block();
      JsonNode user = read(service, "/users/" + a).at("/entities/0");
      expect(user.get("notification_display_style").asInt() == 1, "display style " + user);
      expect(user.get("notification_no_disturbing").asBoolean(), "no-disturbing " + user);
      expect(user.get("notification_no_disturbing_start").asInt() == 22 && user.get("notification_no_disturbing_end").asInt() == 7, "hours " + user);
      service.push().closeNotificationNoDisturbing(a).block();
      expect(!read(service, "/users/" + a).at("/entities/0/notification_no_disturbing").asBoolean(), "still no-disturbing");
    });

    check("metadata(): set (form), get, batch get, usage, delete", () -> {
      service.metadata().setMetadataToUser(a, Map.of("nickname", "Alice", "ext", "{\"level\":3}")).block();
      expect(service.metadata().getMetadataFromUser(a).block().getData().equals(Map.of("nickname", "Alice", "ext", "{\"level\":3}")), "attributes read back");
      var batch = service.metadata().getMetadataFromUsers(List.of(a, b), List.of("nickname")).block().getData();
      expect(batch.equals(Map.of(a, Map.of("nickname", "Alice"))), "batch " + batch);
      expect(service.metadata().getUsage().block().getBytesUsed() > 0, "no bytes used");
      expect(service.metadata().deleteMetadataFromUser(a).block(), "delete answered false");
      expect(service.metadata().getMetadataFromUser(a).block().getData().isEmpty(), "attributes left");
    });

    check("mute(): muteUser, detail, muteList", () -> {
      service.mute().muteUser(MuteUserRequest.builder().username(b).chat(600).groupChat(0).chatroom(0).build()).block();
      var detail = service.mute().detail(b).block();
      expect(detail.getChatMuteRemain() > 0 && detail.getChatMuteRemain() <= 600, "chat mute " + detail.getChatMuteRemain());
      expect(detail.getUnixTime() > 0, "unixtime " + detail.getUnixTime());
      expect(String.valueOf(service.mute().muteList().block().getMuteData()).contains(b), "not listed");
    });

    check("user().delete, then get is EMNotFoundException", () -> {
      service.user().delete(c).block();
      expectThrows(EMNotFoundException.class, () -> service.user().get(c).block());
    });
    check("user().deleteAll: the app is empty", () -> {
      List<String> deleted = service.user().deleteAll().collectList().block();
      expect(deleted.size() == 3, "deleted " + deleted);
      expect(service.user().listAllUsers().collectList().block().isEmpty(), "users left");
    });

    System.exit(failed == 0 ? 0 : 1);
  }
}
