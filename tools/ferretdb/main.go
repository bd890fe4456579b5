// Command embedded-ferretdb runs FerretDB v1.24.2 on SQLite for Handover's
// embedded default. It uses FerretDB's embeddable package rather than its
// cmd/ferretdb, whose version check panics when built outside FerretDB's own
// repository (FerretDB issue #2982); the embeddable package also disables
// telemetry for good.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http"
	_ "net/http/pprof"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "TCP address to listen on")
	dir := flag.String("dir", ".data", "directory holding the SQLite files")
	watchStdin := flag.Bool("exit-on-stdin-close", false, "stop when standard input closes (the parent process died)")
	pprofAddr := flag.String("pprof", "", "serve Go's profiler on this address (finding the benchmark's bottlenecks); off by default")
	flag.Parse()

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
		SQLiteURL: "file:" + *dir + "/?_txlock=immediate&_pragma=wal_autocheckpoint(10000)",
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

	// The parent reads this one line to learn the URI (the port may be :0).
	_ = json.NewEncoder(os.Stdout).Encode(map[string]string{"uri": f.MongoDBURI()})

	_ = f.Run(ctx)
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
