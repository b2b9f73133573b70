// Package sshtest gives tests what they need to reach an SSH server on
// 127.0.0.1, as net/http/httptest does for HTTP: keys and the files that
// hold them, clients that dial and run commands, a server served on a free
// port, and a buffer to read a session's output while it is written.
//
// It imports nothing of Anchorage's, so the tests of any package can use
// it, sshserver's own included.
package sshtest

import "time"

// Deadline bounds every wait here: dialling, a connection's reads and
// writes, a command, a server's shutdown.
const Deadline = 20 * time.Second
