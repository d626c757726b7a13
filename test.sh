#!/usr/bin/env bash
# Runs every test, the way CI does:
#   1. installs what is missing: libgtk-3-0 (OpenCvSharp's native OpenCV, the test oracle, links against it) and
#      clang (the linker of the NativeAOT publish test);
#   2. builds the solution once (Release) and runs every test project;
#   3. repeats the kernel test projects with AVX-512, AVX2 and all hardware intrinsics disabled, so that every
#      vector width (and the scalar path) is held to the same results;
#   4. prints "N passed, N failed", summed over all runs from their TRX results.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
ldconfig -p 2>/dev/null | grep -q 'libgtk-3\.so\.0' || missing+=(libgtk-3-0) # OpenCV, the test oracle, links against it
command -v clang >/dev/null || missing+=(clang)                              # NativeAOT's native linker (the AOT test)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

results="$PWD/TestResults"
rm -rf "$results"
dotnet build Specialized.Filters.sln -c Release

status=0
run_tests() { # run_tests <label> <project> [ENV=VALUE...]
  local label=$1 project=$2
  shift 2
  echo "== $label: $project ${*:-}"
  env "$@" dotnet test "$project" -c Release --no-build \
    --logger "trx;LogFileName=$label.trx" --results-directory "$results" || status=1
}

for project in tests/*/*.Tests.csproj; do
  run_tests "$(basename "$project" .csproj)" "$project"
done

# The kernels must give identical results at every vector width.
isa_projects=(tests/Specialized.Filters.Tests/Specialized.Filters.Tests.csproj tests/Specialized.Filters.Generated.Tests/Specialized.Filters.Generated.Tests.csproj)
for isa in DOTNET_EnableAVX512=0 DOTNET_EnableAVX2=0 DOTNET_EnableHWIntrinsic=0; do
  for project in "${isa_projects[@]}"; do
    [ -f "$project" ] || continue
    run_tests "$(basename "$project" .csproj)-${isa%%=*}" "$project" "$isa"
  done
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(echo "$counters" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
  f=$(echo "$counters" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
if [ "$passed" -eq 0 ]; then status=1; fi
echo "$passed passed, $failed failed"
exit $status
