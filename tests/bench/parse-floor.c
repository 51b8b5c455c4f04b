/*
 * parse-floor - the floor for a full read of an nw network.
 *
 * usage: parse-floor [-s] DIR
 *        parse-floor -c N DIR
 *        parse-floor -C N BYTES DIR
 *        parse-floor -R DIR
 *
 * Walks DIR like nw does (every *.yaml file, skipping names that begin
 * with "."), reads each file into memory and runs libyaml's event parser
 * over it, discarding the events (no tree, no copies).  With -s it only stats each file (the stat floor: you must
 * at least notice changes).  Prints "files events bytes" on stdout.
 * With -c it creates N files of 600 bytes in DIR, each written under
 * another name and renamed, with no fsync: the floor of an import.
 * With -C N BYTES DIR it creates N files of BYTES bytes in DIR as a safe
 * writer of many files must at least: each written to a temporary name,
 * one syncfs for them all, each renamed to its name, one fsync of the
 * folder (on one core): the floor of nw-vdir's first write.
 * With -R DIR it replaces every *.yaml file of DIR (not below it) by its
 * own bytes and a log entry more, as a safe writer of many must at least:
 * each written to a temporary file in DIR/.nw/tmp, one syncfs, each
 * renamed over its file on 8 threads (a rename over a file waits while
 * the old one's blocks are freed; the threads overlap the waits, as
 * nw's writer does), one fsync of DIR: the writes of nw-mail's first run.
 * Compile: cc -O2 -o parse-floor parse-floor.c $(pkg-config --cflags --libs yaml-0.1)
 */
#define _GNU_SOURCE	/* syncfs */
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static int statonly;
static unsigned char *buf;
static size_t bufsz;
static unsigned long files, events, bytes, bad;

static int
yamlname(const char *s)
{
	size_t n = strlen(s);

	return n > 5 && strcmp(s + n - 5, ".yaml") == 0;
}

static void
parse(const char *path)
{
	yaml_parser_t p;
	yaml_event_t ev;
	FILE *fp;
	size_t len = 0, n;
	int done = 0;

	if ((fp = fopen(path, "rb")) == NULL) {
		perror(path);
		bad++;
		return;
	}
	for (;;) {
		if (len == bufsz) {
			bufsz = bufsz ? 2 * bufsz : 65536;
			if ((buf = realloc(buf, bufsz)) == NULL)
				abort();
		}
		if ((n = fread(buf + len, 1, bufsz - len, fp)) == 0)
			break;
		len += n;
	}
	fclose(fp);
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s:%lu:%lu: %s\n", path,
			    (unsigned long)p.problem_mark.line + 1,
			    (unsigned long)p.problem_mark.column + 1,
			    p.problem ? p.problem : "parse error");
			bad++;
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
}

static void
walk(const char *dir)
{
	DIR *d;
	struct dirent *e;
	struct stat st;
	char *path;
	size_t n;

	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		bad++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		n = strlen(dir) + strlen(e->d_name) + 2;
		if ((path = malloc(n)) == NULL)
			abort();
		snprintf(path, n, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) == -1) {
			perror(path);
			bad++;
		} else if (S_ISDIR(st.st_mode)) {
			walk(path);
		} else if (S_ISREG(st.st_mode) && yamlname(e->d_name)) {
			files++;
			bytes += st.st_size;
			if (!statonly)
				parse(path);
		}
		free(path);
	}
	closedir(d);
}

/* n files written and renamed in dir, none synced */
static int
create(const char *dir, long n)
{
	char tmp[4096], path[4096], data[600];
	long i;
	int fd;

	memset(data, 'x', sizeof data);
	data[sizeof data - 1] = '\n';
	for (i = 0; i < n; i++) {
		snprintf(tmp, sizeof tmp, "%s/.tmp-%ld", dir, i);
		snprintf(path, sizeof path, "%s/file-%ld.yaml", dir, i);
		if ((fd = open(tmp, O_CREAT | O_EXCL | O_WRONLY, 0600)) == -1 ||
		    write(fd, data, sizeof data) != (ssize_t)sizeof data ||
		    close(fd) == -1 || rename(tmp, path) == -1) {
			perror(tmp);
			return 1;
		}
	}
	printf("%ld\n", n);
	return 0;
}

/* n files of size bytes in dir: temporary names, one syncfs, renames */
static int
create_synced(const char *dir, long n, long size)
{
	char tmp[4096], path[4096], *data;
	long i;
	int fd, dfd;

	if (size < 1 || (data = malloc(size)) == NULL)
		return 2;
	memset(data, 'x', size);
	data[size - 1] = '\n';
	/* opened first: its syncfs reports write errors from then on */
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) == -1) {
		perror(dir);
		return 1;
	}
	for (i = 0; i < n; i++) {
		snprintf(tmp, sizeof tmp, "%s/.tmp-%ld", dir, i);
		if ((fd = open(tmp, O_CREAT | O_EXCL | O_WRONLY, 0600)) == -1 ||
		    write(fd, data, size) != (ssize_t)size || close(fd) == -1) {
			perror(tmp);
			return 1;
		}
	}
	if (syncfs(dfd) == -1) {
		perror("syncfs");
		return 1;
	}
	for (i = 0; i < n; i++) {
		snprintf(tmp, sizeof tmp, "%s/.tmp-%ld", dir, i);
		snprintf(path, sizeof path, "%s/file-%ld.vcf", dir, i);
		if (rename(tmp, path) == -1) {
			perror(tmp);
			return 1;
		}
	}
	if (fsync(dfd) == -1) {
		perror(dir);
		return 1;
	}
	close(dfd);
	free(data);
	printf("%ld\n", n);
	return 0;
}

struct repl {
	char		(*tmp)[4096], (*path)[4096];
	long		 n;
	atomic_long	 next;
	int		 bad;
};

static void *
renamer(void *arg)
{
	struct repl *r = arg;
	long i;

	while ((i = atomic_fetch_add(&r->next, 1)) < r->n)
		if (rename(r->tmp[i], r->path[i]) == -1) {
			perror(r->tmp[i]);
			r->bad = 1;
		}
	return NULL;
}

/* every *.yaml of dir replaced: temporary files, one syncfs, renames */
static int
replace_all(const char *dir)
{
	struct repl r = { 0 };
	struct dirent *e;
	pthread_t th[8];
	char *data, tdir[2048];
	size_t len;
	long cap = 0, i;
	FILE *f;
	DIR *d;
	int fd, dfd;

	snprintf(tdir, sizeof tdir, "%s/.nw/tmp", dir);
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY)) == -1 ||
	    (d = opendir(dir)) == NULL) {
		perror(dir);
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 6 ||
		    strcmp(e->d_name + len - 5, ".yaml") != 0)
			continue;
		if (r.n == cap) {
			cap = cap ? 2 * cap : 1024;
			r.tmp = realloc(r.tmp, cap * sizeof *r.tmp);
			r.path = realloc(r.path, cap * sizeof *r.path);
			if (r.tmp == NULL || r.path == NULL)
				return 2;
		}
		snprintf(r.path[r.n], sizeof r.path[r.n], "%s/%s", dir,
		    e->d_name);
		snprintf(r.tmp[r.n], sizeof r.tmp[r.n], "%s/.tmp-%ld", tdir,
		    r.n);
		r.n++;
	}
	closedir(d);
	for (i = 0; i < r.n; i++) {
		data = NULL;
		len = 0;
		if ((f = open_memstream(&data, &len)) == NULL)
			return 2;
		if ((fd = open(r.path[i], O_RDONLY)) != -1) {
			char buf[65536];
			ssize_t k;

			while ((k = read(fd, buf, sizeof buf)) > 0)
				fwrite(buf, 1, k, f);
			close(fd);
		}
		fputs("log:\n  - {date: 2026-11-20, kind: email}\n", f);
		fclose(f);
		if ((fd = open(r.tmp[i], O_CREAT | O_EXCL | O_WRONLY, 0600)) ==
		    -1 || write(fd, data, len) != (ssize_t)len ||
		    close(fd) == -1) {
			perror(r.tmp[i]);
			return 1;
		}
		free(data);
	}
	if (syncfs(dfd) == -1) {
		perror("syncfs");
		return 1;
	}
	for (i = 0; i < 8; i++)
		pthread_create(&th[i], NULL, renamer, &r);
	for (i = 0; i < 8; i++)
		pthread_join(th[i], NULL);
	if (fsync(dfd) == -1) {
		perror(dir);
		return 1;
	}
	close(dfd);
	printf("%ld\n", r.n);
	free(r.tmp);
	free(r.path);
	return r.bad;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "-R") == 0)
		return replace_all(argv[2]);
	if (argc == 4 && strcmp(argv[1], "-c") == 0)
		return create(argv[3], strtol(argv[2], NULL, 10));
	if (argc == 5 && strcmp(argv[1], "-C") == 0)
		return create_synced(argv[4], strtol(argv[2], NULL, 10),
		    strtol(argv[3], NULL, 10));
	if (argc == 3 && strcmp(argv[1], "-s") == 0) {
		statonly = 1;
		argv++, argc--;
	}
	if (argc != 2) {
		fprintf(stderr, "usage: parse-floor [-s] dir\n"
		    "       parse-floor -c n dir\n"
		    "       parse-floor -C n bytes dir\n"
		    "       parse-floor -R dir\n");
		return 2;
	}
	walk(argv[1]);
	printf("%lu %lu %lu\n", files, events, bytes);
	return bad != 0;
}
