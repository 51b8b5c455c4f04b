/*
 * parse-floor - the floor for a full read of an nw network.
 *
 * usage: parse-floor [-s] DIR
 *        parse-floor -c N DIR
 *        parse-floor -C N BYTES DIR
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
 * Compile: cc -O2 -o parse-floor parse-floor.c $(pkg-config --cflags --libs yaml-0.1)
 */
#define _GNU_SOURCE	/* syncfs */
#include <dirent.h>
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

int
main(int argc, char **argv)
{
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
		    "       parse-floor -C n bytes dir\n");
		return 2;
	}
	walk(argv[1]);
	printf("%lu %lu %lu\n", files, events, bytes);
	return bad != 0;
}
