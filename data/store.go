package data

import (
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"charm.land/log/v2"
	badger "github.com/dgraph-io/badger/v4"

	"github.com/anchorage/anchorage/inquiry"
)

// Options says where the store keeps its data and how it reports.
type Options struct {
	// Dir is the database folder, created with mode 0700 if missing: it
	// holds people's words.
	Dir string
	// Logger receives the store's and Badger's messages; nil is silent.
	Logger *log.Logger
	// Now is the clock events are stamped with; nil means time.Now.
	Now func() time.Time
}

// Errors the store returns. Callers test with errors.Is.
var (
	// ErrLocked means another process (usually the running server) holds
	// the database folder.
	ErrLocked = errors.New("the database is in use by another process (is the server running?)")
	// ErrCodeTaken means another workshop already has the join code.
	ErrCodeTaken = errors.New("join code is taken by another workshop")
	// ErrClosed means the store has been closed.
	ErrClosed = errors.New("the store is closed")
	// ErrDiskFull means the database's disk is nearly full, so writes are
	// refused until space is freed.
	ErrDiskFull = errors.New("the database's disk is nearly full")
)

// minFreeBytes is the space a write needs left on the database's disk.
// Badger writes through memory-mapped files, so a full disk kills the
// process with SIGBUS instead of failing the write: refuse writes well
// before that. The margin covers a memtable's log (16 MB mapped), a value
// log file (16 MB) and a flush to level 0.
const minFreeBytes = 64 << 20

// Store is the database of workshops, facilitators and the installation
// secret, with the live feed of what changes. Its methods are safe for
// concurrent use.
type Store struct {
	db     *badger.DB
	lock   io.Closer
	now    func() time.Time
	log    *log.Logger
	secret []byte

	// mu guards the published view: what has been committed.
	mu           sync.RWMutex
	logs         map[string]*workshopLog
	order        []string          // workshop IDs, oldest first
	codes        map[string]string // lower-case join code → workshop ID
	facilitators map[string]Facilitator
	enrolMu      sync.Mutex // one enrolment at a time

	feed feed

	requests chan *request // unbuffered: a send succeeds only into the committer's hands
	quit     chan struct{} // closed by Close
	done     chan struct{} // closed when the committer has stopped

	// dbMu keeps Close from closing Badger under a facilitator write or a
	// Verify; dbClosed is set under its write lock.
	dbMu      sync.RWMutex
	dbClosed  bool
	closeOnce sync.Once
	closeErr  error

	stats struct{ batches, commits, events atomic.Uint64 }

	dir string
	// freeBytes measures the space left on dir's disk; tests replace it.
	freeBytes func(dir string) (uint64, error)
	// failWrite, when set by a test, replaces the outcome of writing a batch.
	failWrite func() error
}

// workshopLog is one workshop's committed log and its summary.
type workshopLog struct {
	// events are in sequence order (events[i].Seq == i+1). Appending never
	// changes the elements readers already hold.
	events  []inquiry.Event
	summary inquiry.Summary
	// read is the committed state for Read.
	read readFold
}

// Open opens (creating if needed) the database in opts.Dir, replays every
// workshop's log and starts the committer. It fails with ErrLocked if
// another process, or another Store in this one, holds the folder.
func Open(opts Options) (*Store, error) {
	if opts.Dir == "" {
		return nil, errors.New("data: no database folder given")
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("data: create %s: %w", opts.Dir, err)
	}
	logger := opts.Logger
	if logger == nil {
		logger = log.New(io.Discard)
	}
	if fi, err := os.Stat(opts.Dir); err == nil && fi.Mode().Perm()&0o077 != 0 {
		logger.Warn("the database folder can be read by other users of this machine", "dir", opts.Dir, "mode", fi.Mode().Perm())
	}
	lock, err := lockDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	db, err := openBadger(opts.Dir, opts.Logger)
	if err != nil {
		lock.Close()
		return nil, err
	}
	s := &Store{
		db: db, lock: lock, now: opts.Now, log: logger, dir: opts.Dir, freeBytes: freeBytes,
		logs: map[string]*workshopLog{}, codes: map[string]string{}, facilitators: map[string]Facilitator{},
		requests: make(chan *request), quit: make(chan struct{}), done: make(chan struct{}),
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.feed.init()
	c, err := s.load()
	if err != nil {
		db.Close()
		lock.Close()
		return nil, err
	}
	go c.run()
	return s, nil
}

// load reads the secret, the facilitators and every workshop's log, and
// returns the committer primed with the workshops' state.
func (s *Store) load() (*committer, error) {
	if err := s.loadSecret(); err != nil {
		return nil, err
	}
	if err := s.loadFacilitators(); err != nil {
		return nil, err
	}
	return s.loadWorkshops()
}

// Close stops taking Appends (they fail with ErrClosed), lets the committer
// finish the batch it has, and closes the database. It is safe to call more
// than once; reads keep working on what was committed.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		close(s.quit)
		<-s.done
		s.dbMu.Lock()
		s.dbClosed = true
		err := s.db.Close()
		s.dbMu.Unlock()
		if err != nil {
			err = fmt.Errorf("data: close database: %w", err)
		}
		s.closeErr = errors.Join(err, s.lock.Close())
	})
	return s.closeErr
}

// checkSpace refuses writes when the database's disk is nearly full.
func (s *Store) checkSpace() error {
	free, err := s.freeBytes(s.dir)
	if err != nil {
		// Not knowing is no reason to stop a workshop: let Badger try.
		s.log.Warn("cannot measure free disk space", "dir", s.dir, "err", err)
		return nil
	}
	if free < minFreeBytes {
		return fmt.Errorf("data: %w: %d MB left in %s, writes need %d MB: free some space",
			ErrDiskFull, free>>20, s.dir, minFreeBytes>>20)
	}
	return nil
}

// withDB runs f while the database is open, or returns ErrClosed.
func (s *Store) withDB(f func(db *badger.DB) error) error {
	s.dbMu.RLock()
	defer s.dbMu.RUnlock()
	if s.dbClosed {
		return ErrClosed
	}
	return f(s.db)
}

// Secret returns the installation secret: 32 random bytes made when the
// database was created, which key participants' identity hashes.
func (s *Store) Secret() []byte {
	return append([]byte(nil), s.secret...)
}

func (s *Store) loadSecret() error {
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(secretKey))
		if err != nil {
			return err
		}
		s.secret, err = item.ValueCopy(nil)
		return err
	})
	if err == nil {
		if len(s.secret) != 32 {
			return fmt.Errorf("data: the installation secret is %d bytes, not 32", len(s.secret))
		}
		return nil
	}
	if !errors.Is(err, badger.ErrKeyNotFound) {
		return fmt.Errorf("data: read the installation secret: %w", err)
	}
	secret := make([]byte, 32)
	rand.Read(secret) // crypto/rand.Read never fails (Go 1.24+)
	err = s.db.Update(func(txn *badger.Txn) error { return txn.Set([]byte(secretKey), secret) })
	if err != nil {
		return fmt.Errorf("data: store the installation secret: %w", err)
	}
	s.secret = secret
	return nil
}

// Stats counts the committer's work since Open.
type Stats struct {
	// Batches is how many rounds of the committer wrote to the database.
	Batches uint64
	// Commits is how many Badger transactions committed; a batch too big
	// for one transaction takes several.
	Commits uint64
	// Events is how many events were committed.
	Events uint64
}

// Stats returns the committer's counters.
func (s *Store) Stats() Stats {
	return Stats{
		Batches: s.stats.batches.Load(),
		Commits: s.stats.commits.Load(),
		Events:  s.stats.events.Load(),
	}
}
