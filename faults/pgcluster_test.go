package faults_test

import (
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
)

// pgCluster is a PostgreSQL cluster of the test's own, initialised in a
// temporary directory, so that stopping it leaves the shared one alone.
// As root (CI) the server runs as the postgres user, like
// scripts/testenv.sh; initdb refuses to run as root.
type pgCluster struct {
	t    *testing.T
	bin  string
	dir  string
	port int
}

func newPGCluster(t *testing.T) *pgCluster {
	t.Helper()
	dir, err := os.MkdirTemp("", "clausewatch-faults-pg-")
	if err != nil {
		t.Fatal(err)
	}
	c := &pgCluster{t: t, bin: os.Getenv("TEST_PG_BIN"), dir: dir, port: freePort(t)}
	t.Cleanup(func() {
		_ = c.pgctl("-m", "immediate", "stop")
		os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		pg, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("running as root needs a postgres user: %v", err)
		}
		uid, _ := strconv.Atoi(pg.Uid)
		gid, _ := strconv.Atoi(pg.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := c.command("initdb", "-D", c.data(), "-A", "trust", "-U", "postgres").CombinedOutput(); err != nil {
		t.Fatalf("initdb: %v\n%s", err, out)
	}
	c.start()
	admin, err := sql.Open("pgx", c.url("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec("CREATE DATABASE faults"); err != nil {
		t.Fatalf("create database: %v", err)
	}
	return c
}

func (c *pgCluster) data() string { return filepath.Join(c.dir, "data") }

// url is the address of database name on the cluster.
func (c *pgCluster) url(name string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, name)
}

// command runs a PostgreSQL program, as the postgres user when root.
func (c *pgCluster) command(name string, args ...string) *exec.Cmd {
	prog := filepath.Join(c.bin, name)
	if os.Geteuid() == 0 {
		return exec.Command("runuser", append([]string{"-u", "postgres", "--", prog}, args...)...)
	}
	return exec.Command(prog, args...)
}

func (c *pgCluster) pgctl(args ...string) error {
	out, err := c.command("pg_ctl", append([]string{"-D", c.data(), "-w"}, args...)...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("pg_ctl %v: %w\n%s", args, err, out)
	}
	return nil
}

func (c *pgCluster) start() {
	c.t.Helper()
	opts := fmt.Sprintf("-p %d -c listen_addresses=127.0.0.1 -k %s -c fsync=off", c.port, c.dir)
	if err := c.pgctl("-l", filepath.Join(c.dir, "server.log"), "-o", opts, "start"); err != nil {
		c.t.Fatal(err)
	}
}

// stop shuts the server down the way an operator or a failover does:
// connections are ended, new ones refused. The returned channel gives
// pg_ctl's outcome once the server is down.
func (c *pgCluster) stop() <-chan error {
	done := make(chan error, 1)
	go func() { done <- c.pgctl("-m", "fast", "stop") }()
	return done
}
