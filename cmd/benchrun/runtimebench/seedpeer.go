package runtimebench

import "time"

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

func (p *stdProfile) entityID() *string { return p.ID }

// stdMimeContent is mimeContent as a hand-written type.
type stdMimeContent struct {
	ODataType *string `json:"@odata.type,omitempty"`
	Type      *string `json:"type,omitempty"`
	Value     []byte  `json:"value,omitempty"`
}
