package faults_test

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/clausewatch/clausewatch/store/storetest"
)

// redisServer is a redis-server process of the test's own, so that it can
// be killed without touching the shared one.
type redisServer struct {
	t    *testing.T
	port int
	cmd  *exec.Cmd
	done chan struct{}
}

func startRedis(t *testing.T, port int) *redisServer {
	t.Helper()
	r := &redisServer{t: t, port: port}
	r.start()
	t.Cleanup(func() {
		if r.cmd != nil {
			_ = r.cmd.Process.Kill()
			<-r.done
		}
	})
	return r
}

// start runs redis-server with no persistence: a restart is an empty
// dataset, as after losing the machine.
func (r *redisServer) start() {
	r.t.Helper()
	r.cmd = exec.Command("redis-server", "--port", itoa(r.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
	if err := r.cmd.Start(); err != nil {
		r.t.Fatalf("start redis-server: %v", err)
	}
	done := make(chan struct{})
	r.done = done
	cmd := r.cmd
	go func() { _ = cmd.Wait(); close(done) }()
	eventually(r.t, 10*time.Second, "redis-server answers", func() (bool, error) {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", r.port))
		if err != nil {
			return false, err
		}
		c.Close()
		return true, nil
	})
}

func (r *redisServer) kill() {
	r.t.Helper()
	if err := r.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		r.t.Fatal(err)
	}
	<-r.done
	r.cmd = nil
}

func (r *redisServer) url() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", r.port) }

// Redis killed while checks and a delivery are in flight and more are
// queued, and restarted empty: the sweeps enqueue again from the database,
// every due document is checked once and every alert is sent once.
func TestRedisKilledAndRestartedEmpty(t *testing.T) {
	requireEnv(t, "TEST_DATABASE_URL", "TEST_REDIS_URL")
	if _, err := exec.LookPath("redis-server"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("redis-server is not installed")
		}
		t.Skip("redis-server is not installed")
	}
	t.Parallel()
	rs := startRedis(t, freePort(t))
	w := newWorld(t, storetest.NewPostgresDatabase(t), rs.url())
	acme := w.platform(t, "acme", 1)
	var subscribers []string
	for _, name := range []string{"alice", "bob", "carol"} {
		subscribers = append(subscribers, w.subscriber(t, name, "acme").Email)
	}
	w.seedChanges(t, acme)
	due := w.platform(t, "beta", 6)
	since := time.Now().UTC()
	// One page and one mail are held. Two requests may reach the site at
	// once, so the held page never stops the other slots: with one per host,
	// every slot could wait behind the held page and the mail would only go
	// out once the page timed out.
	w.site.holdNext(1)
	w.smtp.holdNext(1)
	worker := startProc(t, "worker", w.env("CLAUSEWATCH_WORKER_CONCURRENCY=3", "CLAUSEWATCH_FETCH_PER_HOST=2"), "worker")
	scheduler := startProc(t, "scheduler", w.env(), "scheduler")
	w.sweepNow(t)
	for _, held := range []chan string{w.site.held, w.smtp.held} {
		select {
		case <-held:
		case <-time.After(45 * time.Second):
			t.Fatal("the worker never fetched a page and sent an alert")
		}
	}
	// A check and a mail in flight; the other checks done or queued.
	rs.kill()
	w.site.releaseHeld()
	w.smtp.releaseHeld()
	time.Sleep(3 * time.Second)
	rs.start()
	restarted := time.Now()
	w.checkedSince(t, due, since, 120*time.Second)
	checked := time.Since(restarted)
	w.allSent(t, len(subscribers), 120*time.Second)
	sent := time.Since(restarted)
	time.Sleep(2 * time.Second)
	if n := w.count(t, "SELECT COUNT(*) FROM (SELECT document_id FROM versions GROUP BY document_id HAVING COUNT(*) = 1) d WHERE document_id <> $1", acme[0]); n != len(due) {
		t.Errorf("%d of %d due documents have exactly one version", n, len(due))
	}
	lost, dup := w.smtp.deliveredOnce(t, subscribers...)
	if !worker.running() || !scheduler.running() {
		t.Errorf("a process exited on the Redis outage (worker %v, scheduler %v)", worker.running(), scheduler.running())
	}
	if n := w.archived(t); n != 0 {
		t.Errorf("%d tasks archived", n)
	}
	t.Logf("fault: Redis SIGKILLed with a check and an SMTP send in flight, restarted empty after 3 s; %d due documents checked %v and %d alerts sent %v after the restart; lost %d, duplicates %d",
		len(due), checked.Round(time.Second), len(subscribers), sent.Round(time.Second), lost, dup)
}
