/*
 * nw.h - the vocabulary a command of nw may use, one section a layer.
 *
 * Commands (src/nw-*.c) include this header only: they read contacts as
 * struct contact, select them with contacts_each, change them with the
 * change_* functions, and print through out.c.  What only the library
 * uses (the YAML tree, the editor, the safe write) is in nw_priv.h; see
 * HACKING.md for the layers and who may call whom.
 *
 * Conventions, the same everywhere:
 *  - a returned char * is the caller's, to free(3); a const char * is
 *    borrowed from its argument or a table and lives as long as it;
 *  - what x_new, x_load or x_open returns is freed with x_free (which
 *    takes NULL); a struct the caller fills (struct refs, batch, check,
 *    filter, draft) is emptied by its x_free, not freed (due_free also
 *    frees the contact the due row holds);
 *  - a function that does a job (change_edit, change_rm, batch_run, a
 *    command's callback of contacts_each) returns 0 when done and 1 when
 *    not, having said why on stderr: an exit status (check_file and
 *    check_files: the errors found);
 *  - a step inside change_edit (change_set, change_add...) returns 1
 *    when done, 0 to refuse, its reason kept for change_edit to say;
 *  - a parser (date_parse, dur_parse...) or a question (strcaseeq,
 *    filter_pass, id_valid) returns 1 for yes and 0 for no.
 */

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define NW_VERSION	"0.1"
#define NW_MAXFILE	(1024 * 1024)	/* bytes in one contact file */

#define NODATE		(-0x7fffffff)	/* "no date" in day numbers */

struct ydoc;

/* --- base: mem.c, buf.c, utf8.c ----------------------------------------- */

/* Memory that is there or the program exits (mem.c). */

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/* A growing string, NUL-terminated once written (buf.c). */
struct buf {
	char	*s;
	size_t	 len, cap;
};
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

struct strv {				/* a list of strings */
	char	**v;
	size_t	  n;
};
void	 strv_add(struct strv *, const char *);
int	 strv_has(struct strv *, const char *);
int	 strv_hascase(struct strv *, const char *);
void	 strv_free(struct strv *);

/* UTF-8 text: folded for comparing, squeezed, checked, measured (utf8.c). */
char	*utf8_fold(const char *);
char	*utf8_squeeze(const char *);
int	 strcaseeq(const char *a, const char *b);
int	 strcaseprefix(const char *s, const char *prefix);
int	 utf8_valid(const char *, size_t, size_t *);
size_t	 utf8_lower(unsigned, char [5]);
size_t	 utf8_width(const char *);
#define TX_TERM		0	/* text for a terminal, standard error */
#define TX_TSV		1	/* a field of piped TSV */
#define TX_LINES	2	/* keep line breaks and tabs */
#define TX_MSG		4	/* a message: control characters escaped */
void	 text_add(struct buf *, const char *, size_t, int);
char	*text_dup(const char *, int);
void	 text_put(FILE *, const char *, int);
const char *id_shown(const char *);
void	 warnx_safe(const char *, ...) __attribute__((format(printf, 1, 2)));

/* --- dates: date.c ------------------------------------------------------- */

/* Days since 1970-01-01 (NODATE: none), durations, birthdays. */
struct dur {
	int	 n;
	char	 unit;		/* 'd', 'w', 'm', 'y'; 'n' never; 0 none */
};
int	 date_from_civil(int y, int m, int d);
void	 date_to_civil(int day, int *y, int *m, int *d);
int	 date_parse(const char *, int *);
char	*date_str(int, char [11]);
int	 date_add(int, struct dur);
int	 date_today(void);
int	 date_weekday(int);
int	 date_parse_past(const char *, int today, int *day);
int	 date_parse_ahead(const char *, int today, int *day);
int	 dur_parse(const char *, struct dur *);
int	 cadence_parse(const char *, struct dur *);
int	 dur_days(struct dur);
char	*dur_str(struct dur, char [16]);

struct bday {
	int	 year, month, day;	/* year 0 when unknown; month 0: none */
};
int	 bday_parse(const char *, struct bday *);
int	 alarm_parse(const char *, int *);
int	 bday_next(struct bday, int);

/* --- the network: dir.c --------------------------------------------------- */

struct circle {
	char		*name;
	struct dur	 every;
};

struct net {
	char		*dir;		/* as the user gave it */
	char		*real;		/* its realpath */
	struct circle	*circles;
	size_t		 ncircles;
	struct dur	 dflt;
	struct dur	 birthdays;
	struct dur	 floor;		/* nobody longer without contact */
	struct strv	 offers;	/* what you can do for people */
	struct strv	 me;		/* my addresses: nw-mail, nw-cal */
	int		 mail_max_rcpt;	/* more recipients: not logged */
	struct dur	 cal_since;	/* how far back nw-cal looks */
	int		 cal_max_attendees;
	int		 autocommit;
	int		 lockfd, locks;
	char		*tmpdir;	/* .nw/tmp, once made */
	long long	 opened;	/* when, in seconds since the epoch */
	struct cache	*cache;		/* .nw/cache, once read */
	char		*vdir;		/* vdir: the folder nw-vdir keeps */
	int		 alarm;		/* alarm: minutes after 00:00, or: */
#define ALARM_NONE	(-1)		/* alarm: none */
#define ALARM_UNSET	(-2)		/* no alarm: setting */
	int		 unread;	/* a part could not be read */
	struct strv	 said;		/* those parts, each said once */
	struct strv	*problems;	/* nw-check's: "path\twhy", unsaid */
	void		(*cache_drop)(struct cache *); /* cache.c's: frees it */
};

extern const char *nw_dir_opt;		/* -C, set by commands */

/* The network: found (-C, NW_DIR, ~/.nw), its settings, its files. */
struct net	*net_open(int);
struct net	*net_init(void);
void		 net_free(struct net *);
struct dur	*net_circle(struct net *, const char *);
char		*net_path(struct net *, const char *);
int		 net_list(struct net *, char ***, size_t *, struct strv *);
void		 net_lock(struct net *);
void		 net_unlock(struct net *);
int		 id_valid(const char *);

/* --- the keys of nw(5): schema.c ----------------------------------------- */

enum ktype {
	K_ID, K_NAME, K_STR, K_TEXT, K_LIST, K_EMAIL, K_DATE, K_DUR,
	K_CIRCLE, K_BDAY, K_LINKS, K_MAP, K_MET, K_LOG, K_LAST, K_DUE, K_TYPE,
	K_DATES, K_REL, K_WORK
};
enum {
	K_VITAL = 1,		/* a bad value makes the contact unusable */
	K_SET = 2,		/* nw-set may set it to a text */
	K_FLOW = 4,		/* a list, written [a, b] even for one */
	K_AHEAD = 8,		/* a date given ahead: 2w, friday */
	K_DERIVED = 16,		/* no key of a file: an output's column */
	K_REF = 32,		/* values are references, stored as ids */
	K_PARTS = 64,		/* nw-set sets its parts: rel.mentor */
	K_JOB = 128		/* a new value is a new job: the old to work */
};
#define NOFIELD		((size_t)-1)
#define SHOW_USER	18	/* nw-show's rank for the user's own keys */

struct key {
	const char	*name;
	enum ktype	 type;
	int		 flags;
	int		 show;		/* its rank in nw-show, 0: not shown */
	const char	*label;		/* nw-show's, when not the name */
	size_t		 field;		/* where struct contact holds it */
};

/* The table, a key by its name, an argument checked for a key. */
const struct key	*schema_keys(size_t *);
const struct key	*schema_key(const char *);
int			 schema_arg(const char *key, struct net *, const char *value);
int			 schema_type(const char *);
const char		*schema_set_refused(const char *key, int mode);
const char		*schema_met_label(const char *);
const struct key	*schema_part(const char *, char **);

struct role {				/* a relationship of rel: */
	const char	*name;
	const char	*inverse;	/* the other side's role, or NULL */
	const char	*vcard;		/* RELATED's TYPE (RFC 6350), or NULL */
};
const struct role	*schema_roles(size_t *);
const struct role	*schema_role(const char *);
int			 schema_month(const char *, int *);
int			 schema_via(struct net *, const char *);

enum {					/* what a log entry's kind means */
	KIND_CONTACT = 1,		/* it counts as contact */
	KIND_GIVE = 2,			/* you gave */
	KIND_ASK = 4,			/* you asked */
	KIND_GOT = 8,			/* they gave you */
	KIND_THANKS = 16,		/* you thanked */
	KIND_DECLINED = 32,		/* they said no to an ask */
	KIND_JOB = 64			/* they changed jobs (nw-import -u) */
};
#define JOB_DAYS	90	/* a job change is news this many days */
struct kind {
	const char	*name;
	int		 flags;
};
#define NKINDS		24	/* schema_kinds() and one for any other */
const struct kind	*schema_kinds(size_t *);
int			 schema_kind(const char *);
int			 schema_kind_slot(const char *, int *);

/* --- contacts: contact.c ------------------------------------------------- */

struct logent {
	int		 date;
	char		*kind, *note;
};

struct met {
	char		*where;		/* or the whole of a met that is text */
	int		 date;
	char		*via;
};

enum vtype { V_NULL, V_STR, V_LIST, V_MAP };
struct value {				/* data as YAML means it, no bytes */
	enum vtype	 type;
	int		 plain;		/* an unquoted scalar */
	char		*s;
	struct value	*v;		/* items; a map: key, value, ... */
	size_t		 n;
};

struct dated {				/* a date that comes back yearly */
	char		*what;		/* "anniversary" */
	struct bday	 when;
};
struct dates {
	struct dated	*v;
	size_t		 n;
};

enum { T_PERSON, T_COMMUNITY };		/* a contact's type */

/*
 * A contact.  What the log says is summed up for scans without keeping
 * the entries (C_LOG keeps them): the newest contact, the balance, open
 * asks, and the counts nw-stats needs, each a few numbers, none of them
 * depending on today.
 */
struct contact {
	char		*id, *path;
	char		*name;
	int		 type;		/* T_PERSON, T_COMMUNITY */
	struct strv	 aka, tags, groups, email, phone, offers, topics;
	struct strv	 links;		/* name, url, name, url... */
	struct strv	 rel;		/* role, id, role, id... */
	struct strv	 orgs;		/* the orgs of work:, past jobs */
	char		*circle, *org, *title, *address, *notes, *next_note;
	struct met	 met;
	struct dur	 every;
	int		 next, added;
	struct bday	 bday;
	struct dates	 dates;
	int		 last, first;	/* newest and oldest contact entry */
	int		 ncontact;	/* entries that count as contact */
	int		 ndays;		/* the days they are on, each once */
	int		 ngive, nask, ngot;
	int		 closed;	/* newest got, thanks or declined: asks */
	int		 closed_at;	/* answered up to it; its place in log */
	int		 nopen;		/* asks after it: open */
	int		 kinds[NKINDS];	/* entries by schema_kind_slot */
	int		 job;		/* the newest job entry's date */
	int		 month_end;	/* the month of last: year * 12 + m - 1 */
	int		 months[12];	/* contact entries a month up to it */
	size_t		 nlog;		/* entries with a date */
	struct logent	*log;		/* with C_LOG: those entries */
	struct value	 keys;		/* with C_KEYS: every key, in order */
	struct ydoc	*doc;		/* with C_DOC (the library's) */
	int		 line, col;	/* of the first problem */
	char		*err;		/* why it could not be used */
	int		 packed;	/* from a summary (cache.c): 1 one block,
					   2 in the network's, freed with it */
};

enum { C_DOC = 1, C_LOG = 2, C_STRUCT = 4, C_KEYS = 8 };

/* A contact loaded (flags C_*), and what its file and log say. */
struct contact	*contact_load(struct net *, const char *, int);
void		 contact_free(struct contact *);
int		 contact_report(struct contact *);
int		 contact_isasked(const char *);
int		 contact_ask_open(const struct contact *, const struct logent *);
int		 contact_owe(const struct contact *);
const struct strv *contact_offers(struct net *, const struct contact *);
char		*contact_balance(const struct contact *);
int		 contact_member(const struct contact *community,
		    const struct contact *person);
int		 contact_names(const struct contact *, const char *);
size_t		 contact_asks(const struct contact *, const struct logent ***);
const struct logent *contact_newest(const struct contact *);
int		 contact_followup_ends(int, const struct logent *, int);
const struct value *contact_value(struct contact *, const char *);
void		 value_free(struct value *);
char		*contact_slug(const char *);

struct due {
	struct contact	*c;
	int		 due, days, cadence, bday;
	int		 never;		/* a cadence of never: no due date */
	int		 promise;	/* due for a next with a next-note */
	int		 bdonly;	/* listed for bdreason alone (nw-due -b) */
	char		*reason;	/* why due */
	char		*bdreason;	/* birthday and dates near, or NULL */
};
void		 contact_due(struct net *, struct contact *, int today,
		    struct due *);
void		 due_free(struct due *);
void		 due_long(struct net *, struct due *, int today, int first);

/* --- which contacts: ref.c, select.c ------------------------------------- */

/* What references name; every contact at once for the name rules. */
struct refs {
	struct net	 *net;
	struct contact	**all;		/* loaded once, for names */
	size_t		  nall;
	int		  loaded;
};
char		*ref_resolve(struct refs *, const char *);
int		 ref_loop(int, char **, int (*)(const char *, void *), void *);
int		 ref_stdin_usable(void);
int		 ref_matches(struct contact *, const char *);
struct contact	**refs_all(struct refs *, size_t *);
void		 refs_refresh(struct refs *);
void		 refs_free(struct refs *);

/* -t, -g, -c, and the one walk of every scan. */
struct filter {
	struct strv	 tag, group, circle;
};
int	 filter_pass(struct filter *, struct contact *);
void	 filter_check(struct net *, struct filter *);
void	 filter_free(struct filter *);
int	 select_ids(struct refs *, int, char **, struct strv *, int *);

struct scan {
	struct net	*net;
	struct filter	 filter;	/* -t, -g and -c */
	int		 flags;		/* how contacts load: C_LOG... */
	int		 all;		/* set by the walk: no references */
};
int	 contacts_each(struct scan *, int, char **,
	    int (*)(struct scan *, struct contact *, void *), void *);

/* --- changing contacts: change.c ----------------------------------------- */

/* One contact changed under the lock, in steps; the steps return 1. */
struct change;				/* one contact's edits, under the lock */
int	 change_edit(struct net *, const char *,
	    int (*)(struct change *, struct contact *, void *), void *,
	    struct contact **);
int	 change_set(struct change *, const char *key, const char *value);
int	 change_add(struct change *, const char *key, const char *value);
int	 change_import(struct change *, const char *, struct strv *);
int	 change_put(struct change *, const char *key, const char *sub,
	    const char *value);
int	 change_remove(struct change *, const char *key, const char *value,
	    int *found);
int	 change_delete(struct change *, const char *, int *);
int	 change_child(struct change *, const char *, const char *,
	    const char *, int *);
int	 change_part(struct change *, const char *, const char *,
	    const char *, const char *, int, int *);
int	 change_job(struct change *, struct contact *, const char *,
	    const char *, int, int *);
int	 change_log_entry(struct change *, int, const char *, const char *);
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
int	 change_log(struct net *, const char *, struct logentry *,
	    struct contact **);
int	 change_log_new(struct net *, const char *, struct logentry *,
	    size_t, int, struct contact **);
int	 change_rm(struct net *, const char *, int, struct strv *);
int	 change_mv(struct net *, const char *, const char *, struct strv *);
int	 change_fold(struct net *, const char *, const char *, int,
	    struct strv *);
char	*change_copy(struct net *, const char *, const char *, size_t);
void	 change_copies_done(struct net *, const char *);
int	 change_replace(struct net *, const char *, const char *, size_t,
	    const char *, size_t, struct contact **);

/* New contacts: a draft's keys, checked, then written at once. */
struct draft {				/* a contact about to be created */
	struct strv	 kv;		/* key, value, ...: "tags", "links.web" */
	int		 added;
	struct value	 more;		/* keys kept as they are: the log, a
					   user's own (nw's JSON); a map */
};
void		 draft_set(struct draft *, const char *key, const char *value);
void		 draft_unset(struct draft *, const char *key,
		    const char *value);
const char	*draft_get(const struct draft *, const char *);
const char	*draft_value(const struct draft *, const char *, size_t);
int		 draft_check(const struct draft *, struct net *, char *, size_t);
char		*draft_id(const struct draft *);
char		*draft_write(struct net *, const struct draft *);
struct drafts;				/* new contacts, written at once */
struct drafts	*drafts_new(struct net *);
char		*draft_stage(struct drafts *, const struct draft *);
int		 drafts_waiting(struct drafts *, const char *);
int		 drafts_write(struct drafts *, void (*)(const char *id,
		    const char *name, void *), void *);
void		 drafts_free(struct drafts *);
void		 draft_free(struct draft *);
void		 draft_more(struct draft *, const char *, const struct value *);

/* A writing command's run: each reference changed, one commit. */
struct batch {				/* a run of changes, one commit */
	struct net	*net;
	struct refs	 refs;
	struct strv	 ids;		/* what changed, in order */
	char		*first;		/* the first one's name */
};
int	 batch_run(struct batch *, int, char **,
	    int (*)(struct batch *, const char *, void *), void *);
void	 batch_changed(struct batch *, const char *id, const char *name);
void	 batch_commit(struct batch *, const char *);
void	 batch_free(struct batch *);

char	*file_read(const char *, size_t *, char *);
char	*file_read_max(const char *, size_t *, char *, size_t);

/* --- capturing mail and calendars: capture.c, mail.c, cal.c ------------ */

struct addr;
struct catch;
struct capture {			/* what mail or calendars would log */
	struct net	*net;
	int		 today;
	int		 received;	/* nw-mail -r: what contacts sent too */
	struct strv	 me;		/* my addresses, folded */
	struct refs	 refs;		/* every contact */
	struct addr	*addr;		/* their addresses, sorted */
	size_t		 naddr;
	struct catch	*v;		/* the entries found */
	size_t		 n, cap;
	size_t		 nread;		/* messages or events read */
	size_t		 nother;	/* not from or to a contact */
	size_t		 nbulk;		/* lists, bulk; cancelled, declined */
	size_t		 nmany;		/* too many recipients, attendees */
	size_t		 ndraft, nlater, nundated, nbad;
	size_t		 nlogged;	/* entries there already */
	size_t		 nentries, ncontacts, nfailed;	/* added */
};
void		 capture_init(struct capture *, struct net *,
		    const struct strv *);
int		 capture_isme(struct capture *, const char *);
struct contact	*capture_who(struct capture *, const char *, size_t);
void		 capture_add(struct capture *, struct contact *, int, int,
		    long long, const char *, const char *);
int		 capture_log(struct capture *, const char *, int,
		    struct batch *);
void		 capture_ahead(struct capture *);
void		 capture_free(struct capture *);
void		 capture_summary(struct capture *, int, const char *,
		    const char *, const char *, const char *, const char *);
int		 mail_read(struct capture *, const char *);
void		 mail_message(struct capture *, const char *, size_t,
		    const char *);
void		 mail_done(void);
int		 mail_people(int, int, struct strv *, struct strv *);
int		 cal_read(struct capture *, const char *, int, int);
void		 cal_text(struct capture *, const char *, const char *, int, int);

/* --- checking: check.c --------------------------------------------------- */

struct check {
	struct net	*net;
	struct refs	 refs;		/* every contact, for duplicates */
	FILE		*out;
	int		 quiet;		/* errors only */
	int		 nerr, nwarn;
	const char	*path, *id;	/* of the file being checked */
	struct strv	 found;		/* its findings, to sort */
	struct cross	*cross;		/* names and emails, once read */
};
int	 check_text(struct check *, const char *path, const char *id,
	    const char *text, size_t);
int	 check_file(struct check *, const char *);
int	 check_files(struct check *, char **, size_t, struct strv *,
	    struct strv *);
const char *check_email_taken(struct check *, const char *, const char *);
void	 check_claim(struct check *, const char *, const char *);
void	 check_free(struct check *);
void	 check_settings(struct check *);
void	 check_private(struct check *, char **ids, size_t, int all);
int	 check_dups(struct check *);
void	 check_note(struct check *, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	 check_path(struct check *, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));

/* --- output: out.c, json.c, csv.c, ical.c, vcard.c ----------------------- */

/* Rows as TSV, a table or JSON Lines; out_close last, its status. */
enum { OUT_TSV, OUT_TABLE, OUT_JSON };
extern int out_mode;
void	 out_init(int);
int	 out_colour(void);
void	 out_row(int n, const char *const *names, const char *const *vals,
	    const char *types, const char *colour);
void	 out_flush(void);
int	 out_close(void);
int	 out_sync(void);
int	 exit_status(int);
void	 value_text(struct buf *, const struct value *, int);
/* A finding about a file: "path:line:col: sev: message" (report.c). */
void	 report(FILE *, const char *path, int line, int col, const char *sev,
	    const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* A contact in the formats of other tools. */
void	 json_str(FILE *, const char *);
void	 json_value(FILE *, const struct value *);
void	 json_contact(FILE *, struct net *, struct contact *, int);
const char *json_parse(const char *, size_t, struct value *);
void	 csv_header(FILE *);
void	 csv_contact(FILE *, struct net *, struct contact *, int);
void	 ical_begin(struct buf *);
void	 ical_contact(struct buf *, struct net *, struct contact *, int);
void	 ical_end(struct buf *);
char	*vcard_uid(const char *);
void	 vcard_write(struct buf *, struct contact *, int,
	    const struct strv *);
void	 dot_graph(struct buf *, struct net *, struct contact **, size_t,
	    int);

/* --- other address books: rec.c, vcard.c, csv.c -------------------------- */

struct rec {				/* a contact read from elsewhere */
	struct draft	 d;
	struct buf	 notes;
	int		 line;		/* where it starts in its file */
	char		*err;		/* why it cannot be imported */
	struct strv	 warn;		/* what was left out of it */
	int		 own;		/* from nw's own export: a key it
					   lacks the contact lacked (added) */
	char		*uid;		/* a vCard's UID */
	struct strv	 rel;		/* role, the other as RELATED names
					   them: urn:uuid:, a name, email */
};
struct recs {
	struct rec	*v;
	size_t		 n;
	struct strv	 ignored;	/* CSV columns not imported */
};
enum { IN_VCARD = 1, IN_LINKEDIN, IN_GOOGLE, IN_CSV, IN_JSON };
int	 import_format(const char *);
int	 import_detect(const char *, size_t);
void	 import_csv(const char *, size_t, int, struct net *, struct recs *);
void	 vcard_read(const char *, size_t, struct recs *);
void	 json_read(const char *, size_t, struct recs *);
void	 rec_free(struct rec *);

/* What a record brings to the contact it is: news.c. */
struct news {			/* what a record adds to a contact */
	struct strv	 email, phone;
	struct strv	 fill;		/* key, value: org, title, birthday */
	struct strv	 links;		/* name, url */
	const char	*org, *title;	/* a new job, or NULL */
	char		*jobnote;	/* "Now Staff Engineer at New Co" */
};
int	 phone_has(struct strv *, const char *);
void	 news_links(struct contact *, const struct rec *, struct news *);
void	 news_job(struct contact *, const struct rec *, struct news *);
int	 news_apply(struct change *, struct contact *, void *);
char	*news_text(struct news *);
void	 news_free(struct news *);
int	 rels_apply(struct change *, struct contact *, void *);
int	 rel_has(const struct strv *, const char *, const char *);

/* --- a vdir kept in step with the network: vdir.c ------------------------ */

struct vdir_run {
	int		 dry;
	struct strv	 restore;	/* ids written back to the vdir (-r) */
	int		 nchanged, nnew, ndeleted, nconflict;
	int		 nwritten, nremoved;
};
int	 vdir_sync(struct net *, const char *, struct vdir_run *,
	    struct strv *);
int	 vdir_calendar(struct net *, const char *, struct vdir_run *);

/* --- git: git.c ------------------------------------------------------------ */

void	 git_commit(struct net *, char **, size_t, const char *);
int	 git_set_driver(struct net *, int);
void	 git_setup(struct net *, int (*)(const char *, void *), void *);
int	 git_unmerged(struct net *, struct strv *, struct strv *);

/* --- merging: merge.c ---------------------------------------------------- */

int	 merge_files(const char *base, const char *ours, const char *theirs);

/* --- searching: match.c -------------------------------------------------- */

struct match;
struct match	*match_new(const char *pattern, char *err, size_t errlen);
int		 match_str(struct match *, const char *, char *err, size_t errlen);
int		 match_value(struct match *, const struct value *, char *,
		    size_t);
void		 match_free(struct match *);

/* --- the system: sys.c; the options every command shares: opt.c --------- */

const char	*sys_selfdir(void);
char		*sys_program(const char *);
int		 opt_get(int, char *const [], const char *);
extern int	 opt_dashes;	/* "--" ended the options */
int		 opt_help(const char *usage, const char *options);
int		 opt_version(void);
void		 opt_text(int, const char *);
