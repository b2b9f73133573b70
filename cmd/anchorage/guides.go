package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/anchorage/anchorage/data"
	"github.com/anchorage/anchorage/sshserver/command"
)

// addGuides adds every guide file (*.yaml, *.yml) in dir to the store, in
// name order, and returns their IDs. The first mistake stops it, with the
// file and line named: a server that started without a guide someone
// meant to use would only fail later, in front of a room.
func addGuides(ctx context.Context, store *data.Store, dir string) ([]string, error) {
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
		if err := store.AddGuide(ctx, g, content); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		ids = append(ids, g.ID)
	}
	slices.Sort(ids)
	return ids, nil
}
