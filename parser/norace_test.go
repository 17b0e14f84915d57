//go:build !race

package parser

// raceDetector: see race_test.go.
const raceDetector = false
