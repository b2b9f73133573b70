//go:build !unix

package data

import "charm.land/log/v2"

// checkPrivate has no Unix modes to check on this platform: the folder's
// access control list is the operating system's business.
func checkPrivate(string) error { return nil }

// tightenFiles has no Unix modes to change on this platform.
func tightenFiles(string, *log.Logger) {}
