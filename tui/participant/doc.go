// Package participant is the screen of someone taking part in a
// workshop: the join code if they came without one (looked up off the
// screen's Update, see lookup.go), the join form (or a resume code), the
// lobby's waiting screen where a facilitator holds one, then the guide,
// where they write their contributions one prompt at a time (a barrier's
// reframe among them), with their own list, what others wrote (to build
// on, agree with or read whole), and the vote.
// It keeps only what one person needs from the workshop's log, so that a
// room of hundreds does not hold the workshop hundreds of times.
package participant
