package faults_test

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// clausewatchBin is the binary built once by TestMain; empty when the
// services are not configured and every test skips.
var clausewatchBin string

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

// parallel is how many tests run at once unless -parallel says otherwise:
// they spend their time waiting (for Asynq's lease, for the outage to
// end), not computing, so the default of one per CPU would only add the
// waits up.
const parallel = "4"

func run(m *testing.M) int {
	flag.Parse()
	explicit := false
	flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
	if !explicit {
		if err := flag.Set("test.parallel", parallel); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
	}
	if os.Getenv("TEST_DATABASE_URL") != "" && os.Getenv("TEST_REDIS_URL") != "" {
		dir, err := os.MkdirTemp("", "clausewatch-faults-bin-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		clausewatchBin = filepath.Join(dir, "clausewatch")
		build := exec.Command("go", "build", "-o", clausewatchBin, "..")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "build clausewatch:", err)
			return 1
		}
	}
	return m.Run()
}

// requireEnv skips the test when one of the variables is unset, and fails
// it under CI, where `make test` must have provided every service.
func requireEnv(t *testing.T, names ...string) {
	t.Helper()
	for _, n := range names {
		if os.Getenv(n) != "" {
			continue
		}
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not set; run the tests with `make test`", n)
		}
		t.Skipf("%s not set; run the tests with `make test`", n)
	}
	if clausewatchBin == "" {
		t.Fatal("the clausewatch binary was not built")
	}
}
