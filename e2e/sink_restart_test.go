package e2e

import (
	"bytes"
	"context"
	"os/exec"
	"syscall"
	"testing"
	"time"

	"github.com/dengar-id/dengar/store"
)

// TestSinkKilledMidStreamLosesNothing kills the sink with SIGKILL while it
// is writing, restarts it, and checks that ClickHouse ends with exactly the
// mentions produced: none lost, none doubled after dedup.
func TestSinkKilledMidStreamLosesNothing(t *testing.T) {
	e := newEnv(t, 3)
	const n = 60000
	ms := simulated(t, n, true)
	produce(t, e.kafka, e.kafka.Topics.Tagged, ms)

	ctx := context.Background()
	db, err := store.Open(ctx, e.ch)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	start := func() (*exec.Cmd, *bytes.Buffer) {
		var logs bytes.Buffer
		cmd := exec.Command(dengarBin, "--config", e.cfgFile, "sink", "--metrics-addr", "")
		cmd.Stdout, cmd.Stderr = &logs, &logs
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd, &logs
	}

	first, logs := start()
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, ids := countStored(t, db)
		if ids >= 5000 {
			break
		}
		if time.Now().After(deadline) {
			first.Process.Kill()
			t.Fatalf("sink wrote %d mentions in 60 s; logs:\n%s", ids, logs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = first.Wait()
	_, killedAt := countStored(t, db)
	if killedAt >= n {
		t.Fatalf("the sink finished (%d) before it was killed; the test proves nothing — produce more", killedAt)
	}
	t.Logf("killed the sink with %d of %d mentions stored", killedAt, n)

	restartAt := time.Now()
	second, logs2 := start()
	defer func() {
		second.Process.Signal(syscall.SIGTERM)
		second.Wait()
	}()
	deadline = time.Now().Add(4 * time.Minute)
	lastLog := time.Now()
	for {
		_, ids := countStored(t, db)
		if time.Since(lastLog) > 5*time.Second {
			t.Logf("%s after restart: %d stored", time.Since(restartAt).Round(time.Second), ids)
			lastLog = time.Now()
		}
		if ids >= n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after restart only %d of %d mentions stored; logs:\n%s", ids, n, logs2)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// Let the sink settle, then check exactness after dedup.
	time.Sleep(500 * time.Millisecond)
	var final, unique uint64
	if err := db.Conn().QueryRow(ctx, "SELECT count(), uniqExact(id) FROM `"+db.Database()+"`.mentions FINAL").Scan(&final, &unique); err != nil {
		t.Fatal(err)
	}
	if final != n || unique != n {
		t.Fatalf("after dedup: %d rows, %d unique ids; want exactly %d", final, unique, n)
	}
	// Every produced id is there (nothing lost, nothing foreign).
	ids := make([]string, len(ms))
	for i := range ms {
		ids[i] = ms[i].ID
	}
	got, err := db.CountIDs(ctx, ids, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if got != n {
		t.Fatalf("%d of the %d produced ids are stored", got, n)
	}
	rows, _ := countStored(t, db)
	t.Logf("restart to complete: %s", time.Since(restartAt))
	t.Logf("rows before dedup: %d (%d redelivered after the kill)", rows, rows-n)
}
