package link

// Passes whose work on one item (a page, a type) reads the index and writes
// only what belongs to that item run on every core: each item works on a
// shard, a copy of the linker that shares the index but collects its own
// diagnostics, endpoints and skips, and the shards are merged in item
// order. The result is exactly the serial pass's, whatever the scheduling.

// shard returns a linker sharing l's index, with empty outputs.
func (l *linker) shard() *linker {
	s := *l
	s.diags, s.endpoints, s.skipped = nil, nil, nil
	return &s
}

// absorb appends a shard's outputs to l's.
func (l *linker) absorb(s *linker) {
	l.diags = append(l.diags, s.diags...)
	l.endpoints = append(l.endpoints, s.endpoints...)
	l.skipped = append(l.skipped, s.skipped...)
}

// sharded runs work(s, i) for i in 0 … n-1 on every core, each item on its
// own shard s, and merges the shards in order of i. work must write nothing
// shared but its item. A panic that escapes work (outside the page guards)
// is raised again once the shards before it are merged, with the page its
// shard was working on, as the serial pass would have.
func (l *linker) sharded(n int, work func(s *linker, i int)) {
	shards := make([]*linker, n)
	panics := make([]any, n)
	parallel(n, func(i int) {
		defer func() { panics[i] = recover() }()
		shards[i] = l.shard()
		work(shards[i], i)
	})
	for i, s := range shards {
		l.absorb(s)
		if panics[i] != nil {
			l.working = s.working
			panic(panics[i])
		}
	}
}
