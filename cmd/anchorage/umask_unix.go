//go:build unix

package main

import "golang.org/x/sys/unix"

// privateFiles sets the process's umask so that every file it makes is
// its owner's alone: Badger asks for 0666 and 0644, and gets 0600.
func privateFiles() { unix.Umask(0o077) }
