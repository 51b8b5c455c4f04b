/* write.c - the one way a file is written, and how one is read */

#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

static int unsynced_any;	/* a change made, not confirmed durable */

/*
 * A change is made (renamed into place, linked, removed) but the fsync of
 * its folder failed: it is there now and may not be after a crash.  It
 * counts as done (its id printed, committed); said, and the exit status
 * says so (exit_status).  Unless quiet: .nw/cache is no change of the
 * user's.
 */
void
unsynced(int quiet, const char *path, const char *done, const char *dir)
{
	int e = errno;

	if (quiet)
		return;
	unsynced_any = 1;
	errno = e;
	warn("'%s': %s, but durability is not confirmed: fsync of '%s'",
	    path, done, dir);
}

/*
 * A writing command's exit status: rv, or 3 when all was done but the
 * disk did not confirm that a change is durable (nw(7), EXIT STATUS).
 */
int
exit_status(int rv)
{
	return rv == 0 && unsynced_any ? 3 : rv;
}

/*
 * The fsync of folder dir: what makes a name made or removed in it
 * outlast a crash.  0, or -1 with errno; the caller says what it means
 * (unsynced, for a change of the user's).
 */
int
syncdir(const char *dir)
{
	int fd, r;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

/* The folder of path, into dir (PATH_MAX). */
static void
folder(const char *path, char *dir)
{
	char copy[PATH_MAX];

	snprintf(copy, sizeof copy, "%s", path);
	snprintf(dir, PATH_MAX, "%s", dirname(copy));
}

/* s[0..len) to fd, whole, through interruptions; -1 with errno. */
static int
write_all(int fd, const char *s, size_t len)
{
	size_t off;
	ssize_t w;

	for (off = 0; off < len; off += w)
		if ((w = write(fd, s + off, len - off)) == -1) {
			if (errno != EINTR)
				return -1;
			w = 0;
		}
	return 0;
}

/*
 * The file's bytes into a new temporary file in dir, synced with sync
 * set; its fd.
 */
static int
tmpfile_put(const char *dir, char *tmp, size_t tmplen, const char *s,
    size_t len, mode_t mode, int sync)
{
	int fd, e;

	snprintf(tmp, tmplen, "%s/.nw-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	/* locked while it lives: a cleaner never takes a file in use */
	sys_lock(fd, 0);
	if (fchmod(fd, mode) == -1)
		goto fail;
	if (write_all(fd, s, len) == -1)
		goto fail;
	if (sync && fsync(fd) == -1)
		goto fail;
	return fd;
fail:
	e = errno;
	close(fd);
	unlink(tmp);
	errno = e;
	return -1;
}

static int
tmpfile_write(const char *dir, char *tmp, size_t tmplen, const char *s,
    size_t len, mode_t mode)
{
	return tmpfile_put(dir, tmp, tmplen, s, len, mode, 1);
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
 * 0 done; 1 done, but the folder's fsync failed (unsynced); -1 not done.
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
		unsynced(flags & SW_QUIET, path, create ? "created" : "written",
		    dir);
		return 1;
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

#define WINDOW	512	/* files open at once in safe_create_all */

struct tmpf {
	char	 path[PATH_MAX + 16];	/* a named one's */
	int	 fd;
	int	 anon;			/* O_TMPFILE: no name until linked */
};

static void
failed(struct newfile *f, const char *what)
{
	f->err = errno;
	f->what = what;
}

/*
 * The temporary files t[0..n) made durable before any is named: one
 * syncfs writes them back in one batch and commits the file system's
 * journal once for them all, where an fsync each waits for the disk each
 * time (0.6 ms a file here).  Starting each file's writeback as it is
 * written (sync_file_range) made it slower, not faster: each is then a
 * request of its own to the disk (10,000 files: 1.1 s against 0.8 s).
 * syncfs reports a write error that came after the files were opened
 * (Linux 5.8 on); elsewhere, or when it fails, an fsync each says which.
 */
static void
sync_all(struct tmpf *t, struct newfile *v, size_t n)
{
	size_t i;

	for (i = 0; i < n && t[i].fd == -1; i++)
		;
	if (i == n || sys_syncfs(t[i].fd) == 0)	/* -1 where there is none */
		return;
	for (i = 0; i < n; i++)
		if (t[i].fd != -1 && fsync(t[i].fd) == -1) {
			failed(&v[i], "fsync");
			close(t[i].fd);
			if (!t[i].anon)
				unlink(t[i].path);
			t[i].fd = -1;
		}
}

/*
 * A file with no name yet, in the folder of path, s[0..len) written:
 * nothing to see in the folder, nothing to remove after a crash, and its
 * name, when it gets one, is its only folder entry.  -1 where the system
 * or the file system has no O_TMPFILE.
 */
static int
anon_put(const char *path, const char *s, size_t len)
{
	char dir[PATH_MAX];
	int fd, e;

	folder(path, dir);
	if ((fd = sys_tmpfile(dir)) == -1)
		return -1;
	if (fchmod(fd, 0600) == -1)
		goto fail;
	if (write_all(fd, s, len) == -1)
		goto fail;
	return fd;
fail:
	e = errno;
	close(fd);
	errno = e;
	return -1;
}

/*
 * The temporary file tmp named path, never over a file there: a link,
 * and tmp removed, where the system has no RENAME_NOREPLACE.  -1 with
 * errno, tmp left.
 */
static int
rename_new(const char *tmp, const char *path)
{
	if (sys_rename_new(tmp, path) == 0)
		return 0;
	if ((errno != EINVAL && errno != ENOSYS) || link(tmp, path) == -1)
		return -1;
	unlink(tmp);
	return 0;
}

/* The durable temporary file t named path, never over a file there. */
static int
name_new(struct tmpf *t, const char *path)
{
	if (t->anon)
		return sys_tmpfile_link(t->fd, path);
	return rename_new(t->path, path);
}

/*
 * A file v->replace may write over: its mode, kept; 0600 when there is
 * none.  What safe_write refuses is refused (not a regular file,
 * read-only); a symlink's target is written by safe_write itself (the
 * slow way).  0 go on; 1 done already (v->err -1 when synced); -1 failed.
 */
static int
replace_mode(struct newfile *v, mode_t *mode)
{
	struct stat st;
	int e;

	*mode = 0600;
	if (lstat(v->path, &st) == -1) {
		if (errno == ENOENT)
			return 0;
		failed(v, "cannot replace it");
		return -1;
	}
	if (S_ISLNK(st.st_mode)) {
		if ((e = safe_write(NULL, v->path, v->s, v->len,
		    SW_QUIET)) == -1) {
			failed(v, "cannot replace it");
			return -1;
		}
		if (e == 0)
			v->err = -1;	/* synced with its folder */
		return 1;
	}
	if (!S_ISREG(st.st_mode) || !(st.st_mode & S_IWUSR)) {
		errno = S_ISREG(st.st_mode) ? EACCES : EINVAL;
		failed(v, S_ISREG(st.st_mode) ? "read-only: nothing written" :
		    "not a regular file");
		return -1;
	}
	*mode = st.st_mode & 07777;
	return 0;
}

/*
 * The renames of the files to replace, on RENAMERS threads: a rename over
 * a file frees the old one's blocks, and ext4 (mounted with discard, as
 * virtual disks are) waits 1.5 ms for each, which threads overlap (2,000
 * renames: 3 s on one, 0.5 s on eight).  t[i].fd is left alone; the
 * rename's errno goes to re[i] (0 when done).
 */
#define RENAMERS	8

struct renames {
	char *const		*from;		/* NULL: none for this one */
	struct newfile		*v;
	int			*re;
	size_t			 n;
	atomic_size_t		 next;
};

static void *
renamer(void *p)
{
	struct renames *r = p;
	size_t i;

	while ((i = atomic_fetch_add(&r->next, 1)) < r->n)
		if (r->from[i])
			r->re[i] = rename(r->from[i], r->v[i].path) == -1 ?
			    errno : 0;
	return NULL;
}

/* from[i] renamed over v[i].path, where from[i] is not NULL. */
static void
rename_all(char *const *from, struct newfile *v, int *re, size_t n)
{
	struct renames r = { from, v, re, n, 0 };
	pthread_t th[RENAMERS];
	size_t i, k, nt = 0;

	for (i = k = 0; i < n; i++)
		k += from[i] != NULL;
	for (; k > 16 && nt < RENAMERS; nt++)
		if (pthread_create(&th[nt], NULL, renamer, &r) != 0)
			break;
	renamer(&r);
	for (i = 0; i < nt; i++)
		pthread_join(th[i], NULL);
}

/*
 * The file v replaced by its temporary file tmp failed (errno re): on
 * another file system, it is written the slow way beside it; else said.
 * tmp is removed.
 */
static void
replace_failed(struct newfile *v, const char *tmp, int re)
{
	int e;

	unlink(tmp);
	errno = re;
	if (re != EXDEV || (e = safe_write(NULL, v->path, v->s, v->len,
	    SW_QUIET)) == -1)
		failed(v, "cannot replace it");
	else if (e == 0)
		v->err = -1;	/* synced with its folder */
}

static long pid_now;

static void
pid_read(void)
{
	pid_now = getpid();
}

/*
 * The first half of safe_create_all for one new file, on any thread:
 * s[0..len) written to a new temporary file in folder dir (named .nw-...,
 * mode 0600, neither synced nor locked: a cleaner of stale temporary
 * files takes only those a few minutes old), closed.  Its name, for
 * newfile's tmp (safe_create_all syncs and names it), or NULL with errno.
 */
char *
safe_put_new(const char *dir, const char *s, size_t len)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	static atomic_ulong seq;
	char *tmp;
	int fd, e, tries;

	pthread_once(&once, pid_read);
	for (tries = 0;; tries++) {
		tmp = xasprintf("%s/.nw-%ld-%lu", dir, pid_now,
		    atomic_fetch_add(&seq, 1));
		if ((fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		    0600)) != -1)
			break;
		e = errno;
		free(tmp);
		errno = e;
		if (e != EEXIST || tries == 100)
			return NULL;
	}
	/*
	 * the mode of safe_write's new files whatever the umask (reading
	 * the umask would set it for every thread a moment)
	 */
	if (fchmod(fd, 0600) == -1 || write_all(fd, s, len) == -1) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) == 0)
		return tmp;
	e = errno;
fail:
	unlink(tmp);
	free(tmp);
	errno = e;
	return NULL;
}

/*
 * The second half of a safe_write whose temporary file tmp was written
 * before by safe_put_new (in a folder of path's file system), while other
 * work went on: an fsync of it (little to do when a syncfs came since),
 * then it becomes path, with SW_CREATE never over a file there, else over
 * the one there, which must be a regular file of mode 0600 (nw's own),
 * then the fsync of path's folder.  0 done; 1 done, but the folder's
 * fsync failed (unsynced: said unless SW_QUIET); -1 not done and nothing
 * said, tmp removed either way: the caller writes it the slow way
 * (safe_write), which says why.  The caller holds the network's lock.
 */
int
safe_put_done(const char *tmp, const char *path, int flags)
{
	char dir[PATH_MAX];
	struct stat st;
	int fd, ok;

	if ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) == -1) {
		unlink(tmp);
		return -1;
	}
	ok = fsync(fd) == 0;
	close(fd);
	if (!ok)
		goto fail;
	if (!(flags & SW_CREATE)) {
		if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
		    (st.st_mode & 07777) != 0600 || rename(tmp, path) == -1)
			goto fail;
	} else if (rename_new(tmp, path) == -1)
		goto fail;
	folder(path, dir);
	if (syncdir(dir) == -1) {
		unsynced(flags & SW_QUIET, path, flags & SW_CREATE ?
		    "created" : "written", dir);
		return 1;
	}
	return 0;
fail:
	unlink(tmp);
	return -1;
}

/*
 * The first half of safe_create_all for v, on any thread (the caller
 * holds the network's lock): its bytes written to a temporary file,
 * v->tmp, neither synced nor named: a file it replaces gets one in
 * tmpdir (that file's mode), a new one beside it (safe_put_new).  So
 * a writer makes every file of a run before it renames any: on ext4
 * without a journal, each inode made skips those freed in the last
 * minute, which a rename over a file frees.  What cannot be put so (a
 * symlink, a read-only file, an error) is left to safe_create_all
 * (v->tmp NULL), which writes it or says why.
 */
void
safe_put(const char *tmpdir, struct newfile *v)
{
	char dir[PATH_MAX], tmp[PATH_MAX + 16];
	struct stat st;
	mode_t mode = 0600;
	int fd;

	folder(v->path, dir);
	if (!v->replace) {
		v->tmp = safe_put_new(dir, v->s, v->len);
		return;
	}
	if (lstat(v->path, &st) == 0) {
		if (!S_ISREG(st.st_mode) || !(st.st_mode & S_IWUSR))
			return;
		mode = st.st_mode & 07777;
	} else if (errno != ENOENT)
		return;
	if ((fd = tmpfile_put(tmpdir ? tmpdir : dir, tmp, sizeof tmp, v->s,
	    v->len, mode, 0)) == -1)
		return;
	if (close(fd) == -1) {
		unlink(tmp);
		return;
	}
	v->tmp = xstrdup(tmp);
}

/*
 * The files of v[0..n) written already (safe_put, safe_put_new) made
 * durable at once (one syncfs through their syncfd, opened before they
 * were written, so that it reports any write error since; else an fsync
 * each), then named: a new one never over a file there, one to replace
 * over the file (rename_all).
 */
static void
create_written(struct newfile *v, size_t n)
{
	char **from;
	int *re;
	size_t i;
	int fd = -1, synced = 0;

	for (i = 0; i < n && v[i].tmp == NULL; i++)
		;
	if (i == n)
		return;
	if (v[i].syncfd != -1 && sys_syncfs(v[i].syncfd) == 0)
		synced = 1;
	from = xcalloc(n, sizeof *from);
	re = xcalloc(n, sizeof *re);
	for (i = 0; i < n; i++) {
		if (v[i].tmp == NULL)
			continue;
		if (!synced && ((fd = open(v[i].tmp, O_RDONLY | O_CLOEXEC)) ==
		    -1 || fsync(fd) == -1)) {
			failed(&v[i], "fsync");
			if (fd != -1)
				close(fd);
			unlink(v[i].tmp);
			continue;
		}
		if (!synced)
			close(fd);
		if (v[i].replace) {
			from[i] = v[i].tmp;
			continue;
		}
		if (rename_new(v[i].tmp, v[i].path) == -1) {
			failed(&v[i], "cannot create it");
			unlink(v[i].tmp);
		}
	}
	rename_all(from, v, re, n);
	for (i = 0; i < n; i++)
		if (from[i] && re[i] != 0)
			replace_failed(&v[i], v[i].tmp, re[i]);
	free(from);
	free(re);
}

/* Files v[0..n), written to a temporary file each, synced, then named. */
static void
create_window(const char *tmpdir, struct newfile *v, size_t n,
    struct tmpf *t)
{
	int re[WINDOW];
	char *from[WINDOW], dir[PATH_MAX];
	size_t i;
	mode_t mode;
	int e;

	/* every file written, then all synced at once */
	for (i = 0; i < n; i++) {
		if (v[i].tmp) {		/* done by create_written */
			t[i].anon = 0;
			t[i].fd = -1;
			continue;
		}
		if (v[i].replace) {
			t[i].anon = 0;
			t[i].fd = -1;
			folder(v[i].path, dir);
			if (replace_mode(&v[i], &mode) == 0 && (t[i].fd =
			    tmpfile_put(tmpdir ? tmpdir : dir, t[i].path,
			    sizeof t[i].path, v[i].s, v[i].len, mode,
			    0)) == -1)
				failed(&v[i], "cannot write a temporary file");
			continue;
		}
		t[i].anon = (t[i].fd = anon_put(v[i].path, v[i].s,
		    v[i].len)) != -1;
		if (!t[i].anon && (t[i].fd = tmpfile_put(tmpdir, t[i].path,
		    sizeof t[i].path, v[i].s, v[i].len, 0600, 0)) == -1)
			failed(&v[i], "cannot write a temporary file");
	}
	sync_all(t, v, n);
	for (i = 0; i < n; i++)
		from[i] = t[i].fd != -1 && v[i].replace ? t[i].path : NULL;
	rename_all(from, v, re, n);
	for (i = 0; i < n; i++) {
		if (t[i].fd == -1)
			continue;
		if (v[i].replace && re[i] != 0)
			/* another file system: the slow way, beside it */
			replace_failed(&v[i], t[i].path, re[i]);
		else if (!v[i].replace && name_new(&t[i], v[i].path) == -1) {
			/* no name to be had (no /proc, another file system):
			 * the file is written again the slow way */
			e = errno;
			if (e != EXDEV && e != EPERM && e != ENOENT)
				failed(&v[i], "cannot create it");
			else if ((e = safe_write(NULL, v[i].path, v[i].s,
			    v[i].len, SW_CREATE | SW_QUIET)) == -1)
				failed(&v[i], "cannot create it");
			else if (e == 0)
				v[i].err = -1;	/* synced with its folder */
			if (!t[i].anon)
				unlink(t[i].path);
		}
		close(t[i].fd);
	}
}

static int
bydir(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Create the new files v[0..n) as safe_write would, each to be there whole
 * or not at all after a crash, in far fewer waits for the disk: every
 * file is written to a temporary file (one with no name in its folder,
 * O_TMPFILE, else one in tmpdir), then they are synced together
 * (sync_all) and only then named (never over a file that exists; but
 * a file marked replace is renamed over the one there, its mode kept,
 * its temporary file in tmpdir, which must be on its file system),
 * then each folder they went into is synced once.  A window of them at a
 * time, for the open files.  A file whose tmp is set was written
 * already (safe_put_new, on any thread, beside it): all those are synced
 * at once and named first (create_written).  Each v[i].err is then 0, or errno with
 * v[i].what saying what failed; when a folder's fsync fails, its files
 * are made all the same, said (unsynced).  The files that failed.  The
 * caller holds the network's lock.
 */
int
safe_create_all(const char *tmpdir, struct newfile *v, size_t n)
{
	struct tmpf *t;
	char **dirs, dir[PATH_MAX], *done;
	const char *first = NULL;
	size_t i, j, k, nd = 0;
	int bad = 0, e;

	t = xcalloc(WINDOW, sizeof *t);
	for (i = 0; i < n; i++)
		v[i].err = 0, v[i].what = NULL;
	create_written(v, n);
	for (i = 0; i < n; i += WINDOW)
		create_window(tmpdir, v + i, n - i < WINDOW ? n - i : WINDOW, t);
	free(t);
	dirs = xcalloc(n, sizeof *dirs);
	for (i = 0; i < n; i++)
		if (v[i].err == 0) {
			folder(v[i].path, dir);
			dirs[nd++] = xstrdup(dir);
		}
	qsort(dirs, nd, sizeof *dirs, bydir);
	for (i = 0; i < nd; i++) {
		if (i > 0 && strcmp(dirs[i], dirs[i - 1]) == 0)
			continue;
		if (syncdir(dirs[i]) == 0)
			continue;
		/* they are there: said once a folder, each counted as made */
		e = errno;
		for (j = k = 0; j < n; j++) {
			folder(v[j].path, dir);
			if (v[j].err == 0 && strcmp(dir, dirs[i]) == 0 &&
			    k++ == 0)
				first = v[j].path;
		}
		done = k == 1 ? xstrdup("created") : xasprintf("created, as "
		    "%zu other%s beside it", k - 1, k == 2 ? " was" : "s were");
		errno = e;
		unsynced(0, first, done, dirs[i]);
		free(done);
	}
	for (i = 0; i < nd; i++)
		free(dirs[i]);
	free(dirs);
	for (i = 0; i < n; i++) {
		if (v[i].err == -1)
			v[i].err = 0;
		bad += v[i].err != 0;
		free(v[i].tmp);
		v[i].tmp = NULL;
	}
	return bad;
}

/*
 * The first half of a move (nw-mv): the file from gets the second name
 * to, which must not exist, a hard link, and the new name is synced;
 * safe_remove of from is the second half.  A crash between leaves one
 * file under both names, never neither.  When the new name cannot be
 * synced it goes again.  Said on stderr when it fails.  0 done, -1 not
 * done.  The caller holds the network's lock.
 */
int
safe_link(const char *from, const char *to)
{
	char dir[PATH_MAX];
	int e;

	if (link(from, to) == -1) {
		warn("'%s': cannot make it '%s'", from, to);
		return -1;
	}
	folder(to, dir);
	if (syncdir(dir) == -1) {
		e = errno;
		unlink(to);
		errno = e;
		warn("'%s': fsync of '%s': nothing renamed", to, dir);
		return -1;
	}
	return 0;
}

/*
 * Remove the file path, the removal synced: 0, 1 removed but not synced
 * (unsynced, which says what was done: "removed", "renamed"), -1 not
 * removed.  The caller holds the lock.
 */
int
safe_remove(const char *path, const char *done)
{
	char dir[PATH_MAX];

	folder(path, dir);
	if (unlink(path) == -1) {
		warn("'%s'", path);
		return -1;
	}
	if (syncdir(dir) == -1) {
		unsynced(0, path, done, dir);
		return 1;
	}
	return 0;
}

/*
 * s[0..len) appended to the file path after its first keep bytes (what
 * follows them, an append cut short, goes first), made durable: an fsync
 * of the file, and of its folder when this made the file (0600, never
 * through a symlink).  A crash leaves the first keep bytes as they were
 * and some of the rest: the reader must know a torn tail (nw-vdir's
 * journal checks each record).  0, or -1 with errno; nothing said.  The
 * caller holds the network's lock.
 */
int
safe_append(const char *path, size_t keep, const char *s, size_t len)
{
	char dir[PATH_MAX];
	int fd, e, made = 0, ok;

	if ((fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)) == -1 &&
	    errno == ENOENT) {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
		    O_NOFOLLOW, 0600);
		made = fd != -1;
	}
	if (fd == -1)
		return -1;
	ok = ftruncate(fd, (off_t)keep) == 0 &&
	    lseek(fd, 0, SEEK_END) != -1 && write_all(fd, s, len) == 0 &&
	    fsync(fd) == 0;
	e = errno;
	if (close(fd) == -1 && ok)
		ok = 0, e = errno;
	if (ok && made) {
		folder(path, dir);
		if (syncdir(dir) == -1)
			ok = 0, e = errno;
	}
	errno = e;
	return ok ? 0 : -1;
}

/*
 * A regular file's bytes, NUL-terminated, at most NW_MAXFILE of them.  NULL
 * with the reason in err (256 bytes) otherwise.
 */
char *
file_read(const char *path, size_t *lenp, char *err)
{
	return file_read_max(path, lenp, err, NW_MAXFILE);
}

/* The same, at most max bytes: nw-edit mends a file over the limit. */
char *
file_read_max(const char *path, size_t *lenp, char *err, size_t max)
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
	if (!S_ISREG(st.st_mode) || (size_t)st.st_size > max) {
		if (S_ISREG(st.st_mode))
			snprintf(err, 256, "file too large (%lld bytes, the "
			    "limit is %zu)", (long long)st.st_size, max);
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
