package handler

// Added to FerretDB by Handover's embedded build (tools/ferretdb/patches.json).
//
// FerretDB writes each statement of an update command in its own SQLite
// transaction, each with its own commit and fsync, while the statements of
// an insert command share one. When every statement updates one document by
// its own _id, no statement can see another's document, so their writes can
// wait for the end of the command and commit together: a batch of 32
// conversation updates then costs one commit instead of 32.

import (
	"context"
	"fmt"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/handler/common"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// updateDocument runs an update command's statements, writing them in one
// transaction when they update distinct documents by _id.
func (h *Handler) updateDocument(ctx context.Context, params *common.UpdateParams) (int32, int32, *types.Array, error) {
	if !updatesDistinctByID(params.Updates) {
		return h.updateDocumentEach(ctx, params, nil)
	}

	deferred := new(deferredUpdates)
	matched, modified, upserted, err := h.updateDocumentEach(ctx, params, deferred)

	// statements before a failing one stay applied, as they would without deferral
	if flushErr := deferred.flush(ctx); flushErr != nil {
		return 0, 0, nil, lazyerrors.Error(flushErr)
	}

	return matched, modified, upserted, err
}

// updatesDistinctByID reports whether the statements are two or more
// single-document, non-upsert updates, each filtering on a different string
// or ObjectID _id (filterID, in msg_delete_by_id.go).
func updatesDistinctByID(updates []common.Update) bool {
	if len(updates) < 2 {
		return false
	}

	seen := make(map[string]struct{}, len(updates))

	for _, u := range updates {
		if u.Multi || u.Upsert || u.Filter == nil {
			return false
		}

		id, ok := filterID(u.Filter)
		if !ok {
			return false
		}

		key := fmt.Sprintf("%T:%v", id, id)
		if _, dup := seen[key]; dup {
			return false
		}

		seen[key] = struct{}{}
	}

	return true
}

// deferredUpdates is a collection whose UpdateAll keeps the documents for
// one UpdateAll at the end (flush); everything else goes to the collection.
type deferredUpdates struct {
	backends.Collection
	docs []*types.Document
}

// wrap returns c itself when there is no deferral (d is nil).
func (d *deferredUpdates) wrap(c backends.Collection) backends.Collection {
	if d == nil {
		return c
	}

	d.Collection = c

	return d
}

// UpdateAll implements backends.Collection interface.
func (d *deferredUpdates) UpdateAll(_ context.Context, params *backends.UpdateAllParams) (*backends.UpdateAllResult, error) {
	d.docs = append(d.docs, params.Docs...)

	return &backends.UpdateAllResult{Updated: int32(len(params.Docs))}, nil
}

func (d *deferredUpdates) flush(ctx context.Context) error {
	if len(d.docs) == 0 {
		return nil
	}

	_, err := d.Collection.UpdateAll(ctx, &backends.UpdateAllParams{Docs: d.docs})

	return err
}
