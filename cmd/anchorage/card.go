package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/anchorage/anchorage/inquiry/card"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"
)

// where is how participants reach the server whose data this is, for the
// offline join card: this machine's name, the port the running server
// noted (or the configured one), and the fingerprint of the host key in
// the data folder.
func (a *app) where(cmd *cobra.Command) (card.Where, error) {
	cfg, err := a.config(cmd)
	if err != nil {
		return card.Where{}, err
	}
	_, port := runningServer(cfg)
	host, err := os.Hostname()
	if err != nil || host == "" {
		return card.Where{}, fmt.Errorf("this machine has no name to put on the card: give --host")
	}
	fingerprint, err := hostKeyFingerprint(cfg.HostKeyPath)
	if err != nil {
		return card.Where{}, err
	}
	return card.Where{Host: host, Port: port, Fingerprint: fingerprint}, nil
}

// hostKeyFingerprint is the SHA256 fingerprint of the server's host key,
// as ssh shows it to someone connecting for the first time.
func hostKeyFingerprint(path string) (string, error) {
	key, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("there is no host key at %s yet: the server makes it the first time it starts, "+
			"so start it once (anchorage serve) and then make the card", path)
	}
	if err != nil {
		return "", fmt.Errorf("read the server's host key: %w", err)
	}
	signer, err := gossh.ParsePrivateKey(key)
	if err != nil {
		return "", fmt.Errorf("read the server's host key %s: %w", path, err)
	}
	return gossh.FingerprintSHA256(signer.PublicKey()), nil
}
