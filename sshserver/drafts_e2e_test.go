package sshserver

import (
	"testing"
)

// TestDroppedConnectionKeepsTheDraft cuts a participant's connection in
// the middle of a sentence, as a laptop lid closing or a rural line
// dropping would, and connects again with the same key: the person is
// recognised and the unsent words are back in the editor.
func TestDroppedConnectionKeepsTheDraft(t *testing.T) {
	alice := newKey(t)
	srv := startServer(t, "", withFacilitators(t, alice))
	newWorkshop(t, srv.addr, alice, `--title "Village hall" --code village-hall`)
	morag := newKey(t)
	client, _ := dial(t, srv.addr, "village-hall", withKeys(morag))
	term := openTerminalOn(t, client, 80, 24)
	term.waitFor("Your name or pseudonym")
	term.typeText("Morag\r\t \r")
	term.waitFor("Welcome, Morag")
	term.typeText("\x1b[6~") // on to the second prompt
	term.waitFor("Discover 2 · 2 of 11")
	term.typeText("The bus to the health centre stopped running in")
	term.waitFor("┃ The bus to the health centre stopped running in")
	client.Close() // the line drops, mid-sentence

	again := openTerminal(t, srv.addr, "village-hall", 80, 24, withKeys(morag))
	again.waitFor("Welcome back, Morag", "Discover 2 · 2 of 11", "┃ The bus to the health centre stopped running in")
}
