/* write.c - the one way a file is written, and how one is read */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"

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

/*
 * Replace path by s[0..len) so that a crash leaves the old file or the new
 * one: a temporary file beside it, fsync, rename, fsync of the folder.  An
 * existing file keeps its mode (a symlink, its target is written); a new
 * one gets 0600 and must not exist.  The caller holds the network's lock.
 */
int
safe_write(const char *path, const char *s, size_t len, int create)
{
	char real[PATH_MAX], tmp[PATH_MAX + 16], dir[PATH_MAX], copy[PATH_MAX];
	struct stat st;
	mode_t mode = 0600;
	size_t off;
	ssize_t w;
	int fd, e;

	if (lstat(path, &st) == 0) {
		if (create) {
			warnx("'%s': already exists", path);
			return -1;
		}
		if (S_ISLNK(st.st_mode) && stat(path, &st) == -1) {
			warn("'%s'", path);
			return -1;
		}
		mode = st.st_mode & 07777;
		if (realpath(path, real) == NULL) {
			warn("'%s'", path);
			return -1;
		}
	} else if (errno != ENOENT || !create) {
		warn("'%s'", path);
		return -1;
	} else if (snprintf(real, sizeof real, "%s", path) >= (int)sizeof real) {
		warnx("'%s': name too long", path);
		return -1;
	}
	snprintf(copy, sizeof copy, "%s", real);
	snprintf(dir, sizeof dir, "%s", dirname(copy));
	snprintf(tmp, sizeof tmp, "%s/.nw-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1) {
		warn("'%s'", tmp);
		return -1;
	}
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
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (create) {
		/* link refuses to replace a file that appeared meanwhile */
		if (link(tmp, real) == -1)
			goto fail;
		unlink(tmp);
	} else if (rename(tmp, real) == -1) {
		goto fail;
	}
	if (syncdir(dir) == -1) {
		warn("'%s': fsync", dir);
		return -1;
	}
	return 0;
fail:
	e = errno;
	if (fd != -1)
		close(fd);
	unlink(tmp);
	errno = e;
	warn("'%s'", path);
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
