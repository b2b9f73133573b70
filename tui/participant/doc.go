// Package participant is the screen of someone taking part in a
// workshop: the join code if they came without one, the join form (or a
// resume code), then the guide, where they write their contributions one
// prompt at a time, with their own list, what others wrote, and the vote.
// It keeps only what one person needs from the workshop's log, so that a
// room of hundreds does not hold the workshop hundreds of times.
package participant
