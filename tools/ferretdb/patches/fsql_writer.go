package fsql

// Added to FerretDB by Handover's embedded build (tools/ferretdb/patches.json).
//
// SQLite keeps a page cache per connection and drops all of it when a read
// or write transaction starts on a connection after another connection has
// written. FerretDB's writers took any connection of the pool, so each
// write found its connection's cache dropped by the writes before it on
// other connections and read its pages again (pread of the log and the
// file). Writers are queued one at a time already (writeMu); with
// HANDOVER_SQLITE_DEDICATED_WRITER=1 they also write on one connection of
// their own, the only one that writes, whose cache stays valid from one
// write to the next. Readers keep the pool.
//
// HANDOVER_SQLITE_CONNECTIONS bounds the pool (FerretDB's 100 otherwise).

import (
	"context"
	"database/sql"
	"os"
	"strconv"
	"sync"
)

// PoolSize is the most connections a database's pool opens.
func PoolSize() int {
	if n, err := strconv.Atoi(os.Getenv("HANDOVER_SQLITE_CONNECTIONS")); err == nil && n > 0 {
		return n
	}

	return 100
}

// read on first use, after main has set it
var dedicatedWriter = sync.OnceValue(func() bool { return os.Getenv("HANDOVER_SQLITE_DEDICATED_WRITER") == "1" })

// writerConn returns the writers' connection, opening it on first use;
// the caller holds writeMu. Nil when writers use the pool: not asked for,
// or a pool of one connection (an in-memory database), which the writer
// would keep from the readers.
func (db *DB) writerConn(ctx context.Context) (*sql.Conn, error) {
	if !dedicatedWriter() || db.sqlDB.Stats().MaxOpenConnections <= 1 {
		return nil, nil
	}

	if db.writer == nil {
		conn, err := db.sqlDB.Conn(ctx)
		if err != nil {
			return nil, err
		}

		db.writer = conn
	}

	return db.writer, nil
}

// dropWriter closes the writers' connection after an error that may have
// left it unusable; the next write opens another.
func (db *DB) dropWriter() {
	if db.writer != nil {
		_ = db.writer.Close()
		db.writer = nil
	}
}

// beginWrite starts a write transaction; the caller holds writeMu.
func (db *DB) beginWrite(ctx context.Context) (*sql.Tx, error) {
	conn, err := db.writerConn(ctx)
	if err != nil {
		return nil, err
	}

	if conn == nil {
		return db.sqlDB.BeginTx(ctx, nil)
	}

	tx, err := conn.BeginTx(ctx, nil)
	if err == nil || ctx.Err() != nil {
		return tx, err
	}

	// the connection may be broken: one more try on a new one
	db.dropWriter()

	if conn, err = db.writerConn(ctx); err != nil {
		return nil, err
	}

	return conn.BeginTx(ctx, nil)
}

// execWrite runs a statement outside a transaction; the caller holds writeMu.
func (db *DB) execWrite(ctx context.Context, query string, args ...any) (sql.Result, error) {
	conn, err := db.writerConn(ctx)
	if err != nil {
		return nil, err
	}

	if conn == nil {
		return db.sqlDB.ExecContext(ctx, query, args...)
	}

	res, err := conn.ExecContext(ctx, query, args...)
	if err != nil && ctx.Err() == nil {
		db.dropWriter()
	}

	return res, err
}

// closeWriter releases the writers' connection before the pool closes.
func (db *DB) closeWriter() {
	db.writeMu.Lock()
	defer db.writeMu.Unlock()

	db.dropWriter()
}
