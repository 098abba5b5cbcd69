#!/usr/bin/python3
"""Enrols a second factor with `fairtender second-factor URL --password-stdin` as a person
would with an authenticator app: gives the password, reads the secret the command prints,
works out the code an app would show (RFC 6238: HMAC-SHA-1, 6 digits, 30 s) and types it.

  enrol_second_factor.py FAIRTENDER URL PASSWORD
      prints "secret SECRET" and then what the command printed; exits with its status.
"""
import base64
import hashlib
import hmac
import struct
import subprocess
import sys
import time


def code(secret, at):
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 15
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (number % 1000000)


def main():
    cli, url, password = sys.argv[1:4]
    process = subprocess.Popen([cli, "second-factor", url, "--password-stdin"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    process.stdin.write(password + "\n")
    process.stdin.flush()
    printed = []
    secret = None
    for line in process.stdout:
        printed.append(line)
        if line.startswith("  ") and not line.strip().startswith("otpauth:"):
            secret = line.strip()
            break
    if secret is None:
        process.stdin.close()
        printed.append(process.stdout.read())
        process.wait()
        sys.stdout.write("".join(printed))
        return process.returncode or 1
    # A code lives for its 30 seconds: one typed with under 3 left might arrive too late.
    while time.time() % 30 > 27:
        time.sleep(0.2)
    process.stdin.write(code(secret, time.time()) + "\n")
    process.stdin.close()
    printed.append(process.stdout.read())
    process.wait()
    print("secret " + secret)
    sys.stdout.write("".join(printed))
    return process.returncode


if __name__ == "__main__":
    sys.exit(main())
