//go:build race

package parser

// raceDetector: the race detector slows code 2-20x and adds shadow memory,
// which the adversarial tests' time and memory bounds do not model.
const raceDetector = true
