//go:build !linux

package main

import "os"

// readPage reads a whole input page and returns the size and modification
// time the file had before it was read (ok false for a file that is not
// regular).
func readPage(name string) (data []byte, size, mtime int64, ok bool, err error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, 0, 0, false, err
	}
	data, err = os.ReadFile(name)
	return data, info.Size(), info.ModTime().UnixNano(), err == nil && info.Mode().IsRegular(), err
}
