/* nw.h - the vocabulary of nw, one section per source file */

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#define NW_VERSION	"0.1"
#define NW_MAXFILE	(1024 * 1024)	/* bytes in one contact file */
#define NW_MAXDEPTH	64		/* nesting of collections */
#define NW_MAXNODES	100000		/* nodes, aliases expanded */

#define NODATE		(-0x7fffffff)	/* "no date" in day numbers */

/* util.c: memory and strings that never fail quietly */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

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
int	 strcaseeq(const char *, const char *);
int	 strcaseprefix(const char *, const char *);
int	 utf8_valid(const char *, size_t, size_t *);
int	 email_plausible(const char *);
void	 opt_text(int, const char *);
size_t	 utf8_width(const char *);

/* date.c: civil dates as day numbers, durations, today */
struct dur {
	int	 n;
	char	 unit;		/* 'd', 'w', 'm', 'y'; 0 for none */
};
int	 date_from_civil(int, int, int);
void	 date_to_civil(int, int *, int *, int *);
int	 date_parse(const char *, int *);
char	*date_str(int, char [11]);
int	 date_add(int, struct dur);
int	 date_today(void);
int	 date_weekday(int);
int	 date_parse_past(const char *, int, int *);
int	 date_parse_ahead(const char *, int, int *);
int	 dur_parse(const char *, struct dur *);
int	 dur_days(struct dur);
char	*dur_str(struct dur, char [16]);

struct bday {
	int	 year, month, day;	/* year 0 when unknown; month 0: none */
};
int	 bday_parse(const char *, struct bday *);
int	 bday_next(struct bday, int);

/* yaml.c: files parsed with libyaml into trees that know their bytes */
enum ytype { YSCALAR, YSEQ, YMAP, YALIAS };

struct ynode {
	enum ytype	 type;
	int		 flow;		/* a flow collection */
	int		 style;		/* libyaml scalar style */
	int		 plain;		/* untagged plain scalar */
	char		*tag, *anchor;
	char		*str;		/* scalar value, NUL-terminated */
	size_t		 len;
	size_t		 start, end;	/* byte offsets into the text (YD_BYTES) */
	int		 line, col;	/* of start, from 1 */
	struct ynode	**kid;		/* map: key, value, key, value... */
	size_t		 nkid;
	struct ynode	*target;	/* alias: the anchored node */
	size_t		 weight;	/* nodes with aliases expanded */
	int		 depth, done;
};

struct ydoc {
	char		*text;		/* the file's bytes */
	size_t		 len;
	struct ynode	*root;
	struct ynode	**nodes;	/* every node, in the text's order */
	size_t		 nnodes, nalloc;
	void		*mem;		/* the arena they and their strings use */
	int		 bytes;		/* nodes know their bytes: YD_BYTES */
	int		 line, col;	/* of the error */
	char		 err[256];
};

enum { YD_BYTES = 1 };
struct ydoc	*ydoc_parse(const char *, size_t);
struct ydoc	*ydoc_parsef(const char *, size_t, int);
struct ydoc	*ydoc_read(const char *);
struct ydoc	*ydoc_readf(const char *, int);
void		 ydoc_free(struct ydoc *);
struct ynode	*ynode_deref(struct ynode *);
struct ynode	*ymap_get(struct ynode *, const char *);
struct ynode	*ymap_key(struct ynode *, const char *);
int		 ynode_equal(struct ynode *, struct ynode *);
int		 ynode_isnull(struct ynode *);
const char	*ynode_str(struct ynode *);
int		 yaml_typed(const char *);
void		 ydoc_pos(const char *, size_t, size_t, int *, int *);

/* dir.c: the network folder, its settings and its files */
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
	int		 autocommit;
	int		 lockfd, locks;
	char		*tmpdir;	/* .nw/tmp, once made */
	long long	 opened;	/* when, in seconds since the epoch */
	struct cache	*cache;		/* .nw/cache, once read */
};

extern const char *nw_dir_opt;		/* -C, set by commands */

struct stamp;
struct net	*net_open(int);
void		 net_free(struct net *);
struct dur	*net_circle(struct net *, const char *);
char		*net_path(struct net *, const char *);
int		 net_list(struct net *, char ***, size_t *, struct strv *);
int		 net_scan(struct net *, char ***, struct stamp **, size_t *,
		    struct strv *);
const char	*net_tmpdir(struct net *);
void		 net_lock(struct net *);
void		 net_unlock(struct net *);
int		 net_inside(struct net *, const char *);
int		 id_valid(const char *);

/* schema.c: the keys of nw(5), what each means and how it is checked */
enum ktype {
	K_ID, K_NAME, K_STR, K_TEXT, K_LIST, K_EMAIL, K_DATE, K_DUR,
	K_CIRCLE, K_BDAY, K_LINKS, K_MET, K_LOG, K_LAST, K_DUE
};
enum {
	K_VITAL = 1,		/* a bad value makes the contact unusable */
	K_SET = 2,		/* nw-set may set it to a text */
	K_FLOW = 4,		/* a list, written [a, b] even for one */
	K_AHEAD = 8,		/* a date given ahead: 2w, friday */
	K_DERIVED = 16		/* no key of a file: an output's column */
};
#define NOFIELD	((size_t)-1)

struct key {
	const char	*name;
	enum ktype	 type;
	int		 flags;
	int		 show;		/* its rank in nw-show, 0: not shown */
	const char	*label;		/* nw-show's, when not the name */
	size_t		 field;		/* where struct contact holds it */
};

struct finding {			/* how a check says what it finds */
	struct net	*net;
	void		(*say)(struct finding *, struct ynode *, int,
			    const char *, ...)
			    __attribute__((format(printf, 4, 5)));
	void		*arg;
};

const struct key	*schema_keys(size_t *);
const struct key	*schema_key(const char *);
const char		*schema_invalid(const struct key *, struct net *,
			    const char *, char *, size_t);
void			 schema_check(struct finding *, const struct key *,
			    struct ynode *);
enum { Y_LIST = 1, Y_LENIENT = 2 };
char			*schema_yaml(const char *, struct net *, const char *,
			    int, char *, size_t);
int			 schema_arg(const char *, struct net *, const char *);

struct column {				/* a contact's column in CSV */
	const char	*name;
	const char	*part;		/* the draft key it fills, or NULL */
	const struct key *k;
};
const struct column	*schema_columns(size_t *);
const struct column	*schema_column(const char *);

/* contact.c: a contact's fields, read through the schema */
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

struct contact {
	char		*id, *path;
	char		*name;
	struct strv	 aka, tags, groups, email, phone;
	struct strv	 links;		/* name, url, name, url... */
	char		*circle, *org, *title, *address, *notes, *next_note;
	struct met	 met;
	struct dur	 every;
	int		 next, added, last;
	struct bday	 bday;
	int		 ngive, nask, ngot;
	size_t		 nlog;		/* entries with a date */
	struct logent	*log;		/* with C_LOG: those entries */
	struct value	 keys;		/* with C_KEYS: every key, in order */
	struct ydoc	*doc;		/* with C_DOC: the file parsed */
	int		 line, col;	/* of the first problem */
	char		*err;		/* why it could not be used */
	int		 packed;	/* one block, from a summary (cache.c) */
};

enum { C_DOC = 1, C_LOG = 2, C_STRUCT = 4, C_KEYS = 8 };

struct contact	*contact_load(struct net *, const char *, int);
struct contact	*contact_parse(struct net *, const char *, const char *, size_t,
		    int);
void		 contact_free(struct contact *);
int		 contact_report(struct contact *);
int		 contact_isasked(const char *);
const struct value *contact_value(struct contact *, const char *);
void		 value_free(struct value *);

struct due {
	struct contact	*c;
	int		 due, days, cadence, bday;
	char		*reason;	/* why due */
	char		*bdreason;	/* a birthday near, or NULL */
};
void		 contact_due(struct net *, struct contact *, int, struct due *);
void		 due_free(struct due *);

/* cache.c: many contacts at once, from .nw/cache when it may */
struct stat;
struct stamp {				/* what tells that a file changed */
	unsigned long long	 ino, size;
	long long		 mtime, ctime;	/* in nanoseconds */
};
void	 stamp_from(struct stamp *, const struct stat *);
void	 contacts_load(struct net *, char **, struct stamp *, size_t, int,
	    void (*)(struct contact *, void *), void *);
void	 cache_free(struct cache *);

/* cores.c: work spread over every core, its results taken in order */
void	 cores_run(size_t, void (*)(void *, size_t), void (*)(void *, size_t),
	    void *);

/* ref.c: what a reference names, and where references come from */
struct refs {
	struct net	 *net;
	struct contact	**all;		/* loaded once, for names */
	size_t		  nall;
	int		  loaded;
};
char	*ref_resolve(struct refs *, const char *);
int	 ref_loop(int, char **, int (*)(const char *, void *), void *);
int	 ref_stdin_usable(void);
struct contact **refs_all(struct refs *, size_t *);
void	 refs_free(struct refs *);
void	 refs_refresh(struct refs *);

/* check.c: what is wrong with a contact, said where it is */
struct check {
	struct net	*net;
	struct refs	 refs;		/* every contact, for duplicates */
	FILE		*out;
	int		 quiet;		/* errors only */
	int		 nerr, nwarn;
	const char	*path, *id;	/* of the file being checked */
	struct strv	 found;		/* its findings, to sort */
};
int	 check_text(struct check *, const char *, const char *, const char *,
	    size_t);
int	 check_file(struct check *, const char *);
void	 check_note(struct check *, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	 check_path(struct check *, const char *, int, const char *, ...)
	    __attribute__((format(printf, 4, 5)));

/* select.c: which contacts a scan takes, and the walk over them */
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

/* out.c: rows as TSV, a table or JSON Lines */
enum { OUT_TSV, OUT_TABLE, OUT_JSON };
extern int out_mode;
void	 out_init(int);
int	 out_colour(void);
void	 out_row(int, const char *const *, const char *const *, const char *,
	    const char *);
void	 out_flush(void);
int	 out_close(void);
void	 value_text(struct buf *, const struct value *, int);

/* edit.c: change a file's text touching only the bytes it must */
struct edit {
	struct ydoc	*doc;		/* the text parsed, owned by the edit */
	char		*text;		/* the new text */
	size_t		 len;
	char		*orig;		/* the text before any edit */
	size_t		 olen;
	const char	*path;
	const char	*eol;		/* the file's line end */
	size_t		 bom;		/* 3 with a BOM, else 0 */
	char		 err[256];
	int		 line, col;
};
struct edit	*edit_open(struct ydoc *, const char *);
void		 edit_free(struct edit *);
enum { Q_FLOW = 1, Q_STR = 2 };
int		 edit_append(struct edit *, const char *, const char *, int);
int		 edit_set(struct edit *, const char *, const char *);
int		 edit_delete(struct edit *, const char *);
int		 edit_remove(struct edit *, const char *, const char *, int *);
char		*yaml_quote(const char *, int);
int		 edit_report(struct edit *);

/* change.c: the changes commands make to contacts, written safely */
struct draft {				/* a contact about to be created */
	struct strv	 kv;		/* key, value, ...: "tags", "links.web" */
	int		 added;
};
void		 draft_set(struct draft *, const char *, const char *);
void		 draft_unset(struct draft *, const char *, const char *);
const char	*draft_get(const struct draft *, const char *);
const char	*draft_value(const struct draft *, const char *, size_t);
int		 draft_check(const struct draft *, struct net *, char *, size_t);
void		 draft_free(struct draft *);
char		*draft_text(const struct draft *);
char		*draft_write(struct net *, const struct draft *);
struct change;
int	 change_edit(struct net *, const char *,
	    int (*)(struct change *, struct contact *, void *), void *,
	    struct contact **);
int	 change_set(struct change *, const char *, const char *);
int	 change_add(struct change *, const char *, const char *);
int	 change_import(struct change *, const char *, struct strv *);
int	 change_remove(struct change *, const char *, const char *, int *);
int	 change_delete(struct change *, const char *, int *);
int	 change_log_entry(struct change *, int, const char *, const char *);
int	 change_log(struct net *, const char *, int, const char *,
	    const char *, const char *, const char *, int, struct contact **);
char	*contact_slug(const char *);

struct batch {				/* a run of changes, one commit */
	struct net	*net;
	struct refs	 refs;
	struct strv	 ids;		/* what changed, in order */
	char		*first;		/* the first one's name */
};
int	 batch_run(struct batch *, int, char **,
	    int (*)(struct batch *, const char *, void *), void *);
void	 batch_changed(struct batch *, const char *, const char *);
void	 batch_commit(struct batch *, const char *);
void	 batch_free(struct batch *);

/* write.c: the one way a file is written, and how one is read */
enum { SW_CREATE = 1, SW_QUIET = 2 };
int	 safe_write(const char *, const char *, const char *, size_t, int);
char	*file_read(const char *, size_t *, char *);

/* git.c: run git in the network, commit what a command changed */
int	 git_spawn(const char *, char **, int, struct buf *, struct buf *);
int	 git_run(struct net *, char **, int);
void	 git_commit(struct net *, char **, size_t, const char *);
int	 git_set_driver(struct net *, int);
int	 git_unmerged(struct net *, struct strv *);

/* sys.c: what differs from one system to another */
const char	*sys_selfdir(void);
char		*sys_program(const char *);
const char	*sys_progname(void);

/* match.c: PCRE2 patterns, case-insensitive unless they have a capital */
struct match;
struct match	*match_new(const char *, char *, size_t);
int		 match_str(struct match *, const char *, char *, size_t);
int		 match_value(struct match *, const struct value *, char *,
		    size_t);
void		 match_free(struct match *);

/* merge.c: three-way merge of one contact file (nw-merge) */
struct merge {
	char		*text;		/* the result */
	size_t		 len;
	struct strv	 conflicts;	/* keys put between conflict markers */
	char		*label[2];	/* ours and theirs on markers; free */
	char		 err[256];	/* why a merge was refused */
};
int	 merge_contact(struct ydoc *, struct ydoc *, struct ydoc *,
	    struct merge *);
int	 merge_plain(const char *, const char *, const char *, struct merge *);

/* import.c: records from other address books, on their way to contacts */
struct rec {
	struct draft	 d;
	struct buf	 notes;
	int		 line;		/* where it starts in its file */
	char		*err;		/* why it cannot be imported */
	struct strv	 warn;		/* what was left out of it */
};
struct recs {
	struct rec	*v;
	size_t		 n;
	struct strv	 ignored;	/* CSV columns not imported */
};
enum { IN_VCARD = 1, IN_LINKEDIN, IN_GOOGLE, IN_CSV };
int		 import_format(const char *);
int		 import_detect(const char *, size_t);
void		 import_csv(const char *, size_t, int, struct net *,
		    struct recs *);
struct rec	*rec_new(struct recs *, int);
char		*rec_clean(const char *, int);
void		 rec_set(struct rec *, const char *, const char *);
void		 rec_note(struct rec *, const char *, const char *);
void		 rec_bday(struct rec *, const char *, int);
void		 rec_link(struct rec *, const char *, const char *);
void		 rec_name(struct rec *, const char *const *, size_t,
		    struct buf *);
void		 rec_fail(struct rec *, int, const char *);
void		 rec_done(struct rec *);
void		 rec_free(struct rec *);

/* vcard.c: vCards read into records, contacts written as vCards */
void	 vcard_read(const char *, size_t, struct recs *);
void	 vcard_write(struct buf *, struct contact *, int);
char	*vc_text(const char *);
void	 vc_line(struct buf *, const char *, const char *);

/* uuid.c: UUIDs from a name */
void	 uuid_v5(const char *, char [37]);

/* ical.c: contacts as iCalendar events */
void	 ical_begin(struct buf *);
void	 ical_contact(struct buf *, struct net *, struct contact *, int);
void	 ical_end(struct buf *);

/* csv.c: CSV read into records, contacts written as CSV */
void	 csv_header(FILE *);
void	 csv_contact(FILE *, struct net *, struct contact *, int);

/* json.c: JSON, and the one shape of a contact */
void	 json_str(FILE *, const char *);
void	 json_value(FILE *, const struct value *);
void	 json_contact(FILE *, struct net *, struct contact *, int);
