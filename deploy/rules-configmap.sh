#!/usr/bin/env bash
# Prints the ConfigMap `policy-advisor-rules` made from rules/ (or the folder given), one key per file.
# The service finds every rules file by its name, so the files can sit in one folder; two files with the same
# name in different folders would clash, and kubectl refuses that.
#   deploy/rules-configmap.sh [RULES_DIR] | kubectl apply -f -
set -euo pipefail
dir="${1:-$(dirname "$0")/../rules}"
args=()
while IFS= read -r folder; do args+=(--from-file="$folder"); done < <(find "$dir" -type d -not -path '*/.*' | sort)
kubectl create configmap policy-advisor-rules "${args[@]}" --dry-run=client -o yaml \
  | sed 's/^metadata:$/metadata:\n  labels: {app.kubernetes.io\/name: policy-advisor}/'
