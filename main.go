// Command clausewatch runs the Clausewatch service and its operator
// commands. The commands live in package cli; every service they use is
// built in cli/services.go.
package main

import (
	"os"

	"github.com/clausewatch/clausewatch/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
