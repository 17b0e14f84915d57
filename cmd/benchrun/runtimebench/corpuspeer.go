package runtimebench

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// The peer's types for the corpus endpoints: the properties of the
// trimmed pages, pointer fields, time.Time for the date-times, plain
// strings for the enums (the peer checks no enum).

// stdMobileApp is mobileApp, the polymorphic base.
type stdMobileApp struct {
	ODataType             *string         `json:"@odata.type,omitempty"`
	ID                    *string         `json:"id,omitempty"`
	DisplayName           *string         `json:"displayName,omitempty"`
	Description           *string         `json:"description,omitempty"`
	Publisher             *string         `json:"publisher,omitempty"`
	LargeIcon             *stdMimeContent `json:"largeIcon,omitempty"`
	CreatedDateTime       *time.Time      `json:"createdDateTime,omitempty"`
	LastModifiedDateTime  *time.Time      `json:"lastModifiedDateTime,omitempty"`
	IsFeatured            *bool           `json:"isFeatured,omitempty"`
	PrivacyInformationURL *string         `json:"privacyInformationUrl,omitempty"`
	InformationURL        *string         `json:"informationUrl,omitempty"`
	Owner                 *string         `json:"owner,omitempty"`
	Developer             *string         `json:"developer,omitempty"`
	Notes                 *string         `json:"notes,omitempty"`
	PublishingState       *string         `json:"publishingState,omitempty"`
}

func (a *stdMobileApp) entityID() *string { return a.ID }

// stdWebApp is webApp, derived from mobileApp.
type stdWebApp struct {
	stdMobileApp
	AppURL            *string `json:"appUrl,omitempty"`
	UseManagedBrowser *bool   `json:"useManagedBrowser,omitempty"`
}

// stdAndroidStoreApp is androidStoreApp, derived from mobileApp.
type stdAndroidStoreApp struct {
	stdMobileApp
	PackageID                       *string         `json:"packageId,omitempty"`
	AppStoreURL                     *string         `json:"appStoreUrl,omitempty"`
	MinimumSupportedOperatingSystem map[string]bool `json:"minimumSupportedOperatingSystem,omitempty"`
}

// stdDecodeMobileApp decodes a mobileApp the way a hand-written service
// does: a first pass for "@odata.type", a second one, with decode, into
// the type it names.
func stdDecodeMobileApp(data []byte, decode func([]byte, any) error) (identified, error) {
	var head struct {
		ODataType string `json:"@odata.type"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, err
	}
	var v identified
	switch head.ODataType {
	case "#microsoft.graph.webApp":
		v = new(stdWebApp)
	case "#microsoft.graph.androidStoreApp":
		v = new(stdAndroidStoreApp)
	default:
		v = new(stdMobileApp)
	}
	return v, decode(data, v)
}

// strictMobileApp is the handler's check of a mobileApp body.
func strictMobileApp(data []byte) error {
	_, err := stdDecodeMobileApp(data, strictDecode)
	return err
}

// stdCreateMobileApp is the client's mobileApp create.
func stdCreateMobileApp(ctx context.Context, hc *http.Client, path string, body identified) (identified, error) {
	answer, err := stdSend(ctx, hc, http.MethodPost, path, body, http.StatusCreated)
	if err != nil {
		return nil, err
	}
	return stdDecodeMobileApp(answer, json.Unmarshal)
}

// stdEvent is event with the outlookItem and entity properties.
type stdEvent struct {
	ODataContext               *string            `json:"@odata.context,omitempty"`
	ODataEtag                  *string            `json:"@odata.etag,omitempty"`
	ID                         *string            `json:"id,omitempty"`
	CreatedDateTime            *time.Time         `json:"createdDateTime,omitempty"`
	LastModifiedDateTime       *time.Time         `json:"lastModifiedDateTime,omitempty"`
	ChangeKey                  *string            `json:"changeKey,omitempty"`
	Categories                 []string           `json:"categories,omitempty"`
	OriginalStartTimeZone      *string            `json:"originalStartTimeZone,omitempty"`
	OriginalEndTimeZone        *string            `json:"originalEndTimeZone,omitempty"`
	ICalUID                    *string            `json:"iCalUId,omitempty"`
	ReminderMinutesBeforeStart *int32             `json:"reminderMinutesBeforeStart,omitempty"`
	IsReminderOn               *bool              `json:"isReminderOn,omitempty"`
	HasAttachments             *bool              `json:"hasAttachments,omitempty"`
	Subject                    *string            `json:"subject,omitempty"`
	BodyPreview                *string            `json:"bodyPreview,omitempty"`
	Importance                 *string            `json:"importance,omitempty"`
	Sensitivity                *string            `json:"sensitivity,omitempty"`
	IsAllDay                   *bool              `json:"isAllDay,omitempty"`
	IsCancelled                *bool              `json:"isCancelled,omitempty"`
	IsOrganizer                *bool              `json:"isOrganizer,omitempty"`
	ResponseRequested          *bool              `json:"responseRequested,omitempty"`
	SeriesMasterID             *string            `json:"seriesMasterId,omitempty"`
	ShowAs                     *string            `json:"showAs,omitempty"`
	Type                       *string            `json:"type,omitempty"`
	WebLink                    *string            `json:"webLink,omitempty"`
	OnlineMeetingURL           *string            `json:"onlineMeetingUrl,omitempty"`
	IsOnlineMeeting            *bool              `json:"isOnlineMeeting,omitempty"`
	OnlineMeetingProvider      *string            `json:"onlineMeetingProvider,omitempty"`
	OnlineMeeting              *stdOnlineMeeting  `json:"onlineMeeting,omitempty"`
	ResponseStatus             *stdResponseStatus `json:"responseStatus,omitempty"`
	Body                       *stdItemBody       `json:"body,omitempty"`
	Start                      *stdDateTimeZone   `json:"start,omitempty"`
	End                        *stdDateTimeZone   `json:"end,omitempty"`
	Location                   *stdLocation       `json:"location,omitempty"`
	Locations                  []stdLocation      `json:"locations,omitempty"`
	Recurrence                 *stdRecurrence     `json:"recurrence,omitempty"`
	Attendees                  []stdAttendee      `json:"attendees,omitempty"`
	Organizer                  *stdRecipient      `json:"organizer,omitempty"`
}

func (e *stdEvent) entityID() *string { return e.ID }

// stdRecurrence is patternedRecurrence, whose parts the example leaves
// out.
type stdRecurrence struct {
	Pattern json.RawMessage `json:"pattern,omitempty"`
	Range   json.RawMessage `json:"range,omitempty"`
}

type stdOnlineMeeting struct {
	JoinURL *string `json:"joinUrl,omitempty"`
}

type stdResponseStatus struct {
	Response *string    `json:"response,omitempty"`
	Time     *time.Time `json:"time,omitempty"`
}

type stdItemBody struct {
	ContentType *string `json:"contentType,omitempty"`
	Content     *string `json:"content,omitempty"`
}

type stdDateTimeZone struct {
	DateTime *string `json:"dateTime,omitempty"`
	TimeZone *string `json:"timeZone,omitempty"`
}

type stdLocation struct {
	DisplayName  *string `json:"displayName,omitempty"`
	LocationType *string `json:"locationType,omitempty"`
	UniqueID     *string `json:"uniqueId,omitempty"`
	UniqueIDType *string `json:"uniqueIdType,omitempty"`
	LocationURI  *string `json:"locationUri,omitempty"`
}

type stdEmailAddress struct {
	Name    *string `json:"name,omitempty"`
	Address *string `json:"address,omitempty"`
}

type stdRecipient struct {
	EmailAddress *stdEmailAddress `json:"emailAddress,omitempty"`
}

type stdAttendee struct {
	stdRecipient
	Type   *string            `json:"type,omitempty"`
	Status *stdResponseStatus `json:"status,omitempty"`
}

// stdUser is user with the properties the list documents.
type stdUser struct {
	ID                *string  `json:"id,omitempty"`
	BusinessPhones    []string `json:"businessPhones,omitempty"`
	DisplayName       *string  `json:"displayName,omitempty"`
	GivenName         *string  `json:"givenName,omitempty"`
	JobTitle          *string  `json:"jobTitle,omitempty"`
	Mail              *string  `json:"mail,omitempty"`
	MobilePhone       *string  `json:"mobilePhone,omitempty"`
	OfficeLocation    *string  `json:"officeLocation,omitempty"`
	PreferredLanguage *string  `json:"preferredLanguage,omitempty"`
	Surname           *string  `json:"surname,omitempty"`
	UserPrincipalName *string  `json:"userPrincipalName,omitempty"`
}

// stdUserPage is one page of a user list.
type stdUserPage struct {
	ODataContext *string   `json:"@odata.context,omitempty"`
	NextLink     *string   `json:"@odata.nextLink,omitempty"`
	Value        []stdUser `json:"value"`
}

// stdListHandler serves a list on path, answering res.
func stdListHandler(path string, res any) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
		stdWrite(w, r, http.StatusOK, res, nil)
	})
	return mux
}
