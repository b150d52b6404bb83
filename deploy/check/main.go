// Command check validates deploy/compose.yaml without a Docker engine: it
// loads the file as Docker Compose does (schema, interpolation, merge keys),
// then checks that every Clausewatch service's environment names variables
// the config package knows and loads into a valid configuration, and that
// the services are wired as the README describes.
//
//	cd deploy/check && go run . ../compose.yaml
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/clausewatch/clausewatch/config"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: check COMPOSE_FILE")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "compose check failed:\n"+err.Error())
		os.Exit(1)
	}
	fmt.Println("compose file ok")
}

func run(path string) error {
	// Only the variables the file documents as settable: the user's shell
	// must not change the outcome.
	opts, err := cli.NewProjectOptions([]string{path}, cli.WithEnv(nil), cli.WithResolvedPaths(true))
	if err != nil {
		return fmt.Errorf("compose options: %w", err)
	}
	project, err := cli.ProjectFromOptions(context.Background(), opts)
	if err != nil {
		return fmt.Errorf("load %s: %w", path, err)
	}
	dockerfile, err := os.ReadFile(filepath.Join(filepath.Dir(path), "..", "Dockerfile"))
	if err != nil {
		return fmt.Errorf("read Dockerfile: %w", err)
	}
	var errs []error
	errs = append(errs, checkWiring(project, string(dockerfile))...)
	for _, name := range []string{"web", "worker", "scheduler", "migrate"} {
		svc, ok := project.Services[name]
		if !ok {
			continue
		}
		if err := checkEnv(svc); err != nil {
			errs = append(errs, fmt.Errorf("service %s: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

// checkWiring checks the services, their order and their health checks.
func checkWiring(p *types.Project, dockerfile string) []error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	for _, name := range []string{"proxy", "web", "worker", "scheduler", "migrate", "postgres", "redis"} {
		if _, ok := p.Services[name]; !ok {
			fail("service %s is missing", name)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	if cmd := strings.Join(p.Services["migrate"].Command, " "); cmd != "migrate up" {
		fail("migrate runs %q, want \"migrate up\"", cmd)
	}
	wantCmd := map[string]string{"web": "serve --no-worker", "worker": "worker", "scheduler": "scheduler"}
	for name, want := range wantCmd {
		if got := strings.Join(p.Services[name].Command, " "); got != want {
			fail("%s runs %q, want %q", name, got, want)
		}
		dep, ok := p.Services[name].DependsOn["migrate"]
		if !ok || dep.Condition != types.ServiceConditionCompletedSuccessfully {
			fail("%s must depend on migrate with condition service_completed_successfully", name)
		}
	}
	for _, name := range []string{"web", "worker", "postgres", "redis"} {
		if hc := p.Services[name].HealthCheck; hc == nil || hc.Disable || len(hc.Test) == 0 {
			fail("%s has no health check", name)
		}
	}
	if test := strings.Join(p.Services["web"].HealthCheck.Test, " "); !strings.Contains(test, "/readyz") {
		fail("web's health check does not ask /readyz: %s", test)
	}
	for name, want := range map[string]string{"web": "web", "worker": "worker", "migrate": "web", "scheduler": "web"} {
		b := p.Services[name].Build
		if b == nil || b.Target != want {
			fail("%s must build the Dockerfile target %q", name, want)
			continue
		}
		if !strings.Contains(dockerfile, " AS "+want+"\n") {
			fail("the Dockerfile has no stage %q", want)
		}
	}
	if r := p.Services["web"].Deploy; r == nil || r.Replicas == nil || *r.Replicas < 2 {
		fail("web must run at least 2 replicas")
	}
	for name, svc := range p.Services {
		if name != "migrate" && svc.Restart == "" {
			fail("%s has no restart policy", name)
		}
	}
	// X-Forwarded-For is believed exactly from the network the proxy shares
	// with the web app.
	front, ok := p.Networks["front"]
	if !ok || len(front.Ipam.Config) != 1 {
		fail("network front must have one fixed subnet")
		return errs
	}
	if got := p.Services["web"].Environment["CLAUSEWATCH_TRUSTED_PROXIES"]; got == nil || *got != front.Ipam.Config[0].Subnet {
		fail("web's CLAUSEWATCH_TRUSTED_PROXIES must be the front network %s", front.Ipam.Config[0].Subnet)
	}
	if _, ok := p.Services["proxy"].Networks["front"]; !ok {
		fail("proxy is not on the front network")
	}
	return errs
}

// checkEnv loads the service's environment through config.FromMap, with the
// secret files it names replaced by plausible ones.
func checkEnv(svc types.ServiceConfig) error {
	known := knownVars()
	secrets := map[string]bool{}
	for _, s := range svc.Secrets {
		secrets[s.Source] = true
	}
	dir, err := os.MkdirTemp("", "compose-check")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	samples := map[string]string{
		"DATABASE_URL":              "postgres://clausewatch:pw@postgres:5432/clausewatch?sslmode=disable",
		"SESSION_SECRET":            strings.Repeat("s", 64),
		"CLAUSEWATCH_METRICS_TOKEN": strings.Repeat("m", 48),
	}
	vars := map[string]string{}
	var errs []error
	for name, value := range svc.Environment {
		if value == nil {
			errs = append(errs, fmt.Errorf("%s has no value", name))
			continue
		}
		base, isFile := strings.CutSuffix(name, "_FILE")
		if !known[name] && !(isFile && known[base]) {
			errs = append(errs, fmt.Errorf("%s is not a variable of config.Config", name))
			continue
		}
		if !isFile || known[name] {
			vars[name] = *value
			continue
		}
		secret, ok := strings.CutPrefix(*value, "/run/secrets/")
		if !ok || !secrets[secret] {
			errs = append(errs, fmt.Errorf("%s=%s is not one of the service's secrets", name, *value))
			continue
		}
		sample, ok := samples[base]
		if !ok {
			errs = append(errs, fmt.Errorf("no sample value for %s", base))
			continue
		}
		file := filepath.Join(dir, secret)
		if err := os.WriteFile(file, []byte(sample+"\n"), 0o600); err != nil {
			return err
		}
		vars[name] = file
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	cfg, err := config.FromMap(vars)
	if err != nil {
		return err
	}
	// FromMap reads NAME_FILE only for secrets; a _FILE it ignored would
	// leave the value empty.
	if cfg.SessionSecret != samples["SESSION_SECRET"] || cfg.DatabaseURL != samples["DATABASE_URL"] ||
		cfg.MetricsToken != samples["CLAUSEWATCH_METRICS_TOKEN"] {
		return fmt.Errorf("a secret given as _FILE was not read")
	}
	if cfg.EmbeddedRedis() || cfg.SQLite() {
		return fmt.Errorf("runs on the embedded Redis or SQLite")
	}
	return nil
}

// knownVars are the env tags of config.Config.
func knownVars() map[string]bool {
	out := map[string]bool{}
	t := reflect.TypeOf(config.Config{})
	for i := range t.NumField() {
		if name := t.Field(i).Tag.Get("env"); name != "" {
			out[name] = true
		}
	}
	return out
}
