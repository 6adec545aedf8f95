"""Run a command on a pseudo-terminal and answer its prompts, for tests of what a person at a
terminal sees (e.g. that a typed password is not echoed).

    python3 pty-answer.py PROMPT ANSWER [PROMPT ANSWER ...] -- COMMAND [ARGS ...]

Waits for each PROMPT to appear, then types ANSWER and Enter. Prints the whole transcript (as
JSON) and exits with the command's exit code.
"""
import json
import os
import pty
import select
import sys
import time

split = sys.argv.index("--")
pairs = sys.argv[1:split]
command = sys.argv[split + 1 :]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

out = b""


def read(until=None, timeout=60.0):
    global out
    end = time.time() + timeout
    while time.time() < end:
        if until is not None and until in out:
            return
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                return
            if not chunk:
                return
            out += chunk


for prompt, answer in zip(pairs[0::2], pairs[1::2]):
    read(prompt.encode())
    os.write(fd, answer.encode() + b"\r")
read(timeout=60.0)
_, status = os.waitpid(pid, 0)
print(json.dumps(out.decode("utf8", "replace")))
sys.exit(os.waitstatus_to_exitcode(status))
