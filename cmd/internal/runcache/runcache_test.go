package runcache

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// TestToolHashIsTheBuildID: on an ELF binary built by go, the run cache
// keys on the build ID that `go tool buildid` prints, not on a hash of the
// whole file.
func TestToolHashIsTheBuildID(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	id := elfBuildID(exe)
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not on PATH: cannot read the build ID to compare")
	}
	out, err := exec.Command(goTool, "tool", "buildid", exe).Output()
	if err != nil {
		t.Fatalf("go tool buildid: %v", err)
	}
	want := strings.TrimSpace(string(out))
	if runtime.GOOS == "linux" && id != want {
		t.Errorf("elfBuildID = %q, go tool buildid = %q", id, want)
	}
	if id != "" && ToolHash() != "buildid:"+id {
		t.Errorf("ToolHash = %q, want the build ID", ToolHash())
	}
}
