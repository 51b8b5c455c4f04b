/* dir.c - the network folder and its files */

#include <sys/stat.h>

#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

const char *nw_dir_opt;

static char *
default_dir(void)
{
	const char *x, *h;

	if ((x = getenv("XDG_DATA_HOME")) != NULL && *x == '/')
		return xasprintf("%s/nw", x);
	if ((h = getenv("HOME")) == NULL || *h == '\0')
		errx(1, "no network: set NW_DIR or HOME, or use -C");
	return xasprintf("%s/.local/share/nw", h);
}

/*
 * A network here or below the current folder is named from here, so that
 * paths in messages are those the user would type: ada.yaml:3:1 in the
 * network, work/ada.yaml above it.  Elsewhere it stays as given.
 */
static void
here(struct net *net)
{
	char cwd[PATH_MAX];
	size_t n;

	if (getcwd(cwd, sizeof cwd) == NULL || (n = strlen(cwd)) <= 1 ||
	    strncmp(net->real, cwd, n) != 0 ||
	    (net->real[n] != '\0' && net->real[n] != '/'))
		return;
	free(net->dir);
	net->dir = xstrdup(net->real[n] ? net->real + n + 1 : ".");
}

static char	*join(const char *, const char *, const char *);
static int	 yamlname(const char *);

/*
 * The folder at or above the current one that holds .nw.yaml, as git
 * finds a repository; NULL when none does.
 */
static char *
found_here(void)
{
	char cwd[PATH_MAX], *p, *slash;
	struct stat st;
	size_t n;

	if (getcwd(cwd, sizeof cwd) == NULL)
		return NULL;
	for (;;) {
		n = strlen(cwd);
		p = xasprintf("%s%s.nw.yaml", cwd, n > 1 ? "/" : "");
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			free(p);
			return xstrdup(cwd);
		}
		free(p);
		if ((slash = strrchr(cwd, '/')) == NULL || n <= 1)
			return NULL;
		slash[slash == cwd] = '\0';
	}
}

/*
 * Does dir hold a contact within depth folders?  Enough to tell a network
 * made without nw-init from a wrong folder, without walking a whole home.
 */
static int
has_contact(const char *dir, int depth)
{
	struct dirent *de;
	struct stat st;
	char *p;
	DIR *d;
	int yes = 0;

	if ((d = opendir(dir)) == NULL)
		return errno != ENOENT;	/* unreadable: the scan says so */
	while (!yes && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		p = join(dir, de->d_name, "");
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode))
			yes = yamlname(de->d_name);
		else if (depth > 0 && lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
			yes = has_contact(p, depth - 1);
		free(p);
	}
	closedir(d);
	return yes;
}

/*
 * The network, found as git finds a repository: -C, else the folder at or
 * above the current one that holds .nw.yaml, else $NW_DIR, else the XDG
 * data folder (nw(7)).  With must set, a folder that is not there, or is
 * no network (no .nw.yaml, no contact), is an error; must 2 takes an
 * empty folder (nw-init's).
 */
struct net *
net_open(int must)
{
	struct net *net;
	const char *e;
	char real[PATH_MAX], *p;
	struct stat st;
	int none;

	net = xcalloc(1, sizeof *net);
	net->lockfd = -1;
	/* before any file is looked at: see cache.c */
	net->opened = time(NULL);
	if (nw_dir_opt)
		net->dir = xstrdup(nw_dir_opt);
	else if ((net->dir = found_here()) != NULL)
		;
	else if ((e = getenv("NW_DIR")) != NULL && *e)
		net->dir = xstrdup(e);
	else
		net->dir = default_dir();
	if (stat(net->dir, &st) == -1 || !S_ISDIR(st.st_mode)) {
		if (!must)
			return net;
		errx(1, "'%s': no network there (nw-init creates one)",
		    net->dir);
	}
	p = xasprintf("%s/.nw.yaml", net->dir);
	none = must == 1 && access(p, F_OK) == -1 && !has_contact(net->dir, 3);
	free(p);
	if (none)
		errx(1, "'%s': not a network: no .nw.yaml and no contact "
		    "(nw-init makes one)", net->dir);
	if (realpath(net->dir, real) == NULL)
		err(1, "'%s'", net->dir);
	net->real = xstrdup(real);
	here(net);
	net_settings(net);
	return net;
}

/*
 * A part of the network that could not be read, or that nw leaves alone:
 * said once on standard error (for nw-check, kept in net->problems), and
 * remembered, so that the scan exits 1.  Returns 1.
 */
static int
net_problem(struct net *net, const char *path, const char *why)
{
	char *s;

	net->unread = 1;
	s = xasprintf("%s\t%s", path, why);
	if (strv_has(&net->said, s)) {
		free(s);
		return 1;
	}
	strv_add(&net->said, s);
	if (net->problems)
		strv_add(net->problems, s);
	else
		warnx_safe("'%s': %s", path, why);
	free(s);
	return 1;
}

/* The same for an error of the system. */
static void
net_unreadable(struct net *net, const char *path, int e)
{
	net_problem(net, path, strerror(e));
}

/* nw-check: the parts that could not be read kept in problems, not said. */
void
net_keep_problems(struct net *net, struct strv *problems)
{
	net->problems = problems;
}

/* The folder of the network, as the user gave it. */
const char *
net_dir(const struct net *net)
{
	return net->dir;
}

/* The name of circle i of the settings, NULL past the last. */
const char *
net_circle_name(const struct net *net, size_t i)
{
	return i < net->ncircles ? net->circles[i].name : NULL;
}

/* The cadence of circle name, NULL for none; name NULL: the default. */
struct dur *
net_circle(struct net *net, const char *name)
{
	size_t i;

	if (name == NULL)
		return &net->dflt;
	for (i = 0; i < net->ncircles; i++)
		if (strcmp(net->circles[i].name, name) == 0)
			return &net->circles[i].every;
	return NULL;
}

/* a, '/', b and c as one string: the paths of a walk, without printf */
static char *
join(const char *a, const char *b, const char *c)
{
	size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
	char *s = xmalloc(na + 1 + nb + nc + 1);

	memcpy(s, a, na);
	s[na] = '/';
	memcpy(s + na + 1, b, nb);
	memcpy(s + na + 1 + nb, c, nc + 1);
	return s;
}

/*
 * The path of contact id into p, NUL-terminated; the bytes it takes,
 * when p is NULL.  A network given as "." is left out: "ada.yaml".
 */
size_t
net_path_put(struct net *net, const char *id, char *p)
{
	size_t nd = strcmp(net->dir, ".") ? strlen(net->dir) + 1 : 0;
	size_t ni = strlen(id);

	if (p) {
		memcpy(p, net->dir, nd);
		if (nd)
			p[nd - 1] = '/';
		memcpy(p + nd, id, ni);
		memcpy(p + nd + ni, ".yaml", 6);
	}
	return nd + ni + 6;
}

char *
net_path(struct net *net, const char *id)
{
	char *p = xmalloc(net_path_put(net, id, NULL));

	net_path_put(net, id, p);
	return p;
}

/*
 * An id names a file below the network: no '..', no dot files, no
 * control character (C0, DEL, C1).
 */
int
id_valid(const char *id)
{
	const char *p;

	if (*id == '\0' || *id == '/')
		return 0;
	for (p = id; *p; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
		if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] >= 0x80 &&
		    (unsigned char)p[1] <= 0x9f)
			return 0;	/* a C1 control: CSI is one */
		if ((p == id || p[-1] == '/') && (*p == '.' || *p == '/'))
			return 0;
	}
	return p[-1] != '/';
}

/* Does the real path of this file lie inside the network? */
static int
inside(struct net *net, const char *path)
{
	char real[PATH_MAX];
	size_t n = strlen(net->real);

	if (realpath(path, real) == NULL)
		return 0;
	return strncmp(real, net->real, n) == 0 &&
	    (real[n] == '/' || (n == 1 && net->real[0] == '/'));
}

/* What tells that a file changed, from its stat(2); see cache.c. */
void
stamp_from(struct stamp *s, const struct stat *st)
{
	s->ino = st->st_ino;
	s->size = st->st_size;
	s->mtime = st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
	s->ctime = st->st_ctim.tv_sec * 1000000000LL + st->st_ctim.tv_nsec;
}

struct list {
	char		**v;
	struct stamp	 *st;		/* with want: each file's stamp */
	size_t		  n, cap;
	int		  want;
	struct strv	 *odd;		/* "path\twhy" of what is no contact */
};

static void
odd(struct list *l, const char *rel, const char *why)
{
	char *s;

	if (l->odd == NULL)
		return;
	s = xasprintf("%s\t%s", rel, why);
	strv_add(l->odd, s);
	free(s);
}

static int
yamlname(const char *s)
{
	size_t n = strlen(s);

	return n > 5 && strcmp(s + n - 5, ".yaml") == 0;
}

static void walk(struct net *, const char *, struct list *);

struct dent {				/* a folder's entry, and its lstat */
	char		*name;
	mode_t		 mode;
	struct stamp	 st;
	int		 ok, err;
};

struct dents {
	int		 fd;		/* the folder */
	struct dent	*v;
	size_t		 n, cap;
};

static void
dent_stat(struct dents *ds, size_t i)
{
	struct dent *e = &ds->v[i];
	struct stat st;

	if ((e->ok = fstatat(ds->fd, e->name, &st, AT_SYMLINK_NOFOLLOW) ==
	    0)) {
		e->mode = st.st_mode;
		stamp_from(&e->st, &st);
	} else
		e->err = errno;
}

/*
 * An entry of the folder rel: a folder to walk, a contact, or an oddity.
 * It takes the entry's name.
 */
static void
walk_entry(struct net *net, const char *rel, struct dent *e, struct list *l)
{
	struct stat st;
	mode_t mode = e->mode;
	char *id, *path = NULL;

	id = *rel ? join(rel, e->name, "") : e->name;
	if (id != e->name)
		free(e->name);
	if ((S_ISDIR(mode) || yamlname(id)) && !id_valid(id)) {
		/* an id with a line break could redirect a pipeline */
		path = join(net->dir, id, "");
		net_problem(net, path, "a name with a control character: "
		    "left alone (rename it)");
		free(path);
		free(id);
		return;
	}
	if (S_ISLNK(mode) && yamlname(id)) {	/* its target stamped */
		path = join(net->dir, id, "");
		if (stat(path, &st) == 0 && inside(net, path)) {
			mode = st.st_mode;
			stamp_from(&e->st, &st);
		}
	}
	if (S_ISDIR(mode) && !S_ISLNK(e->mode)) {
		if (yamlname(id))
			odd(l, id, "a folder named like a contact");
		walk(net, id, l);
	} else if (yamlname(id) && S_ISREG(mode)) {
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 256;
			l->v = xrealloc(l->v, l->cap * sizeof *l->v);
			if (l->want)
				l->st = xrealloc(l->st, l->cap * sizeof *l->st);
		}
		if (*id == '-')
			odd(l, id, "a name that starts with '-': nw writes "
			    "its id ./-name; rename it");
		id[strlen(id) - 5] = '\0';
		if (l->want)
			l->st[l->n] = e->st;
		l->v[l->n++] = id;
		id = NULL;
	} else if (yamlname(id))
		odd(l, id, S_ISLNK(e->mode) ? "a symlink to no contact of "
		    "the network" : S_ISFIFO(mode) ? "a FIFO, not a contact" :
		    "not a regular file");
	free(id);
	free(path);
}

/*
 * A folder's entries are read first, then stat'ed with the folder's fd:
 * no path to look up again, and on a large network that is most of what
 * a scan with a cache does.  On one core: two gain nothing measurable,
 * and a process that never starts a thread keeps stdio's fast path.
 */
static void
walk(struct net *net, const char *rel, struct list *l)
{
	struct dents ds = { -1, NULL, 0, 0 };
	struct dirent *de;
	char *path, *id;
	size_t i;
	DIR *d;

	path = *rel ? join(net->dir, rel, "") : xstrdup(net->dir);
	if ((d = opendir(path)) == NULL) {
		net_unreadable(net, path, errno);
		free(path);
		return;
	}
	for (errno = 0; (de = readdir(d)) != NULL; errno = 0) {
		if (strncmp(de->d_name, ".nw-", 4) == 0) {
			id = *rel ? join(rel, de->d_name, "") :
			    xstrdup(de->d_name);
			odd(l, id, "a temporary file left by an interrupted "
			    "write: remove it");
			free(id);
		}
		if (de->d_name[0] == '.')
			continue;
		if (ds.n == ds.cap) {
			ds.cap = ds.cap ? 2 * ds.cap : 64;
			ds.v = xrealloc(ds.v, ds.cap * sizeof *ds.v);
		}
		ds.v[ds.n++].name = xstrdup(de->d_name);
	}
	if (errno)	/* a folder read in part is a network read in part */
		net_unreadable(net, path, errno);
	free(path);
	ds.fd = dirfd(d);
	for (i = 0; i < ds.n; i++)
		dent_stat(&ds, i);
	for (i = 0; i < ds.n; i++)
		if (ds.v[i].ok)
			walk_entry(net, rel, &ds.v[i], l);
		else {
			if (ds.v[i].err != ENOENT) {	/* not a race */
				id = *rel ? join(rel, ds.v[i].name, "") :
				    xstrdup(ds.v[i].name);
				path = join(net->dir, id, "");
				net_unreadable(net, path, ds.v[i].err);
				free(path);
				free(id);
			}
			free(ds.v[i].name);
		}
	free(ds.v);
	closedir(d);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct idst {
	char		*id;
	struct stamp	 st;
};

static int
cmpidst(const void *a, const void *b)
{
	return strcmp(((const struct idst *)a)->id,
	    ((const struct idst *)b)->id);
}

/* Sort the ids and their stamps alike. */
static void
sortstamps(struct list *l)
{
	struct idst *v = xcalloc(l->n, sizeof *v);
	size_t i;

	for (i = 0; i < l->n; i++)
		v[i].id = l->v[i], v[i].st = l->st[i];
	qsort(v, l->n, sizeof *v, cmpidst);
	for (i = 0; i < l->n; i++)
		l->v[i] = v[i].id, l->st[i] = v[i].st;
	free(v);
}

/*
 * Every contact id, sorted.  With odd, the things below the network that
 * look like contacts and are not, or should not be there ("path\twhy").
 */
int
net_list(struct net *net, char ***ids, size_t *n, struct strv *oddities)
{
	return net_scan(net, ids, NULL, n, oddities);
}

/* The same, with each file's stamp in *st when st is not NULL. */
int
net_scan(struct net *net, char ***ids, struct stamp **st, size_t *n,
    struct strv *oddities)
{
	struct list l = { 0 };

	l.odd = oddities;
	l.want = st != NULL;
	if (net->real)
		walk(net, "", &l);
	if (l.n && st)
		sortstamps(&l);
	else if (l.n)
		qsort(l.v, l.n, sizeof *l.v, cmpstr);
	if (oddities && oddities->n)
		qsort(oddities->v, oddities->n, sizeof *oddities->v, cmpstr);
	*ids = l.v;
	*n = l.n;
	if (st)
		*st = l.st;
	return 0;
}

/*
 * A network that is another user's (root's sudo, say) is refused: its .nw
 * made or used by us would lock its owner out, and "remove it" would be
 * the wrong word.  Whose it is, by the folder's owner.
 */
static void
theirs(struct net *net)
{
	struct passwd *pw;
	struct stat st;
	char who[64];

	if (stat(net->dir, &st) == -1 || st.st_uid == geteuid())
		return;
	if ((pw = getpwuid(st.st_uid)) != NULL)
		snprintf(who, sizeof who, "%s", pw->pw_name);
	else
		snprintf(who, sizeof who, "uid %lu", (unsigned long)st.st_uid);
	errx(1, "'%s': the network of %s, not yours: nothing done (run nw "
	    "as %s)", net->dir, who, who);
}

/*
 * The network's own folder .nw/ and the folder sub below it (NULL: .nw
 * itself), made when missing.  Anything there but a real folder of ours
 * is refused: .nw is never versioned, but a remote can commit a symlink
 * by that name, and nw must not put its lock or its temporary files where
 * a symlink points.
 */
static char *
statedir(struct net *net, const char *sub)
{
	struct stat st;
	char *p;

	p = xasprintf("%s/.nw%s%s", net->dir, sub ? "/" : "", sub ? sub : "");
	if (sub)
		free(statedir(net, NULL));
	else
		theirs(net);
	if (lstat(p, &st) == -1 && (errno != ENOENT ||
	    (mkdir(p, 0700) == -1 && errno != EEXIST) || lstat(p, &st) == -1))
		err(1, "'%s'", p);
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid())
		errx(1, "'%s': not a folder of yours (%s): remove it", p,
		    S_ISLNK(st.st_mode) ? "a symlink" : S_ISDIR(st.st_mode) ?
		    "another owner" : "not a folder");
	return p;
}

/*
 * Temporary files left by a writer that was killed: gone on the next
 * write.  A file is stale when it is a few minutes old and no process
 * holds the lock its writer took on it.
 */
static void
clean_tmp(const char *dir)
{
	struct dirent *de;
	struct stat st;
	time_t now = time(NULL);
	char *p;
	DIR *d;
	int fd;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, ".nw-", 4) != 0)
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_mtime + 120 < now &&
		    (fd = open(p, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) != -1) {
			if (sys_lock(fd, 0) == 0)
				unlink(p);
			close(fd);
		}
		free(p);
	}
	closedir(d);
}

/* Where safe_write puts its temporary files: .nw/tmp, cleaned once. */
const char *
net_tmpdir(struct net *net)
{
	if (net->tmpdir == NULL) {
		net->tmpdir = statedir(net, "tmp");
		clean_tmp(net->tmpdir);
	}
	return net->tmpdir;
}

/*
 * Who held the lock last: each lock writes a token of its own into
 * .nw/lock, and finds there the one it wrote the time before unless
 * another process locked the network since (net->others counts those
 * times; the first lock counts, it knows nothing).  So a writer that
 * keeps what it read of the network from one lock to the next (nw-add's
 * names, refs_taken) knows when to read it again.  A token is this
 * process, the moment of its first lock and a count: never another's,
 * even across pid namespaces.  Failing to read or write it only counts.
 */
static void
sign(struct net *net)
{
	static unsigned long n;
	static long long t0;
	struct timespec ts;
	char buf[sizeof net->token];
	ssize_t got;
	size_t len = strlen(net->token);

	got = pread(net->lockfd, buf, sizeof buf, 0);
	if (len == 0 || got != (ssize_t)len || memcmp(buf, net->token, len))
		net->others++;
	if (t0 == 0 && clock_gettime(CLOCK_REALTIME, &ts) == 0)
		t0 = ts.tv_sec * 1000000000LL + ts.tv_nsec;
	len = snprintf(net->token, sizeof net->token, "%08lx %016llx %08lx\n",
	    (unsigned long)getpid(), (unsigned long long)t0, ++n);
	if (pwrite(net->lockfd, net->token, len, 0) != (ssize_t)len)
		net->token[0] = '\0';
}

/*
 * Writers hold .nw/lock around each read-change-write of a file, never
 * while they wait for input: a pipeline of two writers must not deadlock.
 * Calls nest; the lock goes when the outermost unlock comes.
 */
void
net_lock(struct net *net)
{
	struct stat st;
	char *p;

	if (net->locks++ > 0)
		return;
	if (net->lockfd == -1) {
		free(statedir(net, NULL));
		p = xasprintf("%s/.nw/lock", net->dir);
		if ((net->lockfd = open(p, O_RDWR | O_CREAT | O_CLOEXEC |
		    O_NOFOLLOW, 0600)) == -1 && lstat(p, &st) == 0 &&
		    S_ISLNK(st.st_mode))
			/* as for .nw/tmp (statedir): never where it points */
			errx(1, "'%s': not a file of yours (a symlink): "
			    "remove it", p);
		if (net->lockfd == -1)
			err(1, "'%s'", p);
		free(p);
	}
	while (sys_lock(net->lockfd, 1) == -1)
		if (errno != EINTR)
			err(1, "'%s/.nw/lock'", net->dir);
	sign(net);
}

void
net_unlock(struct net *net)
{
	if (net->locks == 0 || --net->locks > 0)
		return;
	sys_unlock(net->lockfd);
}

/* Is path (absolute or relative to here) a file inside the network? */
int
net_inside(struct net *net, const char *path)
{
	return inside(net, path);
}

/* Make the folders of path below the network, as needed. */
int
net_folders(struct net *net, const char *path)
{
	char *p = xstrdup(path), *s;
	size_t top = strlen(net->dir);
	int rv = 0;

	for (s = p + top + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST) {
			warn("'%s'", p);
			rv = -1;
		} else if (!net_inside(net, p)) {
			warnx("'%s': leads out of the network", p);
			rv = -1;
		}
		*s = '/';
		if (rv)
			break;
	}
	free(p);
	return rv;
}

void
net_free(struct net *net)
{
	size_t i;

	if (net == NULL)
		return;
	for (i = 0; i < net->ncircles; i++)
		free(net->circles[i].name);
	free(net->circles);
	strv_free(&net->offers);
	free(net->vdir);
	strv_free(&net->said);
	strv_free(&net->me);
	strv_free(&net->made);
	if (net->lockfd != -1)
		close(net->lockfd);
	if (net->cache)		/* cache.c is above: it left how to free it */
		net->cache_drop(net->cache);
	free(net->tmpdir);
	free(net->dir);
	free(net->real);
	free(net);
}

/*
 * The .nw/tmp of the network whose top holds file, when that folder has
 * a .nw of ours; NULL otherwise.  For nw-merge: git hands the driver its
 * copies at the top of the work tree, where the temporary file of a
 * write a kill stopped would show in git status.  Only the folder is
 * needed of the network: its settings may be half merged.
 */
char *
dir_tmpdir(const char *file)
{
	struct net net = { 0 };
	struct stat st;
	const char *slash = strrchr(file, '/');
	char *nw, *tmp = NULL;

	net.lockfd = -1;
	net.dir = slash ? xstrndup(file, slash == file ? 1 : slash - file) :
	    xstrdup(".");
	nw = xasprintf("%s/.nw", net.dir);
	if (lstat(nw, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_uid == geteuid())
		tmp = xstrdup(net_tmpdir(&net));
	free(nw);
	free(net.tmpdir);
	free(net.dir);
	return tmp;
}

/* --- a new network ------------------------------------------------------- */

static const char settings_text[] =
    "# nw settings: see nw(5).  Uncomment a line to change it.\n"
    "#\n"
    "# How often to be in touch, by circle; a contact's `every:` wins.\n"
    "# circles: {inner: 3w, close: 2m, regular: 6m, outer: 1y}\n"
    "#\n"
    "# The cadence of a contact with neither `every` nor `circle`.\n"
    "# default: 1y\n"
    "#\n"
    "# How far ahead nw-due -b shows birthdays and dates.\n"
    "# birthdays: 7d\n"
    "#\n"
    "# The longest anyone should go without contact (nw-stats).\n"
    "# floor: 1y\n"
    "#\n"
    "# What you can do for people, when they have no `offers:` of their own.\n"
    "# offers: [a reference, spreading the word]\n"
    "#\n"
    "# Commit each change when the network is a git repository.\n"
    "# autocommit: true\n";

/* mkdir -p, new folders 0700 */
static void
mkdirs(const char *dir)
{
	char *p = xstrdup(dir), *s;

	for (s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			err(1, "'%s'", p);
		*s = '/';
	}
	if (mkdir(p, 0700) == -1 && errno != EEXIST)
		err(1, "'%s'", p);
	free(p);
}

/* Does text hold this line (a CR before its end allowed)? */
static int
hasline(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *p;

	for (p = text; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, line, n) == 0 && (p[n] == '\0' ||
		    p[n] == '\n' || (p[n] == '\r' && p[n + 1] == '\n')))
			return 1;
	return 0;
}

/*
 * The file name at the network's top, written with text when missing;
 * when it exists, line appended unless it holds it.  1 if written.
 */
int
net_ensure(struct net *net, const char *name, const char *text,
    const char *line)
{
	char err[256], *old;
	size_t len;
	struct buf b = { 0 };
	char *path = xasprintf("%s/%s", net->dir, name);
	int rv = 0;

	if (access(path, F_OK) == -1) {
		if (safe_write(net_tmpdir(net), path, text, strlen(text), 1) == -1)
			exit(1);
		rv = 1;
	} else if (line) {
		if ((old = file_read(path, &len, err)) == NULL)
			errx(1, "'%s': %s", path, err);
		if (!hasline(old, line)) {
			buf_add(&b, old, len);
			if (b.len && b.s[b.len - 1] != '\n')
				buf_puts(&b, "\n");
			buf_puts(&b, line);
			buf_puts(&b, "\n");
			if (safe_write(net_tmpdir(net), path, b.s, b.len, 0) == -1)
				exit(1);
			rv = 1;
		}
		free(b.s);
		free(old);
	}
	free(path);
	return rv;
}

/*
 * The network nw-init makes: its folder (0700), .nw/, the settings with
 * their defaults commented out, a .gitignore that keeps .nw out of git.
 * Safe to run again: what is there is kept.
 */
struct net *
net_init(void)
{
	struct net *net;

	net = net_open(0);
	mkdirs(net->dir);
	net_free(net);
	net = net_open(2);
	net_lock(net);		/* makes .nw/ too */
	net_ensure(net, ".nw.yaml", settings_text, NULL);
	net_ensure(net, ".gitignore", ".nw\n", ".nw");
	net_unlock(net);
	return net;
}

/* --- a folder's names, sorted (nw-mail's Maildir, nw-cal's and nw-vdir's) */

static int
dir_namecmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names in folder dir that do not start with a dot and end with
 * suffix (any, when NULL), added to names in the order of strcmp: a run
 * reads a folder in the same order on every machine.  -1 with errno when
 * the folder cannot be read.
 */
int
dir_sorted(const char *dir, const char *suffix, struct strv *names)
{
	struct dirent *de;
	DIR *d;
	size_t n, k = suffix ? strlen(suffix) : 0, first = names->n;

	if ((d = opendir(dir)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && (n = strlen(de->d_name)) > k &&
		    strcmp(de->d_name + n - k, suffix ? suffix : "") == 0)
			strv_add(names, de->d_name);
	closedir(d);
	if (names->n > first)
		qsort(names->v + first, names->n - first, sizeof *names->v,
		    dir_namecmp);
	return 0;
}
