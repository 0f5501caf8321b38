// Package runstore keeps training runs on disk, one directory per run under
// a root, so that a later notebook cell, another process or the command
// line can list, filter and load them:
//
//	<root>/<id>/values.json   Meta: the hyperparameters, seed, dataset, labels
//	<root>/<id>/epochs.jsonl  one history.Epoch per line, appended per epoch
//	<root>/<id>/steps.jsonl   per-step training losses, a JSON array per line
//	<root>/<id>/status.json   the status, error and parameter counts
//	<root>/<id>/<artifact>    extra files saved with Writer.Artifact
//
// # Crash safety
//
// values.json and status.json are written whole to a temporary file and
// renamed into place, so a reader sees the old file or the new one, never
// half of one. Lines are appended with one write each; a process killed
// mid-run leaves complete lines (the kernel keeps written data when a
// process dies). Each epoch line is not fsynced: epochs can take
// milliseconds, an fsync about as long, and losing the last epochs of an
// interrupted run to a power cut costs nothing that re-running it does not
// restore. Finish does fsync the lines, values.json, status.json and the
// directory, so a run marked complete has all its data on disk.
//
// A run is complete when status.json holds a final status (finished,
// diverged, cancelled, failed). A run without one, or whose epochs.jsonl
// ends in a broken line (a crash, or a power cut before Finish), is
// incomplete: Load returns the readable part with Run.Complete false and
// Run.Note saying why, and Reset clears it so it can run again.
//
// # Concurrency
//
// Different runs may be written at once by goroutines and processes. Create
// makes the run directory with mkdir, which fails if it exists, so two
// creators of one ID cannot both succeed. On Unix a Writer also holds an
// exclusive flock on <id>/.lock until Finish or Close, and Create, Reset and
// Delete hold <root>/.lock while they create or remove a run: Reset and
// Delete refuse a run whose writer is still alive (in any process), and a
// run whose writer died is recognised as abandoned because the kernel
// drops a dead process's locks. Elsewhere the locks are no-ops and only
// mkdir's exclusivity protects Create.
//
// # Security
//
// Run IDs are single path elements of letters, digits, '.', '_' and '-',
// at most 128 bytes, not starting with '.', so no ID can name a path outside
// the root. Directories are created 0755 and files 0644 regardless of the
// umask. Symbolic links in the root are not followed: lock files are
// opened with O_NOFOLLOW, must be regular files with one link, and only a
// lock file the store has just created has its mode set (through its
// descriptor); run files are read only if regular, never through a link,
// and up to a size limit (16 MiB for JSON files, 512 MiB for line files).
//
// A store is marked by a .hyperlab-store file, which Open writes. Open and
// OpenReadOnly refuse a directory that holds other things and neither the
// marker nor runs, so a mistaken --runs=/etc writes nothing there.
//
// # Reading
//
// A Store from OpenReadOnly, and Load and List on any Store, only read:
// they create, lock and change nothing, so they work on a read-only store.
// Load tells a live writer by trying a shared lock on the run's existing
// .lock, opened read-only, and dropping it at once.
package runstore
