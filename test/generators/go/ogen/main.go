// ogen running the scenario every generated client runs against the sandbox (the same steps as
// test/generators/typescript/scenario.ts). The harness generates ./easemob beside this file in a
// scratch directory. ogen decodes strictly: a required field missing, a wrong type, a value
// outside an enum or a body under an undocumented status fails the call.
package main

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"

	"easemob-generators/ogen/easemob"
)

func check(condition bool, format string, args ...any) {
	if !condition {
		fmt.Fprintf(os.Stderr, "scenario failed: "+format+"\n", args...)
		os.Exit(1)
	}
}

func must[T any](value T, err error) T {
	if err != nil {
		fmt.Fprintln(os.Stderr, "scenario failed:", err)
		os.Exit(1)
	}
	return value
}

var errorBody = reflect.TypeFor[easemob.ErrorBody]()

// isErrorAnswer tells an answer under a documented error status, which ogen returns as a value of
// the operation's result type, not as an error: a type of its own over ErrorBody for each
// operation and status (`type AddContactNotFound ErrorBody`), or ErrorBody with headers
// (`RateLimitedHeaders{RetryAfter, Response}`). Read from the types, whatever statuses the
// description documents.
func isErrorAnswer(answer any) bool {
	t := reflect.TypeOf(answer)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.ConvertibleTo(errorBody) {
		return true
	}
	response, ok := t.FieldByName("Response")
	return ok && response.Type == errorBody
}

// succeeded checks that a call got its 2xx answer and that ogen decoded it.
func succeeded(operation string, answer any, err error) {
	check(err == nil, "%s: %v", operation, err)
	check(!isErrorAnswer(answer), "%s answered %T %+v", operation, answer, answer)
}

// ogen asks a SecuritySource for the app token before every call that needs one.
type bearer struct{ token string }

func (b *bearer) AppToken(context.Context, easemob.OperationName) (easemob.AppToken, error) {
	return easemob.AppToken{Token: b.token}, nil
}

func main() {
	ctx := context.Background()
	prefix := os.Getenv("SCENARIO_PREFIX")
	auth := &bearer{}
	client := must(easemob.NewClient(os.Getenv("EASEMOB_BASE_URL"), auth))

	// oneOfs are sum types in ogen: New<Branch><Union> fills one, Get<Branch> reads one and says
	// whether that branch is the one that came.
	grant := easemob.NewTokenRequestTokenGrant(easemob.TokenRequest{
		GrantType:    "client_credentials",
		ClientID:     os.Getenv("EASEMOB_CLIENT_ID"),
		ClientSecret: os.Getenv("EASEMOB_CLIENT_SECRET"),
	})
	issued, ok := must(client.GetToken(ctx, grant)).(*easemob.IssuedToken)
	check(ok, "an access token")
	appToken, ok := issued.GetTokenResponse()
	check(ok && appToken.AccessToken != "", "an app token answer, got %+v", issued)
	auth.token = appToken.AccessToken

	names := []string{prefix + "_user1", prefix + "_user2", prefix + "_user3"}
	for _, name := range names {
		body := easemob.NewUserRegistrationCreateUsersRequest(easemob.UserRegistration{
			Username: easemob.Username(name),
			Password: easemob.Password("secret-123"),
		})
		created, ok := must(client.CreateUsers(ctx, body)).(*easemob.UserRegistrationResult)
		check(ok && len(created.Entities) == 1 && string(created.Entities[0].Username) == name, "registered %s, got %+v", name, created)
	}
	read, ok := must(client.GetUser(ctx, easemob.GetUserParams{Username: easemob.Username(strings.ToUpper(names[0]))})).(*easemob.UserResponse)
	check(ok && string(read.Entities[0].Username) == names[0], "read back, got %+v", read)

	var seen []string
	params := easemob.ListUsersParams{Limit: easemob.NewOptInt32(2)}
	pages := 0
	for {
		page, ok := must(client.ListUsers(ctx, params)).(*easemob.UserPage)
		check(ok, "a page")
		for _, user := range page.Entities {
			seen = append(seen, string(user.Username))
		}
		pages++
		check(pages <= 50, "the cursor ends")
		cursor, more := page.Cursor.Get()
		if !more {
			break
		}
		params.Cursor = easemob.NewOptString(string(cursor))
	}
	for _, name := range names {
		check(slices.Contains(seen, name), "listed %s across %d pages", name, pages)
	}
	check(pages >= 2, "more than one page followed")

	missing, ok := must(client.GetUser(ctx, easemob.GetUserParams{Username: easemob.Username(prefix + "_nobody")})).(*easemob.GetUserNotFound)
	check(ok, "a 404 for a missing user")
	check(missing.Error == "service_resource_not_found" && missing.ErrorDescription != "", "error body, got %+v", missing)

	// Beyond the common scenario: ogen decodes strictly (required fields, types, enums, formats,
	// content types), so each of these answers, decoded without an error, is one more check of
	// the description against what the sandbox answers.
	owner, friend, other := easemob.Username(names[0]), easemob.Username(names[1]), easemob.Username(names[2])
	calls := 0
	// call("x")(client.X(…)): Go passes a call's two results on as the two arguments.
	call := func(operation string) func(any, error) {
		return func(answer any, err error) {
			succeeded(operation, answer, err)
			calls++
		}
	}
	call("addContact")(client.AddContact(ctx, easemob.AddContactParams{OwnerUsername: owner, FriendUsername: friend}))
	call("listContacts")(client.ListContacts(ctx, easemob.ListContactsParams{OwnerUsername: owner}))
	call("listContactsPage")(client.ListContactsPage(ctx, easemob.ListContactsPageParams{Username: owner, Limit: easemob.NewOptInt32(10)}))
	call("checkContacts")(client.CheckContacts(ctx, &easemob.RelationCheckRequest{Username: owner, CheckList: []easemob.Username{friend, other}}))
	call("addBlocks")(client.AddBlocks(ctx, &easemob.BlockRequest{Usernames: []easemob.Username{other}}, easemob.AddBlocksParams{OwnerUsername: owner}))
	call("listBlocks")(client.ListBlocks(ctx, easemob.ListBlocksParams{OwnerUsername: owner}))
	call("checkBlocks")(client.CheckBlocks(ctx, &easemob.RelationCheckRequest{Username: owner, CheckList: []easemob.Username{other}}))
	call("removeBlock")(client.RemoveBlock(ctx, easemob.RemoveBlockParams{OwnerUsername: owner, BlockedUsername: other}))
	call("removeContact")(client.RemoveContact(ctx, easemob.RemoveContactParams{OwnerUsername: owner, FriendUsername: friend}))
	call("updateUser")(client.UpdateUser(ctx, &easemob.UserUpdate{Nickname: easemob.NewOptNickname("Ogen")}, easemob.UpdateUserParams{Username: owner}))
	call("resetPassword")(client.ResetPassword(ctx, &easemob.PasswordChange{Newpassword: "secret-456"}, easemob.ResetPasswordParams{Username: owner}))
	call("getStatus")(client.GetStatus(ctx, easemob.GetStatusParams{Username: owner}))
	call("getUsersStatus")(client.GetUsersStatus(ctx, &easemob.UsersStatusRequest{Usernames: []easemob.Username{owner, friend}}))
	call("getOfflineMessageCount")(client.GetOfflineMessageCount(ctx, easemob.GetOfflineMessageCountParams{OwnerUsername: owner}))
	call("listUserDevices")(client.ListUserDevices(ctx, easemob.ListUserDevicesParams{Username: owner}))
	call("getUserAttributes")(client.GetUserAttributes(ctx, easemob.GetUserAttributesParams{Username: owner}))
	call("getUsersAttributes")(client.GetUsersAttributes(ctx, &easemob.UsersAttributesRequest{Targets: []easemob.Username{owner}, Properties: []string{"nickname"}}))
	call("getAttributesCapacity")(client.GetAttributesCapacity(ctx))
	call("deactivateUser")(client.DeactivateUser(ctx, easemob.DeactivateUserParams{Username: other}))
	call("activateUser")(client.ActivateUser(ctx, easemob.ActivateUserParams{Username: other}))
	call("disconnectUser")(client.DisconnectUser(ctx, easemob.DisconnectUserParams{Username: other}))
	call("deleteUser")(client.DeleteUser(ctx, easemob.DeleteUserParams{Username: other}))

	fmt.Printf("scenario passed: token, 3 registered, read back, %d listed over %d pages, 404 decoded, %d more operations decoded\n", len(seen), pages, calls)
}
