#!/usr/bin/env python3
"""Mints an HS256 bearer token the service and the reference both accept.

usage: mint-token.py BASE64_KEY ISSUER AUDIENCE PARTICIPANT_ID
"""
import base64
import hashlib
import hmac
import json
import sys
import time


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def main() -> None:
    key, issuer, audience, participant = sys.argv[1:5]
    now = int(time.time())
    header = {"alg": "HS256", "typ": "JWT"}
    payload = {
        "iss": issuer,
        "aud": audience,
        "iat": now - 60,
        "nbf": now - 60,
        "exp": now + 4 * 3600,
        "participant_id": participant,
        "scope": "customers:read customers:write",
    }
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(json.dumps(payload).encode())}"
    signature = hmac.new(base64.b64decode(key), signing_input.encode("ascii"), hashlib.sha256).digest()
    print(f"{signing_input}.{b64url(signature)}")


if __name__ == "__main__":
    main()
