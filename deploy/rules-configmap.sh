#!/usr/bin/env bash
# Prints the ConfigMap `policy-advisor-rules` made from rules/ (or the folder given): one key per policy file (.drl,
# .yaml), hidden files and folders left out. A key cannot hold '/', so programs/x/x.drl becomes the key
# programs__x__x.drl; the service reads such a name back as the path, so a ConfigMap volume, a git checkout and
# `check` give the same rulesetVersion. Uses kubectl when it is on PATH (or $KUBECTL), else writes the YAML itself.
#   deploy/rules-configmap.sh [RULES_DIR] | kubectl apply -f -
set -euo pipefail
dir="${1:-$(dirname "$0")/../rules}"
dir="${dir%/}"
[ -d "$dir" ] || { echo "rules-configmap: no such folder: $dir" >&2; exit 1; }

# Relative paths of the policy files, hidden entries skipped (-path tests the path below $dir only, so a '..' in
# $dir itself, as in the default ../rules, does not hide everything).
files=()
while IFS= read -r -d '' file; do
  rel="${file#"$dir"/}"
  case "/$rel" in */.*) continue ;; esac
  case "$rel" in *.drl|*.yaml|*.yml) files+=("$rel") ;; esac
done < <(find "$dir" -type f -print0 | LC_ALL=C sort -z)
[ ${#files[@]} -gt 0 ] || { echo "rules-configmap: no .drl or .yaml files under $dir" >&2; exit 1; }

key() { printf '%s' "${1//\//__}"; }
label='  labels: {app.kubernetes.io/name: policy-advisor}'

kubectl="${KUBECTL:-kubectl}"
if command -v "$kubectl" >/dev/null 2>&1; then
  args=()
  for rel in "${files[@]}"; do args+=(--from-file="$(key "$rel")=$dir/$rel"); done
  "$kubectl" create configmap policy-advisor-rules "${args[@]}" --dry-run=client -o yaml \
    | sed "s|^metadata:\$|metadata:\n$label|"
  exit 0
fi

# Without kubectl: each file as a YAML literal block, indented by an explicit indicator (a first line may start with
# spaces), its final line breaks kept exactly by the chomping indicator, so the bytes round-trip.
echo "apiVersion: v1"
echo "kind: ConfigMap"
echo "metadata:"
echo "  name: policy-advisor-rules"
echo "$label"
echo "data:"
for rel in "${files[@]}"; do
  path="$dir/$rel"
  if LC_ALL=C grep -q $'\r' "$path"; then
    echo "rules-configmap: $rel has carriage returns; save it with Unix line endings (LF)" >&2
    exit 1
  fi
  if [ ! -s "$path" ]; then
    echo "  $(key "$rel"): \"\""
    continue
  fi
  # Trailing line breaks: none -> strip (-), one -> clip, more -> keep (+).
  trailing=$(tail -c 2 "$path" | od -An -c | tr -d ' ')
  case "$trailing" in
    *'\n\n') chomp='+' ;;
    *'\n') chomp='' ;;
    *) chomp='-' ;;
  esac
  echo "  $(key "$rel"): |2$chomp"
  while IFS= read -r line || [ -n "$line" ]; do
    if [ -z "$line" ]; then echo ""; else printf '    %s\n' "$line"; fi
  done < "$path"
done
