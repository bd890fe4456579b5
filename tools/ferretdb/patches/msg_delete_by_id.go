package handler

// Added to FerretDB by Handover's embedded build (tools/ferretdb/patches.json).
//
// A delete whose filter is a string or ObjectID _id alone deletes that
// document by its _id at once. FerretDB read and decoded the document first,
// to match it against the filter, which for such a filter cannot fail to
// match; an outbox row holds a whole escalation, and reading it back was
// about two thirds of its delete.

import (
	"context"

	"github.com/FerretDB/FerretDB/internal/backends"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// filterIsOnlyID returns the _id the filter consists of, if it is a string or ObjectID _id alone.
func filterIsOnlyID(filter *types.Document) (any, bool) {
	if filter.Len() != 1 {
		return nil, false
	}

	return filterID(filter)
}

// filterID returns the _id the filter names, if it is a string or ObjectID
// (numbers are left out: 1 and 1.0 are the same _id).
func filterID(filter *types.Document) (any, bool) {
	id, err := filter.Get("_id")
	if err != nil {
		return nil, false
	}

	switch id.(type) {
	case string, types.ObjectID:
		return id, true
	default:
		return nil, false
	}
}

// deleteByID deletes the document with that _id, if there is one, and returns how many it deleted.
func deleteByID(ctx context.Context, c backends.Collection, id any) (int32, error) {
	d, err := c.DeleteAll(ctx, &backends.DeleteAllParams{IDs: []any{id}})
	if err != nil {
		return 0, lazyerrors.Error(err)
	}

	return d.Deleted, nil
}
