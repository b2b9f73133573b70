package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"charm.land/log/v2"
	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/inquiry"
	"github.com/anchorage/anchorage/sshserver/command"
)

// addGuides adds every guide file (*.yaml, *.yml) in dir to the store, in
// name order, and returns their IDs. The first mistake stops it, with the
// file and line named: a server that started without a guide someone
// meant to use would only fail later, in front of a room.
//
// A file that changes a guide an open workshop follows is not a mistake
// but a warning: that workshop may be halfway through when the server
// restarts (after a crash, say), so the stored guide is kept until the
// workshop closes.
func addGuides(ctx context.Context, store *data.Store, dir string, logger *log.Logger) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("guides folder: %w", err)
	}
	var ids []string
	seen := map[string]string{} // guide ID → the file it came from
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		content, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read guide: %w", err)
		}
		g, err := command.CheckGuide(path, content)
		if err != nil {
			return nil, err
		}
		if other, ok := seen[g.ID]; ok {
			return nil, fmt.Errorf("%s: id: %q is also the id of %s: each guide needs its own id", path, g.ID, other)
		}
		seen[g.ID] = path
		err = store.AddGuide(ctx, g, content)
		if errors.Is(err, inquiry.ErrConflict) {
			logger.Warn("a guide file changes a guide an open workshop follows: the guide is kept as it was until the workshop closes",
				"file", path, "err", err)
			err = nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		ids = append(ids, g.ID)
	}
	slices.Sort(ids)
	return ids, nil
}
