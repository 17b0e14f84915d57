package runtime

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Content codings (RFC 9110 8.4) of request and response bodies. Graph
// accepts compressed request bodies, and Microsoft's Go SDK (kiota)
// gzips every request body by default, retrying uncompressed when it
// gets 415; the handler undoes gzip and deflate (identity is no coding),
// answers 415 with Accept-Encoding for any other coding, and applies the
// size limit to the decoded bytes as well as to the bytes sent, so a
// small compressed body that inflates past the limit gets 413.

// acceptedCodings is the Accept-Encoding of a 415 for an unknown coding.
const acceptedCodings = "gzip, deflate, identity"

// maxCodings bounds the codings of one body: each layer costs a
// decompressor, and nobody compresses twice.
const maxCodings = 2

// contentCodings returns the codings a Content-Encoding header lists, in
// the order they were applied, lower-cased, identity left out; a 415 for
// a coding it cannot undo.
func contentCodings(h http.Header) ([]string, *Error) {
	var codings []string
	for _, line := range h.Values("Content-Encoding") {
		for c := range strings.SplitSeq(line, ",") {
			switch c = strings.ToLower(strings.TrimSpace(c)); c {
			case "", "identity":
			case "gzip", "x-gzip", "deflate":
				codings = append(codings, c)
			default:
				return nil, errorf(http.StatusUnsupportedMediaType, "unsupportedMediaType",
					"content encoding %s is not supported, want one of %s", strconv.Quote(c), acceptedCodings)
			}
		}
	}
	if len(codings) > maxCodings {
		return nil, errorf(http.StatusUnsupportedMediaType, "unsupportedMediaType",
			"content encoding %q applies %d codings, at most %d are undone", strings.Join(codings, ", "), len(codings), maxCodings)
	}
	return codings, nil
}

// decodeContent returns a reader of rd with codings undone, the last
// applied first.
func decodeContent(rd io.Reader, codings []string) (io.Reader, error) {
	for i := len(codings) - 1; i >= 0; i-- {
		var err error
		switch codings[i] {
		case "gzip", "x-gzip":
			rd, err = gzip.NewReader(rd)
		case "deflate":
			rd, err = newDeflateReader(rd)
		default:
			err = fmt.Errorf("content encoding %q is not supported", codings[i])
		}
		if err != nil {
			return nil, codingError(codings[i], err)
		}
	}
	return rd, nil
}

// newDeflateReader reads HTTP's "deflate", which RFC 9110 defines as the
// zlib format; some senders write a bare deflate stream, which is read
// too (told apart by the zlib header check).
func newDeflateReader(rd io.Reader) (io.Reader, error) {
	br := bufio.NewReader(rd)
	head, err := br.Peek(2)
	if err == nil && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
		return zlib.NewReader(br)
	}
	return flate.NewReader(br), nil
}

// codingError names the coding whose data is broken; a size-limit error
// stays as it is, so that it is answered 413.
func codingError(coding string, err error) error {
	var big *http.MaxBytesError
	if errors.As(err, &big) {
		return err
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("invalid %s data: %w", coding, err)
}

// readBody reads r's body, codings undone, limited to limit bytes both as
// sent and decoded: 413 above it, 400 for broken compressed data.
func readBody(w http.ResponseWriter, r *http.Request, codings []string, limit int64) ([]byte, *Error) {
	rd, err := decodeContent(http.MaxBytesReader(w, r.Body, limit), codings)
	var data []byte
	if err == nil {
		data, err = readAll(io.LimitReader(rd, limit+1), sizeHint(r.ContentLength, codings, limit))
		if err != nil && len(codings) > 0 {
			err = codingError(strings.Join(codings, ", "), err)
		}
	}
	var big *http.MaxBytesError
	switch {
	case errors.As(err, &big):
		return nil, tooLarge(big.Limit)
	case err != nil:
		return nil, badRequest("request body: %v", err)
	case int64(len(data)) > limit:
		return nil, tooLarge(limit)
	}
	return data, nil
}

// maxSizeHint bounds the buffer made up front from a declared length.
const maxSizeHint = 16 << 20

// sizeHint is the size to read a body of declared length n into: n when
// it is known, uncompressed and at most limit (and maxSizeHint), else 0.
func sizeHint(n int64, codings []string, limit int64) int64 {
	if n <= 0 || len(codings) > 0 || n > min(limit, maxSizeHint) {
		return 0
	}
	return n
}

// readAll is io.ReadAll into one buffer of size+1 bytes when size (the
// declared length) is right, instead of a buffer grown from 512 bytes
// with a copy at every step. The byte to spare sees the end of the input
// without growing.
func readAll(rd io.Reader, size int64) ([]byte, error) {
	if size <= 0 {
		return io.ReadAll(rd)
	}
	buf := make([]byte, 0, size+1)
	for {
		n, err := rd.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		switch {
		case err == io.EOF:
			return buf, nil
		case err != nil:
			return buf, err
		case len(buf) == cap(buf): // longer than declared
			rest, err := io.ReadAll(rd)
			return append(buf, rest...), err
		}
	}
}
