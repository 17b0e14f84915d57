package generator

// CorpusSelection returns ten endpoint patterns of the 2020 beta reference,
// in every kind of pattern, with a polymorphic body with some thirty
// derived types (CreateMobileApp) and one member of a shared route (the
// iOS compliance policy page, served by CreateDeviceCompliancePolicy).
// It is the selection whose build cost `make corpus` measures and the
// README reports, and whose closure the generator's tests check: one list,
// so that the figures and the check are of the same package.
func CorpusSelection() []string {
	return []string{
		"CreateUser", "CreateGroup", "POST /applications", "CreateInvitation", "CreateOnlineMeeting",
		"CreateTeam", "POST /teams/{id}/channels", "api/user-post-contacts.md",
		"api/intune-deviceconfig-ioscompliancepolicy-create.md", "CreateMobileApp",
	}
}
