package data

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/log/v2"
	badger "github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
	"github.com/dgraph-io/ristretto/v2/z"
)

// badgerOptions is a small, fast option set: Badger's defaults reserve
// hundreds of megabytes for a workload of a few thousand short records.
func badgerOptions(dir string, logger *log.Logger) badger.Options {
	o := badger.DefaultOptions(dir).
		// Below ~8 MB with the default ValueThreshold Badger fails to open.
		WithMemTableSize(8 << 20).
		WithNumMemtables(2).
		WithValueLogFileSize(16 << 20).
		// Logs are read once, at Open (and by Verify), so a block cache would
		// sit idle. Badger refuses a zero cache while compression is on.
		WithBlockCacheSize(0).
		WithCompression(options.None).
		WithNumCompactors(2).
		// A returned commit survives kill -9 either way; synchronous writes
		// are what make it survive a power cut.
		WithSyncWrites(true).
		// Only the committer writes events and its transactions never read,
		// so there is nothing for conflict detection to find.
		WithDetectConflicts(false).
		WithMetricsEnabled(false).
		// Every value the store writes is under this (events are capped at
		// maxEventBytes, guides and drafts lower), so values live in the
		// LSM tree and its memtable logs, never in the value log: a
		// compaction is then enough to drop an erased text's old version.
		WithValueThreshold(maxValueBytes).
		WithLogger(nil)
	if logger != nil {
		o = o.WithLogger(badgerLogger{logger.WithPrefix("badger")})
	}
	return o
}

// maxValueBytes is Badger's largest value threshold (1 MB): values below it
// are kept in the LSM tree.
const maxValueBytes = 1 << 20

// encrypted adds encryption at rest with key to o, when there is a key.
// Badger needs a block cache and an index cache to encrypt (it panics
// without the first); these are small, as the database is.
func encrypted(o badger.Options, key []byte) badger.Options {
	if len(key) == 0 {
		return o
	}
	return o.WithEncryptionKey(key).WithBlockCacheSize(8 << 20).WithIndexCacheSize(4 << 20)
}

// openBadger opens the database, retrying once after the failure an empty
// memtable file left by a crash causes: the first attempt repairs the file
// and the second succeeds.
func openBadger(dir string, logger *log.Logger, key []byte) (*badger.DB, error) {
	o := encrypted(badgerOptions(dir, logger), key)
	db, err := badger.Open(o)
	// Badger flattens the errors it wraps into text, so errors.Is cannot
	// find z.NewFile: match its message.
	if err != nil && strings.Contains(err.Error(), z.NewFile.Error()) {
		if logger != nil {
			logger.Warn("database: an empty memtable file was left by a crash; opening again", "err", err)
		}
		db, err = badger.Open(o)
	}
	if err != nil {
		if strings.Contains(err.Error(), "Another process is using this Badger database") {
			return nil, fmt.Errorf("data: open %s: %w", dir, ErrLocked)
		}
		if errors.Is(err, badger.ErrEncryptionKeyMismatch) || strings.Contains(err.Error(), badger.ErrEncryptionKeyMismatch.Error()) {
			if len(key) == 0 {
				return nil, fmt.Errorf("data: open %s: %w", dir, ErrEncrypted)
			}
			return nil, fmt.Errorf("data: open %s: %w", dir, ErrWrongKey)
		}
		return nil, fmt.Errorf("data: open %s: %w", dir, err)
	}
	return db, nil
}

// badgerLogger passes Badger's messages to the store's logger. Badger's
// info messages (compactions, replays) are routine, so they go out at debug
// level; its warnings and errors keep their levels.
type badgerLogger struct{ l *log.Logger }

func (b badgerLogger) Errorf(format string, args ...any) {
	b.l.Error(strings.TrimSpace(fmt.Sprintf(format, args...)))
}

func (b badgerLogger) Warningf(format string, args ...any) {
	b.l.Warn(strings.TrimSpace(fmt.Sprintf(format, args...)))
}

func (b badgerLogger) Infof(format string, args ...any) {
	b.l.Debug(strings.TrimSpace(fmt.Sprintf(format, args...)))
}

func (b badgerLogger) Debugf(format string, args ...any) {
	b.l.Debug(strings.TrimSpace(fmt.Sprintf(format, args...)))
}

// isTxnTooBig reports whether a transaction has reached Badger's size limit.
func isTxnTooBig(err error) bool { return errors.Is(err, badger.ErrTxnTooBig) }
