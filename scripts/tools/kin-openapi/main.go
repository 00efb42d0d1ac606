// Validates an OpenAPI document with kin-openapi, the Go library most Go tooling (oapi-codegen,
// oasdiff) builds on: `go run . <file>…`. Prints every problem and exits 1 when there is one.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run . <openapi.json>…")
		os.Exit(2)
	}
	failed := false
	for _, file := range os.Args[1:] {
		if err := check(file); err != nil {
			fmt.Fprintln(os.Stderr, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func check(file string) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(file)
	if err != nil {
		return fmt.Errorf("kin-openapi: cannot load %s: %v", file, err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return fmt.Errorf("kin-openapi: %s is invalid: %v", file, err)
	}
	fmt.Printf("kin-openapi: %s is valid OpenAPI %s\n", file, doc.OpenAPI)
	return nil
}
