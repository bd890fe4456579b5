package fsql

// Added to FerretDB by Handover's embedded build (tools/ferretdb/patches.json).
//
// SQLite has one writer per database. FerretDB's concurrent writers each
// asked SQLite for the write lock (BEGIN IMMEDIATE) and, while another held
// it, napped in SQLite's busy handler: 1, 2, 5, 10, ... up to 100 ms at a
// time, waking well after the lock was free. Under bursts of writes single
// commands took 60-115 ms. Writers of one database now queue on a Go mutex
// instead, and the next one starts as soon as the last one finishes.

import "sync"

var writeLocks sync.Map // *DB -> *sync.Mutex

// writeLock is the lock of this database's writers.
func (db *DB) writeLock() *sync.Mutex {
	lock, _ := writeLocks.LoadOrStore(db, new(sync.Mutex))
	return lock.(*sync.Mutex)
}
