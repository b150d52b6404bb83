// Package faults holds the fault-tolerance tests: they run the built
// clausewatch binary as separate worker, scheduler and web processes on
// real PostgreSQL and Redis, inject faults (a worker killed mid-task,
// Redis killed and restarted empty, PostgreSQL stopped) and check that
// every due check and every pending delivery completes exactly once.
package faults
