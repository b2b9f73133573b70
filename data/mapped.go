package data

import "time"

// Badger maps its tables into memory and reads them through the mapping,
// so every page a read or a flush touched stays in the server's resident
// memory: after the start's check of a workshop of 30,000 contributions,
// some 27 MB it will seldom read again (the store serves readers from its
// fold and a tail of decoded events). The store hands those pages back to
// the system's page cache after the check, and every releaseEvery while
// it is open; a later read maps them in again.

// releaseEvery is how often the store hands back the pages of Badger's
// tables that reads, flushes and compactions have brought in.
const releaseEvery = 20 * time.Second

// releaseTablesWhileOpen hands back the tables' pages every releaseEvery
// until the store closes.
func (s *Store) releaseTablesWhileOpen() {
	defer close(s.released)
	t := time.NewTicker(releaseEvery)
	defer t.Stop()
	for {
		select {
		case <-s.quit:
			return
		case <-t.C:
			s.releaseTables()
		}
	}
}

// releaseTables hands back the pages of the tables mapped now. A failure
// costs only memory, so it is logged, not returned.
func (s *Store) releaseTables() {
	if _, err := releaseMappedTables(s.dir); err != nil {
		s.log.Warn("could not hand back the database tables' pages; they stay in memory", "err", err)
	}
}
