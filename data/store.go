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
	// Allowance is how fast one participant may write (see
	// inquiry.Allowance); the zero value is inquiry.DefaultAllowance, and a
	// negative Burst means no limit.
	Allowance inquiry.Allowance
	// TextBudget is the bytes of people's words one workshop may hold; 0
	// is DefaultTextBudget, and a negative budget means no limit.
	TextBudget int64
	// EncryptionKey, when set, encrypts the database at rest with AES (16,
	// 24 or 32 bytes: AES-128, -192 or -256). A database made with a key
	// opens only with the same key; ReadKeyFile reads one from a file.
	EncryptionKey []byte
	// TailEvents is how many of each workshop's newest events are kept
	// decoded in memory; older ones are read from the database when a rare
	// reader asks for them. 0 means DefaultTailEvents.
	TailEvents int
	// SnapshotEvery is how many events a workshop takes between snapshots
	// of its state, which let a start fold only the events after the
	// latest. 0 means DefaultSnapshotEvery. A snapshot is also taken of
	// every workshop that changed when the store closes.
	SnapshotEvery int
}

// Errors the store returns. Callers test with errors.Is.
var (
	// ErrLocked means another process (usually the running server) holds
	// the database folder.
	ErrLocked = errors.New("the database is in use by another process (is the server running?)")
	// ErrCodeTaken means another workshop already has the join code.
	ErrCodeTaken = errors.New("join code is taken by another workshop")
	// ErrClosed means the store has been closed. It is an
	// inquiry.ErrStopping, which screens check for.
	ErrClosed = fmt.Errorf("the store is closed: %w", inquiry.ErrStopping)
	// ErrDiskFull means the database's disk is nearly full, so writes are
	// refused until space is freed. It is an inquiry.ErrDiskFull, with its
	// text, written for the person whose words were not saved; the store
	// logs the details (how much is left, where) for whoever runs the
	// server.
	ErrDiskFull = fmt.Errorf("%w", inquiry.ErrDiskFull)
	// ErrEncrypted means the database is encrypted and no key was given.
	ErrEncrypted = errors.New("the database is encrypted: it opens only with its encryption key")
	// ErrWrongKey means the key given does not open the database: it is
	// another key, or the database is not encrypted.
	ErrWrongKey = errors.New("the encryption key does not fit this database (it is another key, or the database is not encrypted)")
	// ErrOpenFolder means the database folder can be read or changed by
	// other users of the machine.
	ErrOpenFolder = errors.New("other users of this machine can read or change the data folder")
)

// minFreeBytes is the space a write needs left on the database's disk.
// Badger writes through memory-mapped files, so a full disk kills the
// process with SIGBUS instead of failing the write: refuse writes well
// before that. The margin covers a memtable's log (16 MB mapped), a value
// log file (16 MB) and a flush to level 0.
const minFreeBytes = 64 << 20

// Store is the database of workshops, facilitators, guides, scribes,
// drafts, resume codes and the installation secret, with the live feed of
// what changes. Its methods are safe for concurrent use.
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
	codes        map[string]string // join code as compared (codeKey) → workshop ID
	facilitators map[string]Facilitator
	guides       map[string]addedGuide
	scribes      map[string]map[string]Scribe // workshop ID → key fingerprint → scribe
	enrolMu      sync.Mutex                   // one enrolment (facilitator or scribe) at a time
	guideMu      sync.Mutex                   // one guide added at a time
	resume       resumeCodes                  // resume codes, derived from the logs

	feed   feed
	drafts drafts
	snaps  snapshots
	// tailEvents and snapshotEvery are Options' (with the defaults).
	tailEvents, snapshotEvery int
	// checked is closed when the background check of the chains the
	// start took on trust from snapshots has finished or given up.
	checked chan struct{}
	// released is closed when the goroutine handing back the tables'
	// pages (mapped.go) has stopped.
	released chan struct{}
	// committer is the goroutine that writes; its state is its own
	// while it runs (tests look at it once the store is closed).
	committer *committer

	requests chan *request // unbuffered: a send succeeds only into the committer's hands
	quit     chan struct{} // closed by Close
	done     chan struct{} // closed when the committer has stopped

	// dbMu keeps Close from closing Badger under a write or a read;
	// dbClosed is set under its write lock.
	dbMu      sync.RWMutex
	dbClosed  bool
	closeOnce sync.Once
	closeErr  error
	// writeMu keeps writers other than the committer out while a scrub has
	// Badger's writes blocked: they hold it for reading, the scrub for
	// writing. The committer runs the scrub itself, so never meets it.
	writeMu sync.RWMutex
	// scrubPending is set when a scrub could not finish; Close tries again,
	// and the marker in the database makes the next Open try too.
	scrubPending atomic.Bool

	stats struct{ batches, commits, events atomic.Uint64 }

	// allowance and budget are the limits on writing (see limits.go).
	allowance inquiry.Allowance
	budget    int64

	dir string
	// freeBytes measures the space left on dir's disk; tests replace it.
	freeBytes func(dir string) (uint64, error)
	// failWrite, when set by a test, replaces the outcome of writing a batch.
	failWrite func() error
}

// Open opens (creating if needed) the database in opts.Dir, replays every
// workshop's log, finishes any erasure a crash interrupted and starts the
// committer. It fails with ErrLocked if another process, or another Store
// in this one, holds the folder; with ErrOpenFolder if other users can
// read or change the folder; and with ErrEncrypted or ErrWrongKey if the
// encryption key is missing or does not fit.
func Open(opts Options) (*Store, error) {
	if opts.Dir == "" {
		return nil, errors.New("data: no database folder given")
	}
	if n := len(opts.EncryptionKey); n != 0 && n != 16 && n != 24 && n != 32 {
		return nil, fmt.Errorf("data: an encryption key is 16, 24 or 32 bytes, not %d", n)
	}
	if err := os.MkdirAll(opts.Dir, 0o700); err != nil {
		return nil, fmt.Errorf("data: create %s: %w", opts.Dir, err)
	}
	if err := checkPrivate(opts.Dir); err != nil {
		return nil, err
	}
	logger := opts.Logger
	if logger == nil {
		logger = log.New(io.Discard)
	}
	lock, err := lockDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	db, err := openBadger(opts.Dir, opts.Logger, opts.EncryptionKey)
	if err != nil {
		lock.Close()
		return nil, err
	}
	tightenFiles(opts.Dir, logger)
	s := &Store{
		db: db, lock: lock, now: opts.Now, log: logger, dir: opts.Dir, freeBytes: freeBytes,
		logs: map[string]*workshopLog{}, codes: map[string]string{}, facilitators: map[string]Facilitator{},
		guides: map[string]addedGuide{}, scribes: map[string]map[string]Scribe{},
		requests: make(chan *request), quit: make(chan struct{}), done: make(chan struct{}),
		checked: make(chan struct{}), released: make(chan struct{}), tailEvents: opts.TailEvents, snapshotEvery: opts.SnapshotEvery,
	}
	if s.now == nil {
		s.now = time.Now
	}
	s.allowance, s.budget = opts.Allowance, opts.TextBudget
	if s.allowance == (inquiry.Allowance{}) {
		s.allowance = inquiry.DefaultAllowance
	}
	if s.budget == 0 {
		s.budget = DefaultTextBudget
	}
	if s.tailEvents <= 0 {
		s.tailEvents = DefaultTailEvents
	}
	if s.snapshotEvery <= 0 {
		s.snapshotEvery = DefaultSnapshotEvery
	}
	s.feed.init()
	s.drafts.init()
	c, checks, err := s.load()
	if err != nil {
		db.Close()
		lock.Close()
		return nil, err
	}
	s.committer = c
	go c.run()
	go s.snaps.run()
	go s.checkChains(checks)
	go s.flushDraftsWhileOpen()
	go s.releaseTablesWhileOpen()
	return s, nil
}

// load reads the secret, the facilitators, the guides, the scribes and
// every workshop's state, finishes any erasure a crash interrupted, and
// returns the committer primed with the workshops' state and the checks
// of whole chains left for the background.
func (s *Store) load() (*committer, []chainCheck, error) {
	for _, load := range []func() error{s.loadSecret, s.loadFacilitators, s.loadGuides, s.loadScribes} {
		if err := load(); err != nil {
			return nil, nil, err
		}
	}
	s.snaps.init(s)
	c, checks, erasures, err := s.loadWorkshops()
	if err == nil {
		err = s.finishErasures(c, erasures)
	}
	if err == nil {
		s.retireMerged()
	}
	return c, checks, err
}

// Close stops taking Appends (they fail with ErrClosed), lets the committer
// finish the batch it has, writes the drafts not yet written and closes
// the database. It is safe to call more than once; reads keep working on
// what was committed.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		close(s.quit)
		<-s.done // the committer has handed over a snapshot of every workshop that changed
		s.snaps.stop()
		<-s.checked
		<-s.released
		<-s.drafts.stopped
		var errs []error
		if err := s.flushDrafts(); err != nil {
			errs = append(errs, fmt.Errorf("data: write drafts: %w", err))
		}
		if s.scrubPending.Load() {
			if err := s.scrub(); err != nil {
				s.log.Error("erased words may remain in the database files until the next start", "err", err)
			}
		}
		s.dbMu.Lock()
		s.dbClosed = true
		if err := s.db.Close(); err != nil {
			errs = append(errs, fmt.Errorf("data: close database: %w", err))
		}
		s.dbMu.Unlock()
		// Badger made its last files while closing.
		tightenFiles(s.dir, s.log)
		errs = append(errs, s.lock.Close())
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}

// checkSpace refuses writes when the database's disk is nearly full. The
// error is ErrDiskFull alone, fit for a participant's screen; the details
// go to the log.
func (s *Store) checkSpace() error {
	free, err := s.freeBytes(s.dir)
	if err != nil {
		// Not knowing is no reason to stop a workshop: let Badger try.
		s.log.Warn("cannot measure free disk space", "dir", s.dir, "err", err)
		return nil
	}
	if free < minFreeBytes {
		s.log.Error("the disk is nearly full: writes are refused until space is freed",
			"dir", s.dir, "free_mb", free>>20, "needed_mb", minFreeBytes>>20)
		return ErrDiskFull
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

// update runs a write transaction for a writer other than the committer:
// refused when the disk is nearly full, and never while a scrub has
// Badger's writes blocked.
func (s *Store) update(f func(txn *badger.Txn) error) error {
	s.writeMu.RLock()
	defer s.writeMu.RUnlock()
	return s.withDB(func(db *badger.DB) error {
		if err := s.checkSpace(); err != nil {
			return err
		}
		return db.Update(f)
	})
}

// updateEntries writes entries for a writer other than the committer, as
// update does, in as many transactions as they need.
func (s *Store) updateEntries(entries []entry) error {
	s.writeMu.RLock()
	defer s.writeMu.RUnlock()
	return s.withDB(func(db *badger.DB) error {
		if err := s.checkSpace(); err != nil {
			return err
		}
		_, err := writeEntries(db, entries)
		return err
	})
}

// view runs a read transaction while the database is open.
func (s *Store) view(f func(txn *badger.Txn) error) error {
	return s.withDB(func(db *badger.DB) error { return db.View(f) })
}

// set writes a value marked to discard the key's earlier versions: a
// compaction then drops them, and a backup stops at this one, so an old
// draft or an erased text does not travel on in a backup.
func set(txn *badger.Txn, key, value []byte) error {
	return txn.SetEntry(badger.NewEntry(key, value).WithDiscard())
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
	err = s.db.Update(func(txn *badger.Txn) error { return set(txn, []byte(secretKey), secret) })
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
