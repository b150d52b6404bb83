// Package cputime reads the CPU time of the process, which benchmarks
// report as cpu-ns/op: a machine shared with other work inflates it much
// less than wall time.
package cputime

import (
	"syscall"
	"time"
)

// Now is the user and system CPU time of the process so far, or 0 if it
// cannot be read.
func Now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
