package runtimebench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"time"
)

// The stdlib peer: what a careful hand-written service and client for the
// seed endpoint do with the standard library alone. Its handler checks the
// content type, limits the body, decodes with DisallowUnknownFields into
// pointer fields (time.Time for the date-times), calls the service and
// encodes the answer with a Location; its client encodes, sends and
// decodes. It validates less than docs2go (no trailing data check, no
// base64url, no read-only or enum rules), which is what makes it a floor.

// stdProfile is androidDeviceOwnerEnrollmentProfile as a hand-written type.
type stdProfile struct {
	ODataType               *string         `json:"@odata.type,omitempty"`
	AccountID               *string         `json:"accountId,omitempty"`
	ID                      *string         `json:"id,omitempty"`
	DisplayName             *string         `json:"displayName,omitempty"`
	Description             *string         `json:"description,omitempty"`
	EnrollmentMode          *string         `json:"enrollmentMode,omitempty"`
	CreatedDateTime         *time.Time      `json:"createdDateTime,omitempty"`
	LastModifiedDateTime    *time.Time      `json:"lastModifiedDateTime,omitempty"`
	TokenValue              *string         `json:"tokenValue,omitempty"`
	TokenCreationDateTime   *time.Time      `json:"tokenCreationDateTime,omitempty"`
	TokenExpirationDateTime *time.Time      `json:"tokenExpirationDateTime,omitempty"`
	EnrolledDeviceCount     *int32          `json:"enrolledDeviceCount,omitempty"`
	EnrollmentTokenType     *string         `json:"enrollmentTokenType,omitempty"`
	QrCodeContent           *string         `json:"qrCodeContent,omitempty"`
	QrCodeImage             *stdMimeContent `json:"qrCodeImage,omitempty"`
	RoleScopeTagIDs         []string        `json:"roleScopeTagIds,omitempty"`
}

// stdMimeContent is mimeContent as a hand-written type.
type stdMimeContent struct {
	ODataType *string `json:"@odata.type,omitempty"`
	Type      *string `json:"type,omitempty"`
	Value     []byte  `json:"value,omitempty"`
}

// stdHandler serves the seed endpoint on a ServeMux, as docs2go's does;
// serve is the service.
func stdHandler(serve func(context.Context, *stdProfile) (*stdProfile, error)) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+seedPath, func(w http.ResponseWriter, r *http.Request) {
		if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
			http.Error(w, "want application/json", http.StatusUnsupportedMediaType)
			return
		}
		dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4<<20))
		dec.DisallowUnknownFields()
		var body stdProfile
		if err := dec.Decode(&body); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		res, err := serve(r.Context(), &body)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		data, err := json.Marshal(res)
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		if res.ID != nil {
			w.Header().Set("Location", r.URL.Path+"/"+*res.ID)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		w.Write(data)
	})
	return mux
}

// stdCreate is the hand-written client call.
func stdCreate(ctx context.Context, hc *http.Client, baseURL, token string, body *stdProfile) (*stdProfile, error) {
	data, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, baseURL+seedPath, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusCreated {
		return nil, fmt.Errorf("status %d: %s", resp.StatusCode, answer)
	}
	out := new(stdProfile)
	if err := json.Unmarshal(answer, out); err != nil {
		return nil, err
	}
	return out, nil
}
