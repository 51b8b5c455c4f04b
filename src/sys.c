/* sys.c - what differs from one system to another, in one place */

/*
 * Every other file is built to POSIX.1-2008 with XSI and nothing more
 * (-D_XOPEN_SOURCE=700 in the Makefile), so that what the standard lacks
 * cannot creep in unseen: it is here.  This file sees all each system
 * has: _GNU_SOURCE on glibc and musl; the BSDs and macOS show everything
 * when no standard is asked for.
 */
#undef _XOPEN_SOURCE
#define _GNU_SOURCE 1

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__)
#include <sched.h>
#endif
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
 * Lock fd's file, exclusively; wait for it or not.  0 when held, -1 with
 * errno (EWOULDBLOCK: someone else holds it).  flock(2) is BSD's, on every
 * system nw runs on: its locks belong to the open file, not to the
 * process as fcntl(2)'s do, which any close of any descriptor of the file
 * drops.
 */
int
sys_lock(int fd, int wait)
{
	return flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB);
}

void
sys_unlock(int fd)
{
	flock(fd, LOCK_UN);
}

/*
 * mkstemp(3) keeping the last suffixlen characters of template: the BSDs',
 * glibc's and musl's, not POSIX's.
 */
int
sys_mkstemps(char *template, int suffixlen)
{
	return mkstemps(template, suffixlen);
}

/*
 * Commit to disk the file system that holds fd, all its files at once:
 * syncfs(2), Linux's; elsewhere -1 (ENOSYS), and the caller syncs each.
 */
int
sys_syncfs(int fd)
{
#if defined(__linux__)
	return syncfs(fd);
#else
	(void)fd;
	errno = ENOSYS;
	return -1;
#endif
}

/* The cores this process may run on, at least 1 (Linux: its affinity). */
long
sys_ncores(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
#if defined(__linux__)
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof set, &set) == 0 &&
	    CPU_COUNT(&set) < n)
		n = CPU_COUNT(&set);
#endif
	return n < 1 ? 1 : n;
}
