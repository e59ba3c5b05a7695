/*
 * Hook-tool client of the Spring Charm local model: the counterpart of Juju's jujuc.
 *
 * Installed once and linked under every tool name; the tool is the basename of argv[0].
 * It sends {context id, cwd, tool, args, stdin} to the local model's unix socket and
 * copies back stdout, stderr and the exit code.
 *
 * Wire format, all integers big-endian:
 *   request  = u32 length, then: u32 magic "SCJ1", str context, str cwd, str tool,
 *              u32 argc, argc * str, u8 has_stdin, [str stdin]
 *   response = u32 length, then: i32 exit code, str stdout, str stderr
 *   str      = u32 byte count, bytes
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#define MAGIC 0x53434A31u

struct buffer {
	unsigned char *data;
	size_t length;
	size_t capacity;
};

static void fail(const char *message, const char *detail) {
	if (detail != NULL) {
		fprintf(stderr, "ERROR %s%s\n", message, detail);
	} else {
		fprintf(stderr, "ERROR %s\n", message);
	}
	exit(1);
}

static void reserve(struct buffer *b, size_t more) {
	if (b->length + more <= b->capacity) {
		return;
	}
	size_t capacity = b->capacity == 0 ? 4096 : b->capacity;
	while (capacity < b->length + more) {
		capacity *= 2;
	}
	unsigned char *data = realloc(b->data, capacity);
	if (data == NULL) {
		fail("out of memory", NULL);
	}
	b->data = data;
	b->capacity = capacity;
}

static void put_u32(struct buffer *b, uint32_t value) {
	reserve(b, 4);
	b->data[b->length++] = (unsigned char) (value >> 24);
	b->data[b->length++] = (unsigned char) (value >> 16);
	b->data[b->length++] = (unsigned char) (value >> 8);
	b->data[b->length++] = (unsigned char) value;
}

static void put_bytes(struct buffer *b, const void *bytes, size_t length) {
	if (length > 0x7fffffffu) {
		fail("request too large", NULL);
	}
	put_u32(b, (uint32_t) length);
	reserve(b, length);
	if (length > 0) {
		memcpy(b->data + b->length, bytes, length);
	}
	b->length += length;
}

static void put_string(struct buffer *b, const char *s) {
	put_bytes(b, s, strlen(s));
}

static void read_all_stdin(struct buffer *b) {
	for (;;) {
		reserve(b, 65536);
		ssize_t n = read(STDIN_FILENO, b->data + b->length, b->capacity - b->length);
		if (n == 0) {
			return;
		}
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			fail("cannot read stdin: ", strerror(errno));
		}
		b->length += (size_t) n;
	}
}

static void write_all(int fd, const unsigned char *data, size_t length) {
	while (length > 0) {
		ssize_t n = write(fd, data, length);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			return;
		}
		data += n;
		length -= (size_t) n;
	}
}

static void read_exactly(int fd, unsigned char *data, size_t length) {
	while (length > 0) {
		ssize_t n = read(fd, data, length);
		if (n == 0) {
			fail("connection to the agent closed before an answer", NULL);
		}
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			fail("cannot read the agent's answer: ", strerror(errno));
		}
		data += n;
		length -= (size_t) n;
	}
}

static uint32_t get_u32(const unsigned char *p) {
	return ((uint32_t) p[0] << 24) | ((uint32_t) p[1] << 16) | ((uint32_t) p[2] << 8) | (uint32_t) p[3];
}

/* Juju reads stdin only for "--file -"; so do we, so a tool never blocks on a terminal. */
static int wants_stdin(int argc, char **argv) {
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--file=-") == 0) {
			return 1;
		}
		if (strcmp(argv[i], "--file") == 0 && i + 1 < argc && strcmp(argv[i + 1], "-") == 0) {
			return 1;
		}
	}
	return 0;
}

static int connect_agent(const char *address) {
	struct sockaddr_un sa;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	size_t length = strlen(address);
	if (length >= sizeof sa.sun_path) {
		fail("socket path too long: ", address);
	}
	memcpy(sa.sun_path, address, length);
	socklen_t size = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + length + 1);
	if (address[0] == '@') {
		/* Juju's own agents listen on abstract sockets written as "@name". */
		sa.sun_path[0] = '\0';
		size = (socklen_t) (offsetof(struct sockaddr_un, sun_path) + length);
	}
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0) {
		fail("cannot create socket: ", strerror(errno));
	}
	if (connect(fd, (struct sockaddr *) &sa, size) != 0) {
		fprintf(stderr, "ERROR dial unix %s: connect: %s\n", address, strerror(errno));
		exit(1);
	}
	return fd;
}

int main(int argc, char **argv) {
	const char *tool = strrchr(argv[0], '/');
	tool = tool == NULL ? argv[0] : tool + 1;
	int first = 1;
	if (strcmp(tool, "jujuc") == 0 && argc > 1) {
		tool = argv[1];
		first = 2;
	}

	const char *context = getenv("JUJU_CONTEXT_ID");
	if (context == NULL || context[0] == '\0') {
		fail("JUJU_CONTEXT_ID not set", NULL);
	}
	const char *address = getenv("JUJU_AGENT_SOCKET_ADDRESS");
	if (address == NULL || address[0] == '\0') {
		fail("JUJU_AGENT_SOCKET_ADDRESS not set", NULL);
	}
	const char *network = getenv("JUJU_AGENT_SOCKET_NETWORK");
	if (network != NULL && network[0] != '\0' && strcmp(network, "unix") != 0) {
		fail("unsupported JUJU_AGENT_SOCKET_NETWORK: ", network);
	}

	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof cwd) == NULL) {
		cwd[0] = '\0';
	}

	struct buffer request = { 0 };
	put_u32(&request, 0); /* length, filled in below */
	put_u32(&request, MAGIC);
	put_string(&request, context);
	put_string(&request, cwd);
	put_string(&request, tool);
	put_u32(&request, (uint32_t) (argc - first));
	for (int i = first; i < argc; i++) {
		put_string(&request, argv[i]);
	}
	if (wants_stdin(argc - first, argv + first)) {
		struct buffer input = { 0 };
		read_all_stdin(&input);
		reserve(&request, 1);
		request.data[request.length++] = 1;
		put_bytes(&request, input.data, input.length);
		free(input.data);
	} else {
		reserve(&request, 1);
		request.data[request.length++] = 0;
	}
	uint32_t payload = (uint32_t) (request.length - 4);
	request.data[0] = (unsigned char) (payload >> 24);
	request.data[1] = (unsigned char) (payload >> 16);
	request.data[2] = (unsigned char) (payload >> 8);
	request.data[3] = (unsigned char) payload;

	int fd = connect_agent(address);
	const unsigned char *p = request.data;
	size_t left = request.length;
	while (left > 0) {
		ssize_t n = write(fd, p, left);
		if (n < 0) {
			if (errno == EINTR) {
				continue;
			}
			fail("cannot send the request: ", strerror(errno));
		}
		p += n;
		left -= (size_t) n;
	}

	unsigned char header[4];
	read_exactly(fd, header, 4);
	uint32_t length = get_u32(header);
	if (length < 12) {
		fail("malformed answer from the agent", NULL);
	}
	unsigned char *answer = malloc(length);
	if (answer == NULL) {
		fail("out of memory", NULL);
	}
	read_exactly(fd, answer, length);
	close(fd);

	int code = (int) get_u32(answer);
	uint32_t out_length = get_u32(answer + 4);
	if ((uint64_t) out_length + 12 > length) {
		fail("malformed answer from the agent", NULL);
	}
	uint32_t err_length = get_u32(answer + 8 + out_length);
	if ((uint64_t) out_length + err_length + 12 > length) {
		fail("malformed answer from the agent", NULL);
	}
	write_all(STDOUT_FILENO, answer + 8, out_length);
	write_all(STDERR_FILENO, answer + 12 + out_length, err_length);
	return code;
}
