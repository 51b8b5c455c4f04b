/* sys.c - what differs from one system to another, in one place */

#include <sys/stat.h>

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif
#if defined(__FreeBSD__)
#include <sys/sysctl.h>
#endif

#include "nw.h"
#include "nw_priv.h"

/*
 * The folder of the running program, as an absolute path, or NULL when
 * the system will not say.  Linux has /proc/self/exe, the BSDs a sysctl,
 * macOS a call of its own.
 */
const char *
sys_selfdir(void)
{
	static char dir[PATH_MAX];
	static int tried;
	char exe[PATH_MAX], *slash;
	ssize_t n = -1;

	if (tried)
		return *dir ? dir : NULL;
	tried = 1;
#if defined(__linux__)
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
#elif defined(__FreeBSD__)
	{
		int mib[4] = { CTL_KERN, KERN_PROC, KERN_PROC_PATHNAME, -1 };
		size_t len = sizeof exe;

		if (sysctl(mib, 4, exe, &len, NULL, 0) == 0)
			n = strlen(exe);
	}
#elif defined(__APPLE__)
	{
		uint32_t len = sizeof exe;
		char real[PATH_MAX];

		if (_NSGetExecutablePath(exe, &len) == 0 &&
		    realpath(exe, real) != NULL) {
			snprintf(exe, sizeof exe, "%s", real);
			n = strlen(exe);
		}
	}
#endif
	if (n <= 0 || exe[0] != '/')
		return NULL;
	exe[n] = '\0';
	if ((slash = strrchr(exe, '/')) == exe)
		slash++;
	*slash = '\0';
	snprintf(dir, sizeof dir, "%s", exe);
	return dir;
}

static int
executable(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(p, X_OK) == 0;
}

/*
 * The absolute path of program name: beside the running program, else
 * the first in $PATH; NULL when there is none.
 */
char *
sys_program(const char *name)
{
	const char *dir = sys_selfdir(), *e;
	char *p, *path, *d, *save = NULL, real[PATH_MAX];

	if (dir) {
		p = xasprintf("%s/%s", dir, name);
		if (executable(p))
			return p;
		free(p);
	}
	if ((e = getenv("PATH")) == NULL)
		return NULL;
	path = xstrdup(e);
	for (d = strtok_r(path, ":", &save); d; d = strtok_r(NULL, ":",
	    &save)) {
		p = xasprintf("%s/%s", *d ? d : ".", name);
		if (executable(p) && realpath(p, real) != NULL) {
			free(p);
			free(path);
			return xstrdup(real);
		}
		free(p);
	}
	free(path);
	return NULL;
}

/* The name this program was started by, for messages. */
const char *
sys_progname(void)
{
#if defined(__GLIBC__) || defined(__linux__)
	extern char *program_invocation_short_name;

	return program_invocation_short_name;
#else
	return getprogname();
#endif
}

/*
 * getopt(3) that also knows --help and --version, as -h and -V: every
 * command takes both spellings (getopt_long is in glibc, musl and the
 * BSDs).
 */
int
opt_get(int argc, char *const argv[], const char *opts)
{
	static const struct option longopts[] = {
		{ "help",	no_argument,	NULL,	'h' },
		{ "version",	no_argument,	NULL,	'V' },
		{ NULL,		0,		NULL,	0 }
	};

	return getopt_long(argc, argv, opts, longopts, NULL);
}

/*
 * -h and --help: the usage, then one line an option (each command's own,
 * then -h and -V).  The exit status: 0, or 1 when stdout failed.
 */
int
opt_help(const char *usage, const char *options)
{
	printf("%s\n\n%s", usage, options);
	printf("  -h, --help     print this help and exit\n"
	    "  -V, --version  print the version and exit\n");
	return out_close();
}
