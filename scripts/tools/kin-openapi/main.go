// Validates an OpenAPI document with kin-openapi, the Go library most Go tooling (oapi-codegen,
// oasdiff) builds on: `go run . <file>`. Prints every problem and exits 1 when there is one.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run . <openapi.json>")
		os.Exit(2)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "kin-openapi: cannot load %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	if err := doc.Validate(context.Background()); err != nil {
		fmt.Fprintf(os.Stderr, "kin-openapi: %s is invalid: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	fmt.Printf("kin-openapi: %s is valid OpenAPI %s\n", os.Args[1], doc.OpenAPI)
}
