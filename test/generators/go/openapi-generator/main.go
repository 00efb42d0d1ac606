// openapi-generator's Go client running the scenario every generated client runs against the
// sandbox (issue 12; the same steps as test/generators/typescript/scenario.ts). The harness
// generates the client into ./client beside this file in a scratch directory (go.mod's replace).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	easemob "github.com/easemob-generators/client"
)

func check(condition bool, format string, args ...any) {
	if !condition {
		fmt.Fprintf(os.Stderr, "scenario failed: "+format+"\n", args...)
		os.Exit(1)
	}
}

func must[T any](value T, err error) T {
	if err != nil {
		var apiError *easemob.GenericOpenAPIError
		if errors.As(err, &apiError) {
			err = fmt.Errorf("%w: %s", err, apiError.Body())
		}
		fmt.Fprintln(os.Stderr, "scenario failed:", err)
		os.Exit(1)
	}
	return value
}

func main() {
	prefix := os.Getenv("SCENARIO_PREFIX")
	config := easemob.NewConfiguration()
	config.Servers = easemob.ServerConfigurations{{URL: os.Getenv("EASEMOB_BASE_URL")}}
	api := easemob.NewAPIClient(config)

	credentials := easemob.NewTokenRequest("client_credentials", os.Getenv("EASEMOB_CLIENT_ID"), os.Getenv("EASEMOB_CLIENT_SECRET"))
	// The body and the answer are oneOfs: structs with one pointer per branch, filled with
	// <Branch>AsTokenGrant; decoding the answer sets the one branch that matches.
	grant := easemob.TokenRequestAsTokenGrant(credentials)
	tokenAnswer, _, err := api.TokenAPI.GetToken(context.Background()).TokenGrant(grant).Execute()
	appToken := must(tokenAnswer, err).TokenResponse
	check(appToken != nil && tokenAnswer.UserTokenResponse == nil, "an app token answer")
	token := appToken.GetAccessToken()
	check(token != "", "an access token")
	ctx := context.WithValue(context.Background(), easemob.ContextAccessToken, token)

	names := []string{prefix + "_user1", prefix + "_user2", prefix + "_user3"}
	for _, name := range names {
		body := easemob.UserRegistrationAsCreateUsersRequest(easemob.NewUserRegistration(name, "secret-123"))
		created, _, err := api.UsersAPI.CreateUsers(ctx).CreateUsersRequest(body).Execute()
		check(must(created, err).GetEntities()[0].GetUsername() == name, "registered %s", name)
	}
	read, _, err := api.UsersAPI.GetUser(ctx, strings.ToUpper(names[0])).Execute()
	check(must(read, err).GetEntities()[0].GetUsername() == names[0], "read back")

	var seen []string
	cursor := ""
	pages := 0
	for {
		request := api.UsersAPI.ListUsers(ctx).Limit(2)
		if cursor != "" {
			request = request.Cursor(cursor)
		}
		page, _, err := request.Execute()
		for _, user := range must(page, err).GetEntities() {
			seen = append(seen, user.GetUsername())
		}
		pages++
		check(pages <= 50, "the cursor ends")
		next, ok := page.GetCursorOk()
		if !ok || next == nil || *next == "" {
			break
		}
		cursor = *next
	}
	for _, name := range names {
		check(slices.Contains(seen, name), "listed %s across %d pages", name, pages)
	}
	check(pages >= 2, "more than one page followed")

	_, response, err := api.UsersAPI.GetUser(ctx, prefix+"_nobody").Execute()
	check(err != nil && response != nil && response.StatusCode == 404, "404 for a missing user")
	var apiError *easemob.GenericOpenAPIError
	check(errors.As(err, &apiError), "an API error, got %v", err)
	body, ok := apiError.Model().(easemob.ErrorBody)
	check(ok, "the 404 decoded as ErrorBody, got %T", apiError.Model())
	check(body.GetError() == "service_resource_not_found", "error code, got %s", body.GetError())
	check(body.GetErrorDescription() != "", "error_description")

	// A form body: openapi-generator makes one setter per listed property (UserAttributes lists
	// the keys the client SDKs read), and sends them form-encoded.
	set, _, err := api.UserAttributesAPI.SetUserAttributes(ctx, names[0]).Nickname("Go").Gender("1").Execute()
	check(must(set, err).GetData()["nickname"] == "Go" && set.GetData()["gender"] == "1", "attributes set, got %v", set.GetData())

	// An answer with a field the description does not list, as the service may add one. Generated
	// with disallowAdditionalPropertiesIfNotPresent=false (docs/generators.md), the answers' models
	// keep it in AdditionalProperties; by default they are decoded with DisallowUnknownFields and
	// the whole answer is an error.
	_, response, err = api.UsersAPI.GetUser(ctx, names[0]).Execute()
	raw := must(io.ReadAll(must(response, err).Body))
	later := strings.Replace(string(raw), "{", `{"a_field_added_later":1,`, 1)
	var decoded easemob.UserResponse
	check(json.Unmarshal([]byte(later), &decoded) == nil, "an answer with a field more decodes")
	check(decoded.GetEntities()[0].GetUsername() == names[0] && decoded.AdditionalProperties["a_field_added_later"] != nil, "and keeps the field, got %v", decoded.AdditionalProperties)
	fmt.Printf("scenario passed: token, 3 registered, read back, %d listed over %d pages, 404 decoded, attributes set, a field more kept\n", len(seen), pages)
}
