//go:build !unix

package main

// privateFiles has no umask to set on this platform.
func privateFiles() {}
