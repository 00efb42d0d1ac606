// oapi-codegen (types + client) running the scenario every generated client runs against the
// sandbox (issue 12; the same steps as test/generators/typescript/scenario.ts). The harness
// generates ./easemob/client.gen.go beside this file in a scratch directory.
package main

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"

	"easemob-generators/oapi-codegen/easemob"
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

func main() {
	ctx := context.Background()
	prefix := os.Getenv("SCENARIO_PREFIX")
	client := must(easemob.NewClientWithResponses(os.Getenv("EASEMOB_BASE_URL")))

	secret := os.Getenv("EASEMOB_CLIENT_SECRET")
	// The body and the answer are oneOfs: oapi-codegen makes union types with From<Branch> to
	// fill one and As<Branch> to read one (As does not check which branch came: the app token's
	// answer is the one that has `application`).
	var grant easemob.TokenGrant
	must(0, grant.FromTokenRequest(easemob.TokenRequest{
		GrantType:    easemob.ClientCredentials,
		ClientId:     os.Getenv("EASEMOB_CLIENT_ID"),
		ClientSecret: &secret,
	}))
	tokenAnswer := must(client.GetTokenWithResponse(ctx, grant))
	check(tokenAnswer.JSON200 != nil, "an access token, got %d %s", tokenAnswer.StatusCode(), tokenAnswer.Body)
	appToken := must(tokenAnswer.JSON200.AsTokenResponse())
	check(appToken.Application != (easemob.EntityUuid{}), "an app token answer, got %s", tokenAnswer.Body)
	token := appToken.AccessToken
	bearer := func(ctx context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}

	// writeOnly fields (client_secret, password) come out as optional pointers in oapi-codegen.
	password := easemob.Password("secret-123")
	names := []string{prefix + "_user1", prefix + "_user2", prefix + "_user3"}
	for _, name := range names {
		var body easemob.CreateUsersRequest
		must(0, body.FromUserRegistration(easemob.UserRegistration{Username: name, Password: &password}))
		created := must(client.CreateUsersWithResponse(ctx, body, bearer))
		check(created.JSON200 != nil, "registered %s, got %d %s", name, created.StatusCode(), created.Body)
		check(created.JSON200.Entities[0].Username == name, "registered %s", name)
	}
	read := must(client.GetUserWithResponse(ctx, strings.ToUpper(names[0]), bearer))
	check(read.JSON200 != nil && read.JSON200.Entities[0].Username == names[0], "read back, got %d %s", read.StatusCode(), read.Body)

	var seen []string
	var cursor *easemob.CursorParam
	pages := 0
	for {
		limit := easemob.PageLimit(2)
		page := must(client.ListUsersWithResponse(ctx, &easemob.ListUsersParams{Limit: &limit, Cursor: cursor}, bearer))
		check(page.JSON200 != nil, "a page, got %d %s", page.StatusCode(), page.Body)
		for _, user := range page.JSON200.Entities {
			seen = append(seen, user.Username)
		}
		pages++
		check(pages <= 50, "the cursor ends")
		if page.JSON200.Cursor == nil {
			break
		}
		next := easemob.CursorParam(*page.JSON200.Cursor)
		cursor = &next
	}
	for _, name := range names {
		check(slices.Contains(seen, name), "listed %s across %d pages", name, pages)
	}
	check(pages >= 2, "more than one page followed")

	missing := must(client.GetUserWithResponse(ctx, prefix+"_nobody", bearer))
	check(missing.StatusCode() == 404, "404 for a missing user, got %d", missing.StatusCode())
	check(missing.JSON404 != nil && missing.JSON404.Error == "service_resource_not_found", "error code, got %s", missing.Body)
	check(missing.JSON404.ErrorDescription != "", "error_description")
	fmt.Printf("scenario passed: token, 3 registered, read back, %d listed over %d pages, 404 decoded\n", len(seen), pages)
}
