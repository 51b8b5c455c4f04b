/* write.c - the one way a file is written, and how one is read */

#include <sys/file.h>
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

static int
syncdir(const char *dir)
{
	int fd, r;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY)) == -1)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

/* The file's bytes into a new temporary file in dir, synced; its fd. */
static int
tmpfile_write(const char *dir, char *tmp, size_t tmplen, const char *s,
    size_t len, mode_t mode)
{
	size_t off;
	ssize_t w;
	int fd, e;

	snprintf(tmp, tmplen, "%s/.nw-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	/* locked while it lives: a cleaner never takes a file in use */
	flock(fd, LOCK_EX | LOCK_NB);
	if (fchmod(fd, mode) == -1)
		goto fail;
	for (off = 0; off < len; off += w)
		if ((w = write(fd, s + off, len - off)) == -1) {
			if (errno == EINTR) {
				w = 0;
				continue;
			}
			goto fail;
		}
	if (fsync(fd) == -1)
		goto fail;
	return fd;
fail:
	e = errno;
	close(fd);
	unlink(tmp);
	errno = e;
	return -1;
}

/* A complaint of safe_write's, unless it was told to keep quiet. */
static void
complain(int flags, int witherrno, const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	if (flags & SW_QUIET)
		return;
	va_start(ap, fmt);
	if (witherrno) {
		errno = e;
		vwarn(fmt, ap);
	} else
		vwarnx(fmt, ap);
	va_end(ap);
	errno = e;
}

/*
 * Replace path by s[0..len) so that a crash leaves the old file or the new
 * one: a temporary file, fsync, rename, fsync of the folder.  The
 * temporary file goes in tmpdir (the network's .nw/tmp, where git and the
 * scans never look) when one is given and is on the same file system,
 * else beside path.  An existing file keeps its mode (a symlink, its
 * target is written) and must be writable by its owner: a file made
 * read-only is the user's word.  With SW_CREATE a new one gets 0600 and
 * must not exist.  SW_QUIET: no word on stderr, -1 alone says it failed.
 * The caller holds the network's lock.
 */
int
safe_write(const char *tmpdir, const char *path, const char *s, size_t len,
    int flags)
{
	char real[PATH_MAX], tmp[PATH_MAX + 16], dir[PATH_MAX], copy[PATH_MAX];
	struct stat st;
	mode_t mode = 0600;
	int fd, e, create = flags & SW_CREATE;

	if (lstat(path, &st) == 0) {
		if (create) {
			complain(flags, 0, "'%s': already exists", path);
			return -1;
		}
		if (S_ISLNK(st.st_mode) && stat(path, &st) == -1) {
			complain(flags, 1, "'%s'", path);
			return -1;
		}
		if (!S_ISREG(st.st_mode)) {
			complain(flags, 0, "'%s': not a regular file", path);
			return -1;
		}
		mode = st.st_mode & 07777;
		if (!(mode & S_IWUSR)) {
			complain(flags, 0, "'%s': read-only (mode %04o): "
			    "nothing written", path, (unsigned)mode);
			return -1;
		}
		if (realpath(path, real) == NULL) {
			complain(flags, 1, "'%s'", path);
			return -1;
		}
	} else if (errno != ENOENT || !create) {
		complain(flags, 1, "'%s'", path);
		return -1;
	} else if (snprintf(real, sizeof real, "%s", path) >= (int)sizeof real) {
		complain(flags, 0, "'%s': name too long", path);
		return -1;
	}
	snprintf(copy, sizeof copy, "%s", real);
	snprintf(dir, sizeof dir, "%s", dirname(copy));
	if ((fd = tmpfile_write(tmpdir ? tmpdir : dir, tmp, sizeof tmp, s, len,
	    mode)) == -1) {
		complain(flags, 1, "'%s': cannot write a temporary file in "
		    "'%s'", path, tmpdir ? tmpdir : dir);
		return -1;
	}
	if (close(fd) == -1)
		goto fail;
	/* link refuses to replace a file that appeared meanwhile */
	while ((create ? link(tmp, real) : rename(tmp, real)) == -1) {
		if (errno != EXDEV || tmpdir == NULL)
			goto fail;
		/* another file system: write beside the file instead */
		unlink(tmp);
		tmpdir = NULL;
		if ((fd = tmpfile_write(dir, tmp, sizeof tmp, s, len,
		    mode)) == -1 || close(fd) == -1) {
			complain(flags, 1, "'%s': cannot write a temporary "
			    "file in '%s'", path, dir);
			unlink(tmp);
			return -1;
		}
	}
	if (create)
		unlink(tmp);
	if (syncdir(dir) == -1) {
		complain(flags, 1, "'%s': fsync", dir);
		return -1;
	}
	return 0;
fail:
	e = errno;
	unlink(tmp);
	errno = e;
	complain(flags, 1, "'%s': cannot %s it", path, create ? "create" :
	    "replace");
	return -1;
}

/*
 * A regular file's bytes, NUL-terminated, at most NW_MAXFILE of them.  NULL
 * with the reason in err (256 bytes) otherwise.
 */
char *
file_read(const char *path, size_t *lenp, char *err)
{
	struct stat st;
	ssize_t r = 0;
	size_t len = 0;
	char *s;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)) == -1 ||
	    fstat(fd, &st) == -1) {
		snprintf(err, 256, "%s", strerror(errno));
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > NW_MAXFILE) {
		if (S_ISREG(st.st_mode))
			snprintf(err, 256, "file too large (%lld bytes, the "
			    "limit is %d)", (long long)st.st_size, NW_MAXFILE);
		else
			snprintf(err, 256, "not a regular file");
		close(fd);
		return NULL;
	}
	/* room for one byte more than fstat said: a file that grew is seen */
	s = xmalloc(st.st_size + 2);
	while (len < (size_t)st.st_size + 1 &&
	    (r = read(fd, s + len, st.st_size + 1 - len)) > 0)
		len += r;
	close(fd);
	if (r == -1) {
		snprintf(err, 256, "%s", strerror(errno));
		free(s);
		return NULL;
	}
	s[len] = '\0';
	*lenp = len;
	return s;
}
