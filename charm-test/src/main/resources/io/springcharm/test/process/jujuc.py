# Hook-tool client of the Spring Charm local model, used when no C compiler is available.
# Same wire format as jujuc.c (see there). The runner prepends "#!<python3> -IS"; only
# built-in modules are imported, since interpreter start-up is most of a call's cost.
import _socket
import os
import sys


def fail(message):
    sys.stderr.write("ERROR " + message + "\n")
    sys.exit(1)


def u32(value):
    return value.to_bytes(4, "big")


def pack(data):
    return u32(len(data)) + data


def read_exactly(sock, length):
    chunks = []
    while length > 0:
        chunk = sock.recv(min(length, 1 << 20))
        if not chunk:
            fail("connection to the agent closed before an answer")
        chunks.append(chunk)
        length -= len(chunk)
    return b"".join(chunks)


def main():
    argv = [os.fsencode(a) for a in sys.argv]
    tool = argv[0].rsplit(b"/", 1)[-1]
    args = argv[1:]
    if tool == b"jujuc" and args:
        tool, args = args[0], args[1:]
    context = os.environb.get(b"JUJU_CONTEXT_ID", b"")
    if not context:
        fail("JUJU_CONTEXT_ID not set")
    address = os.environb.get(b"JUJU_AGENT_SOCKET_ADDRESS", b"")
    if not address:
        fail("JUJU_AGENT_SOCKET_ADDRESS not set")
    network = os.environ.get("JUJU_AGENT_SOCKET_NETWORK", "")
    if network not in ("", "unix"):
        fail("unsupported JUJU_AGENT_SOCKET_NETWORK: " + network)
    try:
        cwd = os.fsencode(os.getcwd())
    except OSError:
        cwd = b""
    body = [u32(0x53434A31), pack(context), pack(cwd), pack(tool), u32(len(args))]
    body.extend(pack(a) for a in args)
    wants_stdin = b"--file=-" in args or any(
        a == b"--file" and i + 1 < len(args) and args[i + 1] == b"-" for i, a in enumerate(args))
    if wants_stdin:
        body.append(b"\x01" + pack(sys.stdin.buffer.read()))
    else:
        body.append(b"\x00")
    request = pack(b"".join(body))
    sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    target = b"\0" + address[1:] if address.startswith(b"@") else address
    try:
        sock.connect(target)
    except OSError as error:
        fail("dial unix %s: connect: %s" % (os.fsdecode(address), error.strerror))
    sock.sendall(request)
    length = int.from_bytes(read_exactly(sock, 4), "big")
    answer = read_exactly(sock, length)
    sock.close()
    code = int.from_bytes(answer[0:4], "big", signed=True)
    out_length = int.from_bytes(answer[4:8], "big")
    stdout = answer[8:8 + out_length]
    err_length = int.from_bytes(answer[8 + out_length:12 + out_length], "big")
    stderr = answer[12 + out_length:12 + out_length + err_length]
    sys.stdout.buffer.write(stdout)
    sys.stdout.buffer.flush()
    sys.stderr.buffer.write(stderr)
    sys.stderr.buffer.flush()
    sys.exit(code)


main()
