//go:build !unix

package main

import "os"

// readPage reads a whole input page.
func readPage(name string) ([]byte, error) { return os.ReadFile(name) }
