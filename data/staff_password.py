"""Make the staff password's hash for .streamlit/secrets.toml, and check a password against it.

    python -m data.staff_password            asks for the password twice, prints the lines for secrets.toml
    python -m data.staff_password --stdin    reads it from standard input (one line), for scripts

Passwords are stored only as salted, slow argon2id hashes (argon2-cffi; OWASP's parameters: 19 MiB, 2 passes):
a stolen secrets file does not give the password back, and every guess costs time and memory. The old unsalted
SHA-256 (`password_sha256`) is no longer accepted.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 12
_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


def make_hash(password: str) -> str:
    """A new salted argon2id hash of `password` (a different salt every time)."""
    return _HASHER.hash(password)


def is_argon2id(text) -> bool:
    """True when `text` is an argon2id hash this module can check passwords against."""
    if not isinstance(text, str) or not text.startswith("$argon2id$"):
        return False
    try:
        from argon2 import extract_parameters  # noqa: PLC0415 (only for this check)

        extract_parameters(text)
    except (InvalidHashError, ValueError):
        return False
    return True


def verify(password_hash: str, password: str) -> bool:
    """True when `password` matches the hash (argon2 compares in constant time)."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stdin", action="store_true", help="read the password from standard input")
    args = parser.parse_args(argv)
    try:
        if args.stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Staff password: ")
            if getpass.getpass("The same again: ") != password:
                print("The two passwords differ; nothing was made.", file=sys.stderr)
                return 1
    except (EOFError, KeyboardInterrupt):
        print("No password was given; nothing was made.", file=sys.stderr)
        return 1
    if len(password) < MIN_LENGTH:
        print(
            f"Use at least {MIN_LENGTH} characters (a few words are easy to remember); nothing was made.",
            file=sys.stderr,
        )
        return 1
    print("# Put these lines in .streamlit/secrets.toml (replacing any password_sha256 line):")
    print("[staff]")
    print(f'password_hash = "{make_hash(password)}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
