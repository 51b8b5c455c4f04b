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
#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
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

/*
 * A file with no name in folder dir, open for writing, mode 0600: Linux's
 * O_TMPFILE.  -1 (EOPNOTSUPP) where the system or the file system has
 * none, and the caller makes a named temporary file.
 */
int
sys_tmpfile(const char *dir)
{
#if defined(O_TMPFILE)
	return open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
#else
	(void)dir;
	errno = EOPNOTSUPP;
	return -1;
#endif
}

/* Give the file of sys_tmpfile its name path; never over a file there. */
int
sys_tmpfile_link(int fd, const char *path)
{
#if defined(O_TMPFILE)
	char proc[64];

	/* /proc names the file; without /proc, only root may */
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
	if (linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
		return 0;
	if (errno != ENOENT)
		return -1;
	return linkat(fd, "", AT_FDCWD, path, AT_EMPTY_PATH);
#else
	(void)fd, (void)path;
	errno = EOPNOTSUPP;
	return -1;
#endif
}

/*
 * rename(2) that never replaces a file at to: -1 (EEXIST) then.  -1
 * (ENOSYS) where the system cannot, and the caller links and unlinks.
 */
int
sys_rename_new(const char *from, const char *to)
{
#if defined(RENAME_NOREPLACE)
	return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
#else
	(void)from, (void)to;
	errno = ENOSYS;
	return -1;
#endif
}

/*
 * size bytes of fd mapped read-only, or of fresh zeroed memory when fd is
 * -1 (read and write), every page made present at once where the system
 * can (Linux: MAP_POPULATE) rather than each faulted in when first
 * touched.  NULL when it cannot.
 */
void *
sys_map(int fd, size_t size)
{
	int prot = PROT_READ, flags = MAP_PRIVATE;
	void *p;

#if defined(MAP_POPULATE)
	flags |= MAP_POPULATE;
#endif
	if (fd == -1) {
		prot |= PROT_WRITE;
		flags |= MAP_ANONYMOUS;
	}
	p = mmap(NULL, size, prot, flags, fd, 0);
	return p == MAP_FAILED ? NULL : p;
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

/*
 * getopt(3) that also knows --help and --version, as -h and -V
 * (getopt_long is in glibc, musl and the BSDs, not in POSIX); opt_get
 * in opt.c is its caller.
 */
int
sys_getopt(int argc, char *const argv[], const char *opts)
{
	static const struct option longopts[] = {
		{ "help",	no_argument,	NULL,	'h' },
		{ "version",	no_argument,	NULL,	'V' },
		{ NULL,		0,		NULL,	0 }
	};

	char o[64];

	/* '+': options come before operands, on glibc too (POSIX's rule). */
	if (snprintf(o, sizeof o, "+%s", opts) >= (int)sizeof o)
		abort();
	return getopt_long(argc, argv, o, longopts, NULL);
}
