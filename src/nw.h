/*
 * nw.h - what commands (src/nw-*.c, src/nw.c) use, a group a layer of
 * HACKING.md, the lowest first; what only the library uses is in nw_priv.h.
 * Who frees: a returned char * is the caller's, a const char * borrowed;
 * x_free frees what x_open, x_load or x_new returned (NULL too) and empties
 * a struct the caller fills (strv, refs, filter...).  What comes back:
 * 0 done, -1 failed or refused, said or kept (change_edit, its steps
 * change_set..., its fn); a job summed into the exit status (batch_run,
 * ref_loop, contacts_each, capture_log, mail_read, cal_read, vdir_sync,
 * their fns) 0 all done, 1 some failed; a question (id_valid) 1 yes, 0 no.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define NW_VERSION	"0.1"
#define NW_MAXFILE	(1024 * 1024)	/* bytes in one contact file */
#define NODATE		(-0x7fffffff)	/* "no date" in day numbers */

/* --- base: memory or exit (mem.c), strings (buf.c), text (utf8.c) ------- */
void	*xcalloc(size_t n, size_t m);
void	*xrealloc(void *p, size_t n);
char	*xstrdup(const char *s);
char	*xstrndup(const char *s, size_t n);
char	*xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
struct buf {				/* a string, NUL-terminated once written */
	char	*s;
	size_t	 len, cap;
};
void	 buf_puts(struct buf *b, const char *s);
void	 buf_printf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
struct strv {				/* a list of strings */
	char	**v;
	size_t	  n;
};
void	 strv_add(struct strv *l, const char *s);
int	 strv_has(struct strv *l, const char *s);
void	 strv_free(struct strv *l);
char	*utf8_squeeze(const char *s);
int	 strcaseeq(const char *a, const char *b);
int	 strcaseprefix(const char *s, const char *p);
int	 utf8_valid(const char *s, size_t n, size_t *bad);
const char	*id_shown(const char *id);
void	 warnx_safe(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* --- base: days since 1970-01-01, durations, birthdays (date.c) --------- */
struct dur {
	int	 n;
	char	 unit;		/* 'd', 'w', 'm', 'y'; 'n' never; 0 none */
};
char	*date_str(int z, char s[11]);
int	 date_add(int z, struct dur du);
int	 date_today(void);
int	 date_parse_past(const char *s, int today, int *out);
int	 date_parse_ahead(const char *s, int today, int *out);
int	 dur_parse(const char *s, struct dur *du);
char	*dur_str(struct dur du, char s[16]);
int	 alarm_parse(const char *s, int *min);

/* --- base: options every command shares (opt.c), the system (sys.c) ----- */
int	 opt_get(int argc, char *const argv[], const char *opts);
void	 opt_usage(const char *usage) __attribute__((noreturn));
int	 opt_help(const char *usage, const char *options);
int	 opt_version(void);
void	 opt_text(int opt, const char *s);
const char	*sys_selfdir(void);
char	*sys_program(const char *name);

/* --- base: a pattern over text and values (match.c) -------------------- */
struct match;
struct match	*match_new(const char *pat, char *err, size_t errlen);
void	 match_free(struct match *m);

/* --- files: the network, its settings, its lock (dir.c, settings.c) --- */
struct net;				/* an open network (nw_priv.h) */
extern const char *nw_dir_opt;		/* -C, set by commands */
struct net	*net_open(int must);
struct net	*net_init(void);
void	 net_free(struct net *net);
const char	*net_dir(const struct net *net);
const char	*net_circle_name(const struct net *net, size_t i);
struct dur	*net_circle(struct net *net, const char *name);
int	 net_cal_days(const struct net *net);
struct strv	*net_me(struct net *net);
const char	*net_vdir(const struct net *net);
void	 net_set_alarm(struct net *net, int min);
char	*net_path(struct net *net, const char *id);
void	 net_lock(struct net *net);
void	 net_unlock(struct net *net);
char	*file_read_max(const char *path, size_t *lenp, char *err, size_t max);
int	 id_valid(const char *id);

/* --- git: commits, the merge driver, the repository (git.c) ------------- */
void	 git_commit(struct net *net, char **ids, size_t n, const char *msg);
int	 git_set_driver(struct net *net, int stale_only);
void	 git_setup(struct net *net, int (*pass)(const char *id, void *arg),
	    void *arg);

/* --- contacts: the keys of nw(5) (schema.c) and the log's kinds (kind.c) - */
int	 schema_arg(const char *key, struct net *net, const char *v);
int	 schema_type(const char *s);
const char	*schema_set_refused(const char *name, int mode);
const char	*schema_part(const char *arg, char **part, int *isref);
int	 schema_new_job(const char *key);
const char	*schema_inverse(const char *role);
enum { KIND_CONTACT = 1 };		/* a kind that counts as contact */
const char	*schema_kind_name(size_t i);
int	 schema_kind(const char *kind);

/* --- contacts: a contact loaded, its log summed up, when due (contact.c) - */
struct logent {
	int		 date;
	char		*kind, *note;
};
enum { T_PERSON, T_COMMUNITY };		/* a contact's type */
/* A contact; its log summed up for scans, not depending on today. */
struct contact {
	char		*id, *name;
	int		 type;		/* T_PERSON, T_COMMUNITY */
	struct strv	 email, rel;	/* rel: role, id, role, id... */
	struct strv	 orgs;		/* the orgs of work:, past jobs */
	char		*circle, *org;
	int		 added, last;	/* last: the newest contact entry */
	int		 ngive, nask, ngot, nopen;	/* nopen: asks open */
	size_t		 nlog;		/* entries with a date */
	struct logent	*log;		/* with C_LOG: those entries */
	struct contact_lib *lib;	/* the rest: the library's */
};
enum { C_DOC = 1, C_LOG = 2, C_STRUCT = 4, C_KEYS = 8 };
struct contact	*contact_load(struct net *net, const char *id, int flags);
void	 contact_free(struct contact *c);
int	 contact_report(struct contact *c);
int	 contact_isasked(const char *kind);
int	 contact_owe(const struct contact *c);
const struct strv	*contact_offers(struct net *net,
	    const struct contact *c);
size_t	 contact_asks(const struct contact *c, const struct logent ***v);
int	 contact_match(struct contact *c, struct match *m, const char *key,
	    char *err, size_t errlen);
int	 contact_due_date(struct net *net, struct contact *c, int today);

/* --- selecting: references (ref.c), filters and the walk (select.c) ----- */
struct refs {
	struct net	 *net;
	struct contact	**all;		/* loaded once, for names */
	size_t		  nall;
	int		  loaded;
	struct refs_ix	 *ix;		/* refs_taken's index */
};
char	*ref_resolve(struct refs *r, const char *ref);
int	 ref_loop(int argc, char **argv, int (*fn)(const char *, void *),
	    void *arg);
int	 ref_stdin_usable(void);
int	 ref_matches(struct contact *c, const char *query);
struct contact	**refs_taken(struct refs *r, struct strv *who, size_t *n);
void	 refs_free(struct refs *r);
struct filter {				/* -t, -g, -c */
	struct strv	 tag, group, circle;
};
void	 filter_free(struct filter *f);
struct scan {
	struct net	*net;
	struct filter	 filter;	/* -t, -g and -c */
	int		 flags;		/* how contacts load: C_LOG... */
	int		 all;		/* set by the walk: no references */
};
int	 contacts_each(struct scan *s, int argc, char **argv,
	    int (*fn)(struct scan *, struct contact *, void *), void *arg);

/* --- merging: one contact file three ways (merge.c) --------------------- */
int	 merge_files(const char *base, const char *ours, const char *theirs);

/* --- changing: one contact under the lock, new ones, batches (change.c) - */
struct change;				/* one contact's edits, under the lock */
int	 change_edit(struct net *net, const char *id,
	    int (*fn)(struct change *, struct contact *, void *), void *arg,
	    struct contact **after);
int	 change_set(struct change *ch, const char *key, const char *value);
int	 change_add(struct change *ch, const char *key, const char *value);
int	 change_remove(struct change *ch, const char *key, const char *value,
	    int *found);
int	 change_delete(struct change *ch, const char *key, int *found);
int	 change_part(struct change *ch, const char *key, const char *part,
	    const char *old, const char *new, int only, int *found);
int	 change_job(struct change *ch, struct contact *c, const char *org,
	    const char *title, int day, int *moved);
struct logentry {			/* an entry to log, and its effect */
	int		 date;
	const char	*kind, *note;
	const char	*next, *nnote;	/* a follow-up to set, or NULL */
	int		 keep;		/* keep the follow-up (nw-log -K) */
	int		 closes;	/* the entry is the follow-up (-D) */
	char		*done;		/* the follow-up it cleared, or NULL */
	int		 kept;		/* done is a promise that stays */
	const char	*dir, *mid, *uid;	/* a capture's: nw(5) */
	int		 skip;		/* change_log_new: logged already */
};
int	 change_log(struct net *net, const char *id, struct logentry *l,
	    struct contact **after);
int	 change_rm(struct net *net, const char *id, int force,
	    struct strv *changed);
int	 change_mv(struct net *net, const char *id, const char *newid,
	    struct strv *changed);
int	 change_fold(struct net *net, const char *old, const char *keep,
	    int win, struct strv *changed);
char	*change_copy(struct net *net, const char *id, const char *text,
	    size_t len);
void	 change_copies_done(struct net *net, const char *id);
int	 change_replace(struct net *net, const char *id, const char *old,
	    size_t olen, const char *text, size_t len, struct contact **after);
struct draft;				/* a contact about to be created */
struct draft	*draft_new(int added);
void	 draft_set(struct draft *d, const char *key, const char *v);
void	 draft_unset(struct draft *d, const char *key, const char *v);
const char	*draft_get(const struct draft *d, const char *key);
const char	*draft_value(const struct draft *d, const char *key, size_t n);
int	 draft_check(const struct draft *d, struct net *net, char *why,
	    size_t len);
char	*draft_write(struct net *net, const struct draft *d);
void	 draft_free(struct draft *d);
struct batch {				/* a run of changes, one commit */
	struct net	*net;
	struct refs	 refs;
	struct strv	 ids;		/* what changed, in order */
	char		*first;		/* the first one's name */
};
int	 batch_run(struct batch *b, int argc, char **argv,
	    int (*fn)(struct batch *, const char *, void *), void *arg);
void	 batch_changed(struct batch *b, const char *id, const char *name);
void	 batch_commit(struct batch *b, const char *verb);
void	 batch_free(struct batch *b);

/* --- formats: rows (out.c), nw's JSON, nw-stats (statsout.c), nw-export */
enum { OUT_TSV, OUT_TABLE, OUT_JSON };
extern int out_mode;
void	 out_init(int json);
void	 out_row(int n, const char *const *names, const char *const *vals,
	    const char *types, const char *col);
void	 out_flush(void);
int	 out_close(void);
int	 exit_status(int rv);
int	 stats_run(struct scan *s, int argc, char **argv, int heat,
	    char *person);
void	 json_contact(FILE *f, struct net *net, struct contact *c, int today);
enum { EX_VCARD, EX_ICS, EX_JSON, EX_CSV, EX_DOT };	/* nw-export -f */
int	 export_format(const char *name);
int	 export_contacts(struct scan *s, int argc, char **argv, int fmt,
	    int version);
void	 show_contact(struct refs *r, struct contact *c, int today, int all);
int	 show_key_value(struct contact *c, const char *key, const char *part);
struct dues;				/* nw-due's rows (context.c) */
struct dues	*dues_new(int today, int all, int bdays, int type,
	    struct dur window);
int	 dues_take(struct scan *s, struct contact *c, void *arg);
void	 dues_print(struct dues *r, struct net *net, long count, int lng);
void	 dues_free(struct dues *r);

/* --- checking: nw-check's findings (check.c) ---------------------------- */
struct check;				/* a check's findings and its state */
struct check	*check_new(struct refs *refs, FILE *out, int quiet);
int	 check_text(struct check *ck, const char *path, const char *id,
	    const char *text, size_t len);
int	 check_file(struct check *ck, const char *id);
void	 check_free(struct check *ck);
int	 check_run(struct check *ck, int argc, char **argv, int all,
	    int dups);

/* --- capturing: other tools' contacts imported (import.c) ------------- */
int	 import_format(const char *s);
int	 import_files(struct net *net, int nfiles, char **files, int fmt,
	    int dry, int update);

/* --- capturing: mail and calendars logged (capture.c, mail.c, cal.c) ---- */
struct capture;				/* what mail or calendars would log */
struct capture	*capture_new(struct net *net, const struct strv *me,
	    int received);
int	 capture_log(struct capture *cp, const char *kind, int dry,
	    struct batch *b);
void	 capture_ahead(struct capture *cp);
void	 capture_free(struct capture *cp);
void	 capture_summary(struct capture *cp, const char *kind, int dry);
int	 mail_read(struct capture *cp, const char *path);
int	 mail_read_named(struct capture *cp);
void	 mail_done(void);
int	 mail_people(int fd, int all, struct strv *me, struct strv *out);
int	 cal_read(struct capture *cp, const char *path, int from, int to);

/* --- capturing: a vdir kept in step with the network (vdir.c) ---------- */
struct vdir_run {
	int		 dry;
	struct strv	 restore;	/* ids written back to the vdir (-r) */
	int		 nchanged, nnew, ndeleted, nconflict;
	int		 nwritten, nremoved;
};
int	 vdir_sync(struct net *net, const char *dir, struct vdir_run *run,
	    struct strv *changed);
int	 vdir_calendar(struct net *net, const char *dir, struct vdir_run *run);
