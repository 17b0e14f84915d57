package runtimebench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
)

// The stdlib peer: what a careful hand-written service and client do with
// the standard library alone. Its handler checks the content type, limits
// the body, decodes with DisallowUnknownFields into pointer fields
// (time.Time for the date-times), calls the service and encodes the answer
// with a Location for a created entity; its client encodes, sends and
// decodes. It validates less than docs2go (no trailing data check, no
// base64url, no read-only or enum rules), which is what makes it a floor.
// The peer types of each endpoint are in that endpoint's file.

// maxBody is the peer handlers' body limit.
const maxBody = 4 << 20

// stdReadBody checks the content type and reads the body under the limit,
// answering the error itself when it fails.
func stdReadBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		http.Error(w, "want application/json", http.StatusUnsupportedMediaType)
		return nil, false
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return nil, false
	}
	return data, true
}

// strictDecode decodes data into v refusing unknown properties.
func strictDecode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// strictInto decodes data strictly into a new T, as the handlers of the
// peer's monomorphic bodies do.
func strictInto[T any](data []byte) error { return strictDecode(data, new(T)) }

// stdWrite encodes res as the answer, with a Location when id is set.
func stdWrite(w http.ResponseWriter, r *http.Request, status int, res any, id *string) {
	data, err := json.Marshal(res)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if id != nil {
		w.Header().Set("Location", r.URL.Path+"/"+*id)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(data)
}

// identified is a peer type whose id makes the Location of a created one.
type identified interface{ entityID() *string }

// stdCreateHandler serves a create on path, as docs2go's does on a
// ServeMux: decode checks the body, res is the answer.
func stdCreateHandler(path string, decode func([]byte) error, res identified) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+path, func(w http.ResponseWriter, r *http.Request) {
		data, ok := stdReadBody(w, r)
		if !ok {
			return
		}
		if err := decode(data); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		stdWrite(w, r, http.StatusCreated, res, res.entityID())
	})
	return mux
}

// stdCall is the hand-written client call: stdSend, then decode the
// answer into a T.
func stdCall[T any](ctx context.Context, hc *http.Client, method, path string, body any, want int) (*T, error) {
	answer, err := stdSend(ctx, hc, method, path, body, want)
	if err != nil {
		return nil, err
	}
	out := new(T)
	if err := json.Unmarshal(answer, out); err != nil {
		return nil, err
	}
	return out, nil
}

// stdSend encodes body (none when nil), sends it, checks the status and
// returns the answer.
func stdSend(ctx context.Context, hc *http.Client, method, path string, body any, want int) ([]byte, error) {
	var rd io.Reader
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, benchBaseURL+path, rd)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+benchToken)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != want {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, answer)
	}
	return answer, nil
}
