// Holds recorded exchanges against the description with kin-openapi's openapi3filter, the request
// and response validator of Go services and contract tests (oapi-codegen's validation
// middleware is built on it), as test/contract/openapi-core-check.py does with openapi-core:
//
//	go run . DESCRIPTION_URL EXCHANGES.json
//
// Every answer is validated; a request only when `validateRequest` is true. Prints one JSON object:
// the failures, each with the index of its exchange and what openapi3filter said.
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
	Index    int      `json:"index"`
	Exchange string   `json:"exchange"`
	Side     string   `json:"side"`
	Reasons  []string `json:"reasons"`
}

type report struct {
	Failures []failure `json:"failures"`
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

	out := report{Failures: []failure{}}
	for index, e := range exchanges {
		for side, reasons := range check(ctx, router, e) {
			path, _ := url.Parse(e.URL)
			out.Failures = append(out.Failures, failure{Index: index, Exchange: fmt.Sprintf("%s %s %d", e.Method, path.Path, e.Status), Side: side, Reasons: reasons})
		}
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

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "kin-openapi-check:", err)
		os.Exit(1)
	}
}
