// Holds recorded exchanges against the description with kin-openapi's openapi3filter, the request
// and response validator of Go services and contract tests (oapi-codegen's validation
// middleware is built on it), as test/contract/openapi-core-check.py does with openapi-core:
//
//	go run . DESCRIPTION_URL EXCHANGES.json
//
// Every answer is validated; a request only when `validateRequest` is true. Prints one JSON object:
// counts, the failures, and what it made of two altered exchanges that must fail.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

type exchange struct {
	Method          string            `json:"method"`
	URL             string            `json:"url"`
	RequestHeaders  map[string]string `json:"requestHeaders"`
	RequestBody     string            `json:"requestBody"`
	Status          int               `json:"status"`
	ResponseHeaders map[string]string `json:"responseHeaders"`
	ResponseBody    string            `json:"responseBody"`
	ValidateRequest bool              `json:"validateRequest"`
}

type failure struct {
	Exchange string   `json:"exchange"`
	Side     string   `json:"side"`
	Reasons  []string `json:"reasons"`
}

type report struct {
	Exchanges         int             `json:"exchanges"`
	RequestsValidated int             `json:"requestsValidated"`
	Failures          []failure       `json:"failures"`
	AlteredRefused    map[string]bool `json:"alteredRefused"`
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go run . DESCRIPTION_URL EXCHANGES.json")
		os.Exit(2)
	}
	ctx := context.Background()
	location, err := url.Parse(os.Args[1])
	must(err)
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromURI(location)
	must(err)
	must(doc.Validate(ctx))
	router, err := gorillamux.NewRouter(doc)
	must(err)
	raw, err := os.ReadFile(os.Args[2])
	must(err)
	var exchanges []exchange
	must(json.Unmarshal(raw, &exchanges))

	out := report{Exchanges: len(exchanges), Failures: []failure{}, AlteredRefused: map[string]bool{}}
	for _, e := range exchanges {
		if e.ValidateRequest {
			out.RequestsValidated++
		}
		for side, reasons := range check(ctx, router, e) {
			path, _ := url.Parse(e.URL)
			out.Failures = append(out.Failures, failure{Exchange: fmt.Sprintf("%s %s %d", e.Method, path.Path, e.Status), Side: side, Reasons: reasons})
		}
	}
	for name, e := range altered(exchanges) {
		out.AlteredRefused[name] = len(check(ctx, router, e)) > 0
	}
	must(json.NewEncoder(os.Stdout).Encode(out))
}

// check returns what openapi3filter reports for one exchange, by side ("request", "response").
func check(ctx context.Context, router routers.Router, e exchange) map[string][]string {
	failures := map[string][]string{}
	request, err := http.NewRequest(e.Method, e.URL, strings.NewReader(e.RequestBody))
	must(err)
	for name, value := range e.RequestHeaders {
		request.Header.Set(name, value)
	}
	route, pathParams, err := router.FindRoute(request)
	if err != nil {
		failures["route"] = []string{err.Error()}
		return failures
	}
	input := &openapi3filter.RequestValidationInput{
		Request:    request,
		PathParams: pathParams,
		Route:      route,
		// Tokens are opaque to a validator: whether one is valid is the service's to say.
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true, IncludeResponseStatus: true},
	}
	if e.ValidateRequest {
		if err := openapi3filter.ValidateRequest(ctx, input); err != nil {
			failures["request"] = reasons(err)
		}
	}
	header := http.Header{}
	for name, value := range e.ResponseHeaders {
		header.Set(name, value)
	}
	answer := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: input,
		Status:                 e.Status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader([]byte(e.ResponseBody))),
		Options:                input.Options,
	}
	if err := openapi3filter.ValidateResponse(ctx, answer); err != nil {
		failures["response"] = reasons(err)
	}
	return failures
}

func reasons(err error) []string {
	if many, ok := err.(openapi3.MultiError); ok {
		said := []string{}
		for _, one := range many {
			said = append(said, one.Error())
		}
		return said
	}
	return []string{err.Error()}
}

// altered gives two exchanges changed to break the description: each must fail.
func altered(exchanges []exchange) map[string]exchange {
	out := map[string]exchange{}
	for _, e := range exchanges {
		if _, done := out["misspelt grant_type"]; !done && strings.HasSuffix(e.URL, "/token") && e.Status == 200 && strings.Contains(e.RequestBody, `"client_credentials"`) {
			e.RequestBody = strings.Replace(e.RequestBody, `"client_credentials"`, `"client_credential"`, 1)
			e.ValidateRequest = true
			out["misspelt grant_type"] = e
		} else if _, done := out["activated as a string"]; !done && e.Method == "GET" && strings.Contains(e.URL, "/users/") && e.Status == 200 && strings.Contains(e.ResponseBody, `"activated":true`) {
			e.ResponseBody = strings.Replace(e.ResponseBody, `"activated":true`, `"activated":"yes"`, 1)
			out["activated as a string"] = e
		}
	}
	return out
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "kin-openapi-check:", err)
		os.Exit(1)
	}
}
