#!/usr/bin/env bash
# The use-case template (templates/customer-use-case), as a team would use it: installs it from this
# repository, creates one command and one query with it in a scratch copy of the repository (the
# working tree's files, not its build output), builds that copy (Release, warnings as errors) and
# runs the copy's tests for what was generated: the generated unit and endpoint tests, the wiring
# test that resolves a handler for every request, the test that every value a request carries is
# checked, the architecture tests, and the OpenAPI tests that every endpoint is documented (the
# committed snapshot is left out: a new endpoint changes it, as docs/extending.md says). Then uninstalls the template and deletes the copy. The template
# engine keeps its state in a folder of this run's own (--debug:custom-hive), never in $HOME; the
# template is installed from a folder, so nothing is downloaded but the packages the build restores.
# Exit code: non-zero when generating, building or a test fails. See docs/extending.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

command_name=ArchiveCustomerForReview
query_name=GetCustomerForReview

work="$(mktemp -d)"
hive="$work/template-engine"
copy="$work/repository"
trap 'rm -rf "$work"' EXIT
mkdir -p "$hive" "$copy"

# Tracked files and new ones not ignored, as they are now in the working tree (so an uncommitted
# change to the template is what gets tested); a tracked file deleted in the tree is skipped.
# Outside a git checkout (an unpacked archive), everything but build output.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done \
    | tar --null -T - -cf - | tar -xf - -C "$copy"
else
  tar --exclude=./.git --exclude='bin' --exclude='obj' --exclude='TestResults' -cf - . | tar -xf - -C "$copy"
fi

template() { dotnet new "$@" --debug:custom-hive "$hive"; }

template install "$copy/templates/customer-use-case"
(
  cd "$copy"
  template customer-usecase --name "$command_name" --kind command --no-update-check
  template customer-usecase --name "$query_name" --kind query --no-update-check
)
template uninstall "$copy/templates/customer-use-case"

echo "Generated:"
(cd "$copy" && find src tests -path '*/bin' -prune -o -path '*/obj' -prune -o -type f \( -name "*$command_name*" -o -name "*$query_name*" \) -print | sort)

dotnet build "$copy/CustomerService.sln" -c Release

generated="FullyQualifiedName~$command_name|FullyQualifiedName~$query_name"
dotnet test "$copy/tests/Application.UnitTests" -c Release --no-build \
  --filter "$generated|FullyQualifiedName~MappingAndWiringTests|FullyQualifiedName~RequestInputTests"
dotnet test "$copy/tests/Architecture.Tests" -c Release --no-build
dotnet test "$copy/tests/Api.IntegrationTests" -c Release --no-build \
  --filter "$generated|(FullyQualifiedName~OpenApiTests&Name!~Live_document)"
