/* settings.c - a network's settings, .nw/settings */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nw.h"
#include "nw_priv.h"

static const struct { const char *name; struct dur every; } defcircles[] = {
	{ "inner", { 3, 'w' } },
	{ "close", { 2, 'm' } },
	{ "regular", { 6, 'm' } },
	{ "outer", { 1, 'y' } },
};

static void
settings_error(const char *path, struct ynode *n, const char *fmt,
    const char *v)
{
	report(stderr, path, n->line, n->col, NULL, fmt, v);
	exit(1);
}

/* A duration; with never set, a cadence, which may be never. */
static void
setdur(const char *path, struct ynode *n, struct dur *du, int never)
{
	const char *s = ynode_str(n);

	if (s == NULL || !(never ? cadence_parse(s, du) : dur_parse(s, du)))
		settings_error(path, n, never ? "'%s': not a duration (like "
		    "3w, 2m, 1y) or never" : "'%s': not a duration (like 3w, "
		    "2m, 1y)", s ? s : "");
}

/* offers, me: a list of strings, or one. */
static void
setlist(const char *path, struct ynode *n, struct strv *l, const char *what)
{
	struct ynode *it;
	size_t i;

	n = ynode_deref(n);
	if (ynode_isnull(n))
		return;
	if (n->type == YSCALAR) {
		strv_add(l, n->str);
		return;
	}
	if (n->type != YSEQ)
		settings_error(path, n, "%s must be a list of strings", what);
	for (i = 0; i < n->nkid; i++) {
		it = ynode_deref(n->kid[i]);
		if (it->type != YSCALAR)
			settings_error(path, it, "%s must be a list of "
			    "strings", what);
		if (!ynode_isnull(it))
			strv_add(l, it->str);
	}
}

/* vdir: a folder, ~/ the home folder, else as written. */
static void
setpath(const char *path, struct ynode *n, char **to)
{
	const char *s = ynode_str(n), *home = getenv("HOME");

	if (s == NULL || *s == '\0')
		settings_error(path, n, "%s", "vdir must be a folder's path");
	*to = strncmp(s, "~/", 2) == 0 && home ? xasprintf("%s%s", home,
	    s + 1) : xstrdup(s);
}

/* alarm: a time of day, HH:MM, or none. */
static void
setalarm(const char *path, struct ynode *n, int *to)
{
	const char *s = ynode_str(n);

	if (s == NULL || !alarm_parse(s, to))
		settings_error(path, n, "'%s': alarm is a time, 09:00, or none",
		    s ? s : "");
}

/* mail-max-rcpt, cal-max-attendees: a whole number above 0. */
static void
setcount(const char *path, struct ynode *n, int *count)
{
	const char *s = ynode_str(n);
	char *end;
	long l;

	errno = 0;
	l = s ? strtol(s, &end, 10) : 0;
	if (s == NULL || *s < '0' || *s > '9' || *end != '\0' || errno ||
	    l < 1 || l > 100000)
		settings_error(path, n, "'%s': not a number (1 to 100000)",
		    s ? s : "");
	*count = l;
}

/*
 * The network's settings (nw(5)): the defaults, then what .nw/settings
 * says.  A setting that will not do is said and ends the program, since
 * every command would read it wrong.
 */
void
net_settings(struct net *net)
{
	struct ynode *r, *c, *v;
	struct ydoc *d;
	char *path;
	const char *s;
	size_t i;

	net->ncircles = sizeof defcircles / sizeof defcircles[0];
	net->circles = xcalloc(net->ncircles, sizeof *net->circles);
	for (i = 0; i < net->ncircles; i++) {
		net->circles[i].name = xstrdup(defcircles[i].name);
		net->circles[i].every = defcircles[i].every;
	}
	net->dflt = (struct dur){ 1, 'y' };
	net->birthdays = (struct dur){ 7, 'd' };
	net->floor = (struct dur){ 1, 'y' };
	net->autocommit = 1;
	net->alarm = ALARM_UNSET;
	net->mail_max_rcpt = 20;
	net->cal_since = (struct dur){ 1, 'y' };
	net->cal_max_attendees = 12;

	path = xasprintf("%s/.nw.yaml", net->dir);
	if (access(path, F_OK) == -1) {
		free(path);
		return;
	}
	d = ydoc_read(path);
	if ((r = d->root) == NULL && d->err[0]) {
		report(stderr, path, d->line, d->col, NULL, "%s", d->err);
		exit(1);
	}
	if (ynode_isnull(r)) {
		ydoc_free(d);
		free(path);
		return;
	}
	if (r->type != YMAP)
		settings_error(path, r, "%s", "settings must be a mapping");
	if ((c = ymap_get(r, "circles")) != NULL && !ynode_isnull(c)) {
		if (c->type != YMAP)
			settings_error(path, c, "%s",
			    "circles must be a mapping of name: duration");
		for (i = 0; i < net->ncircles; i++)
			free(net->circles[i].name);
		net->ncircles = c->nkid / 2;
		net->circles = xrealloc(net->circles,
		    (net->ncircles + 1) * sizeof *net->circles);
		for (i = 0; i < net->ncircles; i++) {
			if ((s = ynode_str(c->kid[2 * i])) == NULL || *s == '\0')
				settings_error(path, c->kid[2 * i], "%s",
				    "a circle needs a name");
			net->circles[i].name = xstrdup(s);
			setdur(path, ynode_deref(c->kid[2 * i + 1]),
			    &net->circles[i].every, 1);
		}
	}
	if ((v = ymap_get(r, "default")) != NULL)
		setdur(path, v, &net->dflt, 1);
	if ((v = ymap_get(r, "birthdays")) != NULL)
		setdur(path, v, &net->birthdays, 0);
	if ((v = ymap_get(r, "floor")) != NULL)
		setdur(path, v, &net->floor, 0);
	if ((v = ymap_get(r, "offers")) != NULL)
		setlist(path, v, &net->offers, "offers");
	if ((v = ymap_get(r, "me")) != NULL)
		setlist(path, v, &net->me, "me");
	if ((v = ymap_get(r, "mail-max-rcpt")) != NULL)
		setcount(path, v, &net->mail_max_rcpt);
	if ((v = ymap_get(r, "cal-since")) != NULL)
		setdur(path, v, &net->cal_since, 0);
	if ((v = ymap_get(r, "cal-max-attendees")) != NULL)
		setcount(path, v, &net->cal_max_attendees);
	if ((v = ymap_get(r, "autocommit")) != NULL) {
		s = ynode_str(v);
		if (s && (strcaseeq(s, "false") || strcaseeq(s, "no") ||
		    strcaseeq(s, "off")))
			net->autocommit = 0;
		else if (s == NULL || !(strcaseeq(s, "true") ||
		    strcaseeq(s, "yes") || strcaseeq(s, "on")))
			settings_error(path, v, "'%s': autocommit is true or "
			    "false", s ? s : "");
	}
	if ((v = ymap_get(r, "vdir")) != NULL && !ynode_isnull(v))
		setpath(path, v, &net->vdir);
	if ((v = ymap_get(r, "alarm")) != NULL)
		setalarm(path, v, &net->alarm);
	ydoc_free(d);
	free(path);
}

/* What commands read of the settings, and what they may override. */
struct dur
net_floor(const struct net *net)
{
	return net->floor;
}

/* cal-since: how many days back nw-cal looks. */
int
net_cal_days(const struct net *net)
{
	return dur_days(net->cal_since);
}

struct strv *
net_me(struct net *net)
{
	return &net->me;
}

const char *
net_vdir(const struct net *net)
{
	return net->vdir;
}

/* nw-export -A: the alarm of this run, minutes after 00:00 or none. */
void
net_set_alarm(struct net *net, int min)
{
	net->alarm = min;
}
