#!/usr/bin/env bash
# Mints a development bearer token (HS256, valid for 8 hours) that the api service of compose.yaml
# and compose.postgres.yaml accepts: signed with their development signing key, for their issuer
# and audience. For local development only: that key is published in this repository, so a service
# that trusts it trusts anyone. When you set your own key, issuer or audience for compose (the
# Authentication__Schemes__Bearer__* variables), set the same in the shell that runs this script.
#
# Usage: deploy/dev-token.sh [PARTICIPANT_ID]   (default participant-123; scopes customers:read customers:write)
# Prints the token. Needs openssl.
set -euo pipefail

participant="${1:-participant-123}"
key="${Authentication__Schemes__Bearer__SigningKeys__0__Value:-vFkr2/ZYi4zcvGWGne1KSM/2jRd3TDuplaLOyHkpnzA=}"
issuer="${Authentication__Schemes__Bearer__ValidIssuer:-customer-service-local}"
audience="${Authentication__Schemes__Bearer__ValidAudiences__0:-customer-service-local}"

base64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

now=$(date +%s)
header='{"alg":"HS256","typ":"JWT"}'
payload=$(printf '{"iss":"%s","aud":"%s","participant_id":"%s","scope":"customers:read customers:write","iat":%d,"nbf":%d,"exp":%d}' \
  "$issuer" "$audience" "$participant" "$now" "$now" "$((now + 8 * 3600))")

key_hex=$(printf '%s' "$key" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \n')
signing_input="$(printf '%s' "$header" | base64url).$(printf '%s' "$payload" | base64url)"
signature=$(printf '%s' "$signing_input" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | base64url)

echo "$signing_input.$signature"
