// Command embedded-ferretdb runs FerretDB v1.24.2 on SQLite for Handover's
// embedded default. It uses FerretDB's embeddable package rather than its
// cmd/ferretdb, whose version check panics when built outside FerretDB's own
// repository (FerretDB issue #2982); the embeddable package also disables
// telemetry for good.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	_ "net/http/pprof"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on")
	dir := flag.String("dir", ".data", "directory holding the SQLite files")
	watchStdin := flag.Bool("exit-on-stdin-close", false, "stop when standard input closes (the parent process died)")
	pprofAddr := flag.String("pprof", "", "serve Go's profiler on this address (finding the benchmark's bottlenecks); off by default")
	autocheckpoint := flag.Int("wal-autocheckpoint", 10000, "pages in the write-ahead log past which the committing writer checkpoints it (SQLite's wal_autocheckpoint)")
	checkpointEvery := flag.Duration("checkpoint-every", 0, "checkpoint every database's write-ahead log in the background this often (0: only the writers' own checkpoints)")
	synchronous := flag.String("synchronous", "", "SQLite's synchronous setting for FerretDB's connections (empty: SQLite's default, FULL: every commit synced); for measuring what the disk costs, not for use")
	holdUpdateReads := flag.Bool("hold-update-reads", false, "keep each update statement's query open until its command ends, as FerretDB 1.24.2 does (patches/msg_update_release_reads.go); for comparing, not for use")
	flag.Parse()

	// The patched handler reads it on its first update (patches/msg_update_release_reads.go):
	// FerretDB's embeddable package has no settings for it.
	if *holdUpdateReads {
		_ = os.Setenv("HANDOVER_FERRETDB_HOLD_UPDATE_READS", "1")
	} else {
		_ = os.Unsetenv("HANDOVER_FERRETDB_HOLD_UPDATE_READS")
	}

	if *pprofAddr != "" {
		go func() { _ = http.ListenAndServe(*pprofAddr, nil) }()
	}

	logger := slog.New(&lazyAttrs{base: slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})})

	if err := os.MkdirAll(*dir, 0o700); err != nil {
		fail(logger, "cannot create data directory", err)
	}

	f, err := ferretdb.New(&ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   logger,
		Handler:  "sqlite",
		// BEGIN IMMEDIATE: concurrent writers wait (busy_timeout) instead of
		// failing with SQLITE_BUSY when a read transaction upgrades to a write.
		//
		// wal_autocheckpoint: SQLite copies its write-ahead log back into the
		// database file once the log holds this many pages (default 1,000,
		// about 4 MB), inside the commit that crosses the mark. Under the
		// benchmark's burst of escalations that was about once a second, the
		// rate at which every escalation in flight came back 50-100 ms late
		// together. Ten times fewer checkpoints (a log of up to about 40 MB)
		// make those moments rare (bench/RESULTS.md); durability is the same,
		// every commit is still synced.
		SQLiteURL: sqliteURL(*dir, *autocheckpoint, *synchronous),
	})
	if err != nil {
		fail(logger, "cannot start FerretDB", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	if *watchStdin {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			stop()
		}()
	}

	if *checkpointEvery > 0 {
		go checkpointInBackground(ctx, *dir, *checkpointEvery, logger)
	}

	// The parent reads this one line to learn the URI (the port may be :0).
	_ = json.NewEncoder(os.Stdout).Encode(map[string]string{"uri": f.MongoDBURI()})

	_ = f.Run(ctx)
}

func sqliteURL(dir string, autocheckpoint int, synchronous string) string {
	url := fmt.Sprintf("file:%s/?_txlock=immediate&_pragma=wal_autocheckpoint(%d)", dir, autocheckpoint)
	if synchronous != "" {
		url += "&_pragma=synchronous(" + synchronous + ")"
	}

	return url
}

// checkpointInBackground copies each database's write-ahead log back into
// its file (a PASSIVE checkpoint: it takes no writer's lock, and writers go
// on appending meanwhile) on a connection of its own, every `every`. A
// writer whose commit crosses wal_autocheckpoint checkpoints inline instead,
// holding the database's write lock (tools/ferretdb/patches.json) through
// the copy and the file's sync, and every turn behind it waits; with the
// log kept short here, a writer rarely gets there. Durability is the same:
// every commit is still synced to the log before it is acknowledged.
func checkpointInBackground(ctx context.Context, dir string, every time.Duration, logger *slog.Logger) {
	type opened struct {
		db   *sql.DB
		file os.FileInfo
	}

	conns := map[string]*opened{}
	defer func() {
		for _, c := range conns {
			_ = c.db.Close()
		}
	}()

	ticker := time.NewTicker(every)
	defer ticker.Stop()

	for {
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}

		paths, _ := filepath.Glob(filepath.Join(dir, "*.sqlite"))
		seen := make(map[string]bool, len(paths))

		for _, path := range paths {
			file, err := os.Stat(path)
			if err != nil {
				continue
			}

			seen[path] = true

			// a database dropped and made again is a new file: the old connection's is gone
			if c := conns[path]; c != nil && !os.SameFile(c.file, file) {
				_ = c.db.Close()
				delete(conns, path)
			}

			c := conns[path]
			if c == nil {
				db, err := sql.Open("sqlite", "file:"+path+"?mode=rw")
				if err != nil {
					continue
				}

				db.SetMaxOpenConns(1)
				c = &opened{db: db, file: file}
				conns[path] = c
			}

			if _, err := c.db.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil && ctx.Err() == nil {
				logger.Debug("background checkpoint failed", slog.String("file", filepath.Base(path)), slog.String("error", err.Error()))
			}
		}

		for path, c := range conns {
			if !seen[path] {
				_ = c.db.Close()
				delete(conns, path)
			}
		}
	}
}

// lazyAttrs keeps the attributes of Logger.With until a record is written.
// FerretDB derives a logger with attributes for every SQL statement it runs,
// and slog's TextHandler formats them at once, even when nothing at that
// level is ever written: 4 % of FerretDB's CPU under load.
type lazyAttrs struct {
	base  slog.Handler
	attrs []slog.Attr
}

func (h *lazyAttrs) Enabled(ctx context.Context, level slog.Level) bool {
	return h.base.Enabled(ctx, level)
}

func (h *lazyAttrs) Handle(ctx context.Context, record slog.Record) error {
	return h.base.WithAttrs(h.attrs).Handle(ctx, record)
}

func (h *lazyAttrs) WithAttrs(attrs []slog.Attr) slog.Handler {
	return &lazyAttrs{base: h.base, attrs: append(h.attrs[:len(h.attrs):len(h.attrs)], attrs...)}
}

func (h *lazyAttrs) WithGroup(name string) slog.Handler {
	return &lazyAttrs{base: h.base.WithAttrs(h.attrs).WithGroup(name)}
}

func fail(logger *slog.Logger, msg string, err error) {
	logger.Error(msg, slog.String("error", err.Error()))
	os.Exit(1)
}
