package handler

// Added to FerretDB by Handover's embedded build (tools/ferretdb/patches.json).
//
// FerretDB 1.24.2 closes each statement's query of an update command when
// the command ends (a defer inside its loop), and a statement updating one
// document stops reading after it without reaching the end of the rows: so
// each statement's SQLite rows, and the pooled connection under them, stay
// open until the last statement is done. A command of n statements held n
// connections at once, each with a page cache that other connections'
// writes had dropped, and a pool smaller than the batch deadlocked. Each
// statement's query is now closed as soon as the statement is done, so the
// next one takes the same connection back, its cache still valid.
// main.go's -hold-update-reads restores the old behaviour, for comparing.

import (
	"os"
	"sync"
)

// releaseUpdateReads reports whether a statement's query is closed when the statement is done (read after main has set it).
var releaseUpdateReads = sync.OnceValue(func() bool { return os.Getenv("HANDOVER_FERRETDB_HOLD_UPDATE_READS") != "1" })
