/*
 * Runs one hook of the Spring Charm local model and measures it from outside.
 *
 * Usage: hookrun RESULT_FILE PROGRAM
 * Starts PROGRAM with no arguments (argv[0] = PROGRAM, as Juju does) in the inherited
 * environment, working directory and stdio, waits for it, and writes one line to
 * RESULT_FILE:
 *   exit=<code> wall_ns=<n> user_us=<n> sys_us=<n> maxrss_kb=<n>
 * The wall time covers fork to reaping only, so the runner's own overhead is not
 * counted; CPU time and peak RSS come from wait4 and include the descendants the
 * hook waited for. Exits with the hook's code (128 + signal when it was killed).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long) ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long micros(struct timeval tv) {
	return (long long) tv.tv_sec * 1000000LL + tv.tv_usec;
}

int main(int argc, char **argv) {
	if (argc != 3) {
		fprintf(stderr, "usage: hookrun RESULT_FILE PROGRAM\n");
		return 2;
	}
	const char *result = argv[1];
	char *program = argv[2];
	char *child_argv[] = { program, NULL };

	long long start = now_ns();
	pid_t pid = fork();
	if (pid < 0) {
		fprintf(stderr, "ERROR cannot fork: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		execv(program, child_argv);
		fprintf(stderr, "ERROR cannot run %s: %s\n", program, strerror(errno));
		_exit(errno == ENOENT ? 127 : 126);
	}
	/* Terminal signals are for the hook; the runner reports how it ended. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);

	int status = 0;
	struct rusage usage;
	memset(&usage, 0, sizeof usage);
	while (wait4(pid, &status, 0, &usage) < 0) {
		if (errno != EINTR) {
			fprintf(stderr, "ERROR cannot wait for %s: %s\n", program, strerror(errno));
			return 1;
		}
	}
	long long wall = now_ns() - start;

	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	FILE *out = fopen(result, "w");
	if (out != NULL) {
		fprintf(out, "exit=%d wall_ns=%lld user_us=%lld sys_us=%lld maxrss_kb=%ld\n", code, wall,
				micros(usage.ru_utime), micros(usage.ru_stime), usage.ru_maxrss);
		fclose(out);
	}
	return code;
}
