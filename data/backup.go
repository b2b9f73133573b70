package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	badger "github.com/dgraph-io/badger/v4"
)

// ErrNotEmpty means Restore was pointed at a folder that already holds
// something.
var ErrNotEmpty = errors.New("the folder is not empty: restore only into a new or empty folder")

// loadPendingWrites is how many batches Badger's Load keeps in flight.
const loadPendingWrites = 256

// Backup writes a full backup of the database to w, in Badger's backup
// format, while the store stays open and in use: workshops' logs,
// facilitators, scribes, guides, drafts, resume codes and the installation
// secret, as of one moment. Drafts kept in memory are written first, so
// they are in it. Each key's latest version only: an erased text's old
// version is not in a backup made after the erasure.
//
// The backup is not encrypted, even when the database is: keep it as
// safe as the key.
func (s *Store) Backup(w io.Writer) error {
	if err := s.flushDrafts(); err != nil {
		s.log.Warn("drafts not written before a backup; the backup lacks the newest", "err", err)
	}
	err := s.withDB(func(db *badger.DB) error {
		_, err := db.Backup(w, 0)
		return err
	})
	if err != nil {
		return fmt.Errorf("data: backup: %w", err)
	}
	return nil
}

// Restore makes a new database in dir from a backup (written by Backup),
// unencrypted. See RestoreWith.
func Restore(dir string, r io.Reader) error {
	return RestoreWith(Options{Dir: dir}, r)
}

// RestoreWith makes a new database in opts.Dir from a backup, encrypted
// with opts.EncryptionKey if it is set. The folder must not exist or be
// empty (ErrNotEmpty): a restore never mixes with other data. The
// database is built beside it and moved into place only once it opens as
// a store (every workshop's log replays), so a failed restore leaves
// nothing behind. It runs offline: no store may have the folder open.
func RestoreWith(opts Options, r io.Reader) error {
	if opts.Dir == "" {
		return errors.New("data: restore: no database folder given")
	}
	dir := filepath.Clean(opts.Dir)
	entries, err := os.ReadDir(dir)
	exists := err == nil
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return fmt.Errorf("data: restore into %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("data: restore into %s: %w", dir, ErrNotEmpty)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o700); err != nil {
		return fmt.Errorf("data: restore: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".restoring-*")
	if err != nil {
		return fmt.Errorf("data: restore: %w", err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	if err := load(tmp, opts, r); err != nil {
		return err
	}
	check := opts
	check.Dir = tmp
	s, err := Open(check)
	if err != nil {
		return fmt.Errorf("data: restore: the restored database does not open: %w", err)
	}
	if err := s.Close(); err != nil {
		return fmt.Errorf("data: restore: %w", err)
	}
	if exists {
		// The empty folder given is replaced by the restored one.
		if err := os.Remove(dir); err != nil {
			return fmt.Errorf("data: restore: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return fmt.Errorf("data: restore: move the restored database into place: %w", err)
	}
	done = true
	return nil
}

// load reads a backup into a new Badger database in dir and checks that
// it is an Anchorage database.
func load(dir string, opts Options, r io.Reader) error {
	db, err := openBadger(dir, opts.Logger, opts.EncryptionKey)
	if err != nil {
		return fmt.Errorf("data: restore: %w", err)
	}
	err = loadBackup(db, r)
	if err == nil {
		// A backup comes from outside: its first start replays every log
		// whole, and takes snapshots of its own.
		err = dropSnapshots(db)
	}
	if err == nil {
		err = db.View(func(txn *badger.Txn) error {
			_, err := txn.Get([]byte(secretKey))
			if errors.Is(err, badger.ErrKeyNotFound) {
				return errors.New("the input holds no Anchorage database: is it a backup made by anchorage backup?")
			}
			return err
		})
	}
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("data: restore: %w", err)
	}
	return nil
}

// loadBackup runs Badger's Load on a backup whose framing is checked as it
// is read. A panic in Load on input it did not expect is an error here.
func loadBackup(db *badger.DB, r io.Reader) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("the input is not a backup Anchorage can read (%v)", p)
		}
	}()
	return db.Load(&backupFrames{r: r}, loadPendingWrites)
}
