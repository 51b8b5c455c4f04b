/*
 * nw_priv.h - what only the library uses: the YAML tree and the editor
 * that changes a file's text, the one safe write, the schema's checks of
 * a tree, git's spawning, the merge's and the importers' insides.  A
 * command includes nw.h only and so cannot touch a file's text.
 */

#include <stdint.h>

#define NW_MAXDEPTH	64		/* nesting of collections */
#define NW_MAXNODES	100000		/* nodes, aliases expanded */

/* --- the layers of nw.h: what no command uses ------------------------- */
/* base: mem.c, buf.c, utf8.c */
void	*xmalloc(size_t n);
void	 buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));
int	 strv_hascase(struct strv *l, const char *s);
int	 strv_within(const struct strv *a, struct strv *b);
void	 strv_cut(struct strv *l, const char *s);
char	*utf8_fold(const char *s);
char	*text_dup(const char *s, int how);
void	 buf_add(struct buf *b, const char *s, size_t n);
size_t	 utf8_width(const char *s);
#define TX_TERM		0	/* text for a terminal, standard error */
#define TX_TSV		1	/* a field of piped TSV */
#define TX_LINES	2	/* keep line breaks and tabs */
#define TX_MSG		4	/* a message: control characters escaped */
void	 text_add(struct buf *b, const char *s, size_t n, int how);
void	 text_put(FILE *f, const char *s, int how);
/* base: date.c */
void	 date_to_civil(int z, int *y, int *m, int *d);
/* files and git: dir.c, settings.c, git.c (now check.c's, statsout.c's) */
struct dur	 net_floor(const struct net *net);
void	 net_keep_problems(struct net *net, struct strv *problems);
int	 net_list(struct net *net, char ***ids, size_t *n,
	    struct strv *oddities);
int	 git_unmerged(struct net *net, struct strv *ids, struct strv *deleted);
int	 git_removed(struct net *net, struct strv *paths);
/* contacts: the library's part of a contact (contact.c) */
struct bday {
	int	 year, month, day;	/* year 0 when unknown; month 0: none */
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
struct ints {
	int		*v;
	size_t		 n;
};
#define NKINDS		24	/* more than the kinds, for any other word */
struct contact_lib {			/* what commands do not read */
	char		*path;
	struct strv	 aka, tags, groups, phone, offers, topics;
	struct strv	 links;		/* name, url, name, url... */
	char		*title, *address, *notes, *next_note;
	struct met	 met;
	struct dur	 every;
	int		 next;
	struct bday	 bday;
	struct dates	 dates;
	int		 first;		/* the oldest contact entry */
	int		 ncontact;	/* entries that count as contact */
	int		 ndays;		/* the days they are on, each once */
	int		 closed;	/* newest got, thanks, declined: asks */
	int		 closed_at;	/* answered up to it: its place in log */
	int		 kinds[NKINDS];	/* entries by schema_kind_slot */
	struct ints	 jobs;		/* job entries' dates */
	int		 month_end;	/* last's month: year * 12 + m - 1 */
	int		 months[12];	/* contact entries a month up to it */
	struct value	 keys;		/* with C_KEYS: every key, in order */
	struct ydoc	*doc;		/* with C_DOC */
	int		 line, col;	/* of the first problem */
	char		*err;		/* why it could not be used */
	int		 packed;	/* cached: 1 own block, 2 the net's */
};
/* A contact and its library part are one block (contact_new, the cache). */
struct contact_block {
	struct contact		c;
	struct contact_lib	l;
};
#define CF(f)	offsetof(struct contact_block, f)	/* c.id, l.path */
struct contact	*contact_new(void);
/* contacts: schema.c, kind.c, contact.c */
int	 schema_via(struct net *net, const char *v);
int	 schema_kind_slot(const char *kind, int *flags);
int	 contact_names(const struct contact *c, const char *group);
/* base: opt.c, utf8.c, date.c, report.c, match.c */
extern int	 opt_dashes;	/* "--" ended the options */
size_t	 utf8_lower(unsigned cp, char out[5]);
int	 date_from_civil(int y, int m, int d);
int	 date_parse(const char *s, int *out);
int	 date_weekday(int z);
int	 dur_days(struct dur du);
int	 cadence_parse(const char *s, struct dur *du);
int	 bday_parse(const char *s, struct bday *b);
int	 bday_next(struct bday b, int today);
int	 match_str(struct match *m, const char *s, char *err, size_t errlen);
int	 match_value(struct match *m, const struct value *v, char *err,
	    size_t errlen);
/* files: write.c */
char	*file_read(const char *path, size_t *lenp, char *err);
/* contacts: schema.c, contact.c */
const char	*schema_met_label(const char *part);
int	 contact_member(const struct contact *c, const struct contact *p);
const struct role	*schema_roles(size_t *n);
int	 schema_month(const char *s, int *day);
int	 contact_ask_open(const struct contact *c, const struct logent *le);
const struct logent	*contact_newest(const struct contact *c);
const struct value	*contact_value(struct contact *c, const char *key);
int	 contact_job(const struct contact *c, int today);
char	*contact_balance(const struct contact *c);
struct due {				/* when a contact is due, and why */
	struct contact	*c;		/* lent by the caller */
	int		 due, days, cadence, bday;
	int		 never;		/* a cadence of never: no due date */
	int		 promise;	/* due for a next with a next-note */
	int		 bdonly;	/* listed for bdreason alone (nw-due -b) */
	char		*reason;	/* why due */
	char		*bdreason;	/* birthday and dates near, or NULL */
};
void	 contact_due(struct net *net, struct contact *c, int today,
	    struct due *d);
void	 due_free(struct due *d);
int	 contact_followup_ends(int promise, const struct logent *e,
	    int newest);
char	*contact_slug(const char *name);
void	 value_free(struct value *v);
/* selecting: select.c */
struct contact	**refs_all(struct refs *r, size_t *n);
int	 select_ids(struct refs *r, int argc, char **argv, struct strv *ids,
	    int *all);
int	 filter_pass(struct filter *f, struct contact *c);
void	 filter_check(struct net *net, struct filter *f);
/* changing: change.c */
int	 change_import(struct change *ch, const char *key, struct strv *l);
int	 change_put(struct change *ch, const char *key, const char *sub,
	    const char *value);
int	 change_log_entry(struct change *ch, int date, const char *kind,
	    const char *note);
int	 change_child(struct change *ch, const char *key, const char *part,
	    const char *value, int *found);
int	 change_log_new(struct net *net, const char *id, struct logentry *l,
	    size_t n, int dry, struct contact **after);
void	 draft_more(struct draft *d, const char *key, const struct value *v);
/* formats: out.c, context.c, json.c, show.c */
int	 out_colour(void);
void	 due_long(struct net *net, struct due *d, int today, int first);
void	 value_text(struct buf *b, const struct value *v, int depth);
/* base: report.c; formats: out.c (nw-stats', nw-due -l's sections), json.c */
int	 out_sync(void);
void	 out_tsv(const char *section, int n, ...);
void	 out_label(int indent, const char *label, const char *text);
#define JW_DEPTH	8
struct jw {				/* JSON objects written as they go */
	FILE	*f;			/* stdout when NULL */
	int	 depth;
	char	 close[JW_DEPTH];	/* what closes each level */
	int	 n[JW_DEPTH];		/* items so far at each level */
};
void	 jw_open(struct jw *w, const char *key, int c);
void	 jw_close(struct jw *w);
void	 jw_str(struct jw *w, const char *key, const char *s);
void	 jw_int(struct jw *w, const char *key, int n);
void	 jw_raw(struct jw *w, const char *key, const char *json);
void	 jw_date(struct jw *w, const char *key, int day);
void	 json_str(FILE *f, const char *s);
void	 json_value(FILE *f, const struct value *v);
void	 jw_value(struct jw *w, const char *key, const struct value *v);
const char	*json_parse(const char *s, size_t len, struct value *v);
/* capturing: capture.c, mail.c, cal.c */
int	 capture_isme(struct capture *cp, const char *email);
struct contact	*capture_who(struct capture *cp, const char *email, size_t k);
void	 capture_add(struct capture *cp, struct contact *c, int date, int in,
	    long long when, const char *key, const char *note);
void	 mail_message(struct capture *cp, const char *data, size_t len,
	    const char *where);
void	 cal_text(struct capture *cp, const char *text, const char *where,
	    int from, int to);
void	 report(FILE *f, const char *path, int line, int col, const char *sev,
	    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void	 check_note(struct check *ck, const char *id, int error,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* --- base: what no command needs of utf8.c, report.c, sys.c ------------- */

unsigned long	 strcasehash(const char *);
void		 report_buf(struct buf *, const char *path, int line, int col,
		    const char *sev, const char *fmt, va_list)
		    __attribute__((format(printf, 6, 0)));
const char	*sys_progname(void);

/* --- strmap.c: strings to values, keys equal as strcaseeq says --------- */

struct strmap;
struct strmap	*strmap_new(void);
void		 strmap_put(struct strmap *, const char *key, void *val);
void		*strmap_get(const struct strmap *, const char *key);
void		*strmap_next(const struct strmap *, const char *key, size_t *it);
void		 strmap_clear(struct strmap *);
void		 strmap_free(struct strmap *);
uint64_t	 hash64(const char *, size_t);

/* --- yaml.c: files parsed with libyaml into trees that know their bytes --- */

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
int		 ymap_pair(struct ynode *, const char *, struct ynode **,
		    struct ynode **);
int		 ynode_equal(struct ynode *, struct ynode *);
int		 ynode_isnull(struct ynode *);
int		 ynode_block(const struct ynode *);
const char	*ynode_str(struct ynode *);
int		 yaml_typed(const char *);
enum { Q_FLOW = 1, Q_STR = 2 };
char		*yaml_quote(const char *, int);
void		 ydoc_pos(const char *, size_t, size_t, int *, int *);

/* --- edit.c, editline.c: change a file's text touching only its bytes ---- */

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
int		 edit_append(struct edit *, const char *, const char *, int);
int		 edit_append_all(struct edit *, const char *, char *const *,
		    size_t, int);
int		 edit_set(struct edit *, const char *, const char *);
int		 edit_put(struct edit *, const char *, const char *,
		    const char *);
int		 edit_delete(struct edit *, const char *);
int		 edit_remove(struct edit *, const char *, const char *, int *);
int		 edit_child(struct edit *, const char *, const char *,
		    const char *, int *);
int		 edit_part(struct edit *, const char *, const char *,
		    const struct strv *);
int		 edit_report(struct edit *);
size_t		 text_line_start(const char *, size_t, size_t);
size_t		 text_line_after(const char *, size_t, size_t);
size_t		 text_after(const char *, size_t, size_t, int *);
int		 text_indent(const char *, size_t, size_t, size_t *);
int		 text_dash(const char *, size_t, size_t, size_t *, size_t *);
void		 edit_lines(struct edit *, size_t, size_t, size_t *, size_t *);
void		 edit_addline(struct buf *, struct edit *, int, size_t,
		    const char *);
struct cut {				/* text[start, end) becomes text */
	size_t		 start, end, seq;
	char		*text;
};
char		*text_cuts(const char *, size_t, struct cut *, size_t,
		    size_t *);
int		 edit_retext(struct edit *, char *, size_t);
int		 edit_replace(struct edit *, size_t, size_t, const char *);

/* --- write.c: the one way a file is written ------------------------------ */

enum { SW_CREATE = 1, SW_QUIET = 2 };
int	 safe_write(const char *, const char *, const char *, size_t, int);
struct newfile {			/* one of the files of safe_create_all */
	const char	*path;
	const char	*s;
	size_t		 len;
	int		 err;		/* 0, or the errno of what failed */
	const char	*what;
	int		 replace;	/* may write over the file there */
	char		*tmp;		/* or written already (safe_put_new) to
					   this temporary file, freed by
					   safe_create_all */
	int		 syncfd;	/* with tmp: a file of its file system
					   opened before it was written */
};
int	 safe_create_all(const char *, struct newfile *, size_t);
char	*safe_put_new(const char *, const char *, size_t);
int	 safe_put_done(const char *, const char *, int);
void	 safe_put(const char *, struct newfile *);
int	 safe_link(const char *, const char *);
int	 safe_remove(const char *, const char *);
int	 safe_append(const char *, size_t, const char *, size_t);
int	 syncdir(const char *);
void	 unsynced(int, const char *, const char *, const char *);

/* --- dir.c: the network's own folder, its files stamped ------------------ */

struct circle {
	char		*name;
	struct dur	 every;
};
struct net {
	char		*dir;		/* as the user gave it */
	char		*real;		/* its realpath */
	struct circle	*circles;
	size_t		 ncircles;
	struct dur	 dflt, birthdays;
	struct dur	 floor;		/* nobody longer without contact */
	struct strv	 offers;	/* what you can do for people */
	struct strv	 me;		/* my addresses: nw-mail, nw-cal */
	int		 mail_max_rcpt;	/* more recipients: not logged */
	struct dur	 cal_since;	/* how far back nw-cal looks */
	int		 cal_max_attendees;
	int		 autocommit;
	int		 lockfd, locks;
	char		 token[40];	/* what our last lock wrote in .nw/lock */
	unsigned long	 others;	/* locks that found another's token */
	int		 track;		/* refs_taken's: draft_write says in made */
	struct strv	 made;		/* id, name of each contact draft_write made */
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

struct stat;
struct stamp {				/* what tells that a file changed */
	unsigned long long	 ino, size;
	long long		 mtime, ctime;	/* in nanoseconds */
};
void		 stamp_from(struct stamp *, const struct stat *);
int		 net_scan(struct net *, char ***, struct stamp **, size_t *,
		    struct strv *);
size_t		 net_path_put(struct net *, const char *, char *);
const char	*net_tmpdir(struct net *);
char		*dir_tmpdir(const char *);
int		 dir_sorted(const char *, const char *, struct strv *);
int		 net_ensure(struct net *, const char *, const char *,
		    const char *);
int		 net_inside(struct net *, const char *);
int		 net_folders(struct net *, const char *);
void		 net_settings(struct net *);	/* settings.c */

/* --- schema.c: a tree's values checked, an argument's made YAML ---------- */

struct kind {				/* a kind of log entry of nw(5) */
	const char	*name;
	int		 flags;		/* KIND_ */
};
const struct kind	*schema_kinds(size_t *n);

enum ktype {				/* a key's type: how it is read,
					   checked, shown, merged, written */
	K_ID, K_NAME, K_STR, K_TEXT, K_LIST, K_EMAIL, K_DATE, K_DUR,
	K_CIRCLE, K_BDAY, K_LINKS, K_MAP, K_MET, K_LOG, K_LAST, K_DUE, K_TYPE,
	K_DATES, K_REL, K_WORK
};
enum {					/* a key's flags */
	K_VITAL = 1,		/* a bad value makes the contact unusable */
	K_SET = 2,		/* nw-set may set it to a text */
	K_FLOW = 4,		/* a list, written [a, b] even for one */
	K_AHEAD = 8,		/* a date given ahead: 2w, friday */
	K_DERIVED = 16,		/* no key of a file: an output's column */
	K_REF = 32,		/* values are references, stored as ids */
	K_PARTS = 64,		/* nw-set sets its parts: rel.mentor */
	K_JOB = 128		/* a new value is a new job: the old to work */
};
#define SHOW_USER	18	/* nw-show's rank for the user's own keys */
struct key {				/* a key of nw(5) */
	const char	*name;
	enum ktype	 type;
	int		 flags;
	int		 show;		/* its rank in nw-show, 0: not shown */
	const char	*label;		/* nw-show's, when not the name */
	size_t		 field;		/* where struct contact holds it */
};
const struct key	*schema_keys(size_t *n);
const struct key	*schema_key(const char *name);
#define NOFIELD		((size_t)-1)	/* a key struct contact does not hold */
struct role {				/* a relationship of rel: */
	const char	*name;
	const char	*inverse;	/* the other side's role, or NULL */
	const char	*vcard;		/* RELATED's TYPE (RFC 6350), or NULL */
};
const struct role	*schema_role(const char *name);
enum {					/* what else a log entry's kind means */
	KIND_GIVE = 2,			/* you gave */
	KIND_ASK = 4,			/* you asked */
	KIND_GOT = 8,			/* they gave you */
	KIND_THANKS = 16,		/* you thanked */
	KIND_DECLINED = 32,		/* they said no to an ask */
	KIND_JOB = 64			/* they changed jobs (nw-import -u) */
};
#define JOB_DAYS	90	/* a job change is news this many days */

struct finding {			/* how a check says what it finds */
	struct net	*net;
	void		(*say)(struct finding *, struct ynode *, int,
			    const char *, ...)
			    __attribute__((format(printf, 4, 5)));
	void		*arg;
};
void		 schema_check(struct finding *, const struct key *,
		    struct ynode *);
const char	*schema_invalid(const struct key *, struct net *,
		    const char *, char *, size_t);
enum { Y_LIST = 1, Y_LENIENT = 2 };
char		*schema_yaml(const char *, struct net *, const char *, int,
		    char *, size_t);
int		 email_plausible(const char *);
const char	*schema_subkey(const char *, char **);
const char	*schema_text_part(const char *);
int		 schema_xnw(const struct key *);
int		 schema_islist(const char *);
const char	*schema_kind_near(const char *kind);	/* kind.c */

struct column {				/* a contact's column in CSV */
	const char	*name;
	const char	*part;		/* the draft key it fills, or NULL */
	const struct key *k;
};
const struct column	*schema_columns(size_t *);
const struct column	*schema_column(const char *);

/* --- cache.c: many contacts at once, from .nw/cache when it may ---------- */

void	 contacts_load(struct net *, char **, struct stamp *, size_t, int,
	    void (*)(struct contact *, void *), void *);
void	 cache_free(struct cache *);
void	 cache_counts(struct net *, size_t *, size_t *, int *);

/* --- summary.c: what the cache keeps of a contact, as bytes ------------- */

struct rd {				/* a reader that never runs over */
	const unsigned char	*p, *end;
	int			 bad;
};
const void	*rd_get(struct rd *, size_t);
int		 rd_getn(struct rd *, void *, size_t);
uint32_t	 rd_get32(struct rd *);
void		 put_u32(struct buf *, uint32_t);
void		 summary_put(struct buf *, struct contact *);
int		 summary_field(size_t, size_t *);
int		 summary_unpack(const unsigned char *, size_t, struct contact *,
		    char *, size_t *);

/* --- cores.c: work spread over every core, its results taken in order --- */

void	 cores_run(size_t, void (*)(void *, size_t), void (*)(void *, size_t),
	    void *);

/* --- contact.c, change.c ------------------------------------------------- */


/*
 * A contact loaded without its log (none of the fields it sums up, no
 * log in C_KEYS): what a card needs (nw-vdir), its entries parsed but
 * neither summed up nor copied.  Never cached: only flags 0 are.
 */
enum { C_NOLOG = 16 };
struct contact	*contact_parse(struct net *, const char *, const char *, size_t,
		    int);
char		*draft_text(const struct draft *);
int		 change_prepare(struct net *, const char *,
		    int (*)(struct change *, struct contact *, void *), void *,
		    struct newfile *);
struct logentry;
struct said {			/* what change_log_prepare would say */
	char	*fault;			/* why it failed, report()'s text */
	char	*done;			/* a follow-up it ended */
};
int		 change_log_prepare(struct net *, const char *,
		    struct logentry *, size_t, int, struct newfile *,
		    struct said *);
void		 change_said(const char *, struct said *);
int		 fold_held(struct net *, const struct contact *,
		    struct contact *);

/* --- git.c --------------------------------------------------------------- */

int	 git_spawn(const char *, char **, int, struct buf *, struct buf *);
int	 git_run(struct net *, char **, int);

/* --- merge.c: three-way merge of one contact file ------------------------- */

struct merge {
	char		*text;		/* the result */
	size_t		 len;
	struct strv	 conflicts;	/* keys put between conflict markers */
	char		*label[2];	/* ours and theirs on markers; free */
	void		(*names)(struct merge *);	/* sets label, or NULL */
	char		 err[256];	/* why a merge was refused */
};
int	 merge_contact(struct ydoc *, struct ydoc *, struct ydoc *,
	    struct merge *);
const char	*merge_label(struct merge *, int);
void	 merge_free(struct merge *);

/* --- driver.c: the merge driver's git side --------------------------------- */

int	 merge_plain(const char *, const char *, const char *, struct merge *);

/* --- draft.c: a new contact's draft, whole (records hold one) ---------- */

struct draft {				/* a contact about to be created */
	struct strv	 kv;		/* key, value, ...: "tags", "links.web" */
	int		 added;
	struct value	 more;		/* keys kept as they are: the log, a
					   user's own (nw's JSON); a map */
};
void	 draft_clear(struct draft *d);

/* --- rec.c, news.c, import.c: records read from elsewhere, imported ---- */

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
int	 import_detect(const char *s, size_t len);
void	 import_csv(const char *s, size_t len, int fmt, struct net *net,
	    struct recs *rs);
void	 vcard_read(const char *s, size_t len, struct recs *rs);
void	 json_read(const char *s, size_t len, struct recs *rs);
void	 rec_free(struct rec *r);
/* formats: news.c, what a record brings to the contact it is */
struct news {			/* what a record adds to a contact */
	struct strv	 email, phone;
	struct strv	 fill;		/* key, value: org, title, birthday */
	struct strv	 links;		/* name, url */
	const char	*org, *title;	/* a new job, or NULL */
	char		*jobnote;	/* "Now Staff Engineer at New Co" */
};
int	 phone_has(struct strv *l, const char *phone);
void	 news_links(struct contact *c, const struct rec *r, struct news *nw);
void	 news_job(struct contact *c, const struct rec *r, struct news *nw);
void	 news_fill(struct contact *c, const struct rec *r, struct news *nw);
int	 news_apply(struct change *ch, struct contact *c, void *news);
char	*news_text(struct news *nw);
void	 news_free(struct news *nw);
int	 rels_apply(struct change *ch, struct contact *c, void *rec);
int	 rel_has(const struct strv *rel, const char *role, const char *id);
/* changing: draft.c, new contacts written at once (nw-import's) */
char	*draft_id(const struct draft *d);
struct drafts;				/* new contacts, written at once */
struct drafts	*drafts_new(struct net *net);
char	*draft_stage(struct drafts *dr, const struct draft *d);
int	 drafts_waiting(struct drafts *dr, const char *id);
int	 drafts_write(struct drafts *dr, void (*fn)(const char *, const char *,
	    void *), void *arg);
void	 drafts_free(struct drafts *dr);
/* checking: check.c, what spans contacts (nw-import asks too) */
const char	*check_email_taken(struct check *ck, const char *email,
	    const char *id);
void	 check_claim(struct check *ck, const char *email, const char *id);
/* formats: vcardout.c */
char	*vcard_uid(const char *id);

/* --- rec.c, vcard.c, uuid.c: building records, writing cards ------------- */

struct rec	*rec_new(struct recs *, int);
char		*rec_clean(const char *, int);
void		 rec_set(struct rec *, const char *, const char *);
void		 rec_note(struct rec *, const char *, const char *);
void		 rec_bday(struct rec *, const char *, int);
void		 rec_date(struct rec *, const char *, const char *,
		    const char *, int);
void		 rec_link(struct rec *, const char *, const char *);
void		 rec_name(struct rec *, const char *const *, size_t,
		    struct buf *);
int		 rec_parts(struct rec *, const char *const *);
void		 rec_fail(struct rec *, int, const char *);
void		 rec_own(struct rec *, const char *, const char *);
void		 rec_done(struct rec *);
void		 uuid_v5(const char *, char [37]);

/* --- contentline.c: vCard's and iCalendar's lines ------------------------ */

char		*vc_text(const char *);
void		 vc_line(struct buf *, const char *, const char *);

/* --- sys.c: what POSIX lacks, for the library ---------------------------- */

int		 sys_lock(int, int);
void		 sys_unlock(int);
int		 sys_mkstemps(char *, int);
int		 sys_syncfs(int);
long		 sys_ncores(void);
int		 sys_tmpfile(const char *);
int		 sys_tmpfile_link(int, const char *);
int		 sys_rename_new(const char *, const char *);
void		*sys_map(int, size_t);
int		 sys_getopt(int, char *const [], const char *);

/* --- stats.c, statsout.c: nw-stats' sums, and what prints them -------- */

#define STATS_WEEKS	53		/* -H: a year of weeks, this one last */
struct circ {
	const char	*name;		/* NULL: no circle of the settings */
	int		 people, ontime, overdue, never;
	int		*gaps;		/* days between contacts, a person */
	size_t		 ngaps;
};
struct grp {				/* a group that is no community */
	char		*name;		/* as first written */
	int		 people, touched;
};
struct comm {				/* a community */
	char		*id, *name;
	struct contact	*c;		/* kept for contact_names */
	int		 members, seen, entries, due, days, never;
};
struct low {				/* an id and a day (or a count) */
	char		*id;
	int		 last;
};
struct stats {
	struct net	*net;
	int		 today, tmonth, year_ago, days90, floor;
	int		 people, touched, ncomms;
	struct circ	*circ;		/* the settings' circles, then none */
	size_t		 ncirc;
	struct member	*mem;		/* people with groups (stats.c's) */
	size_t		 nmem;
	struct comm	*comm;
	size_t		 ncomm;
	struct low	*low;		/* below the floor: their last */
	size_t		 nlow;
	struct low	*jobs;		/* job changes of the last JOB_DAYS */
	size_t		 njobs;
	struct low	*intro;		/* introducers: id, people (in last) */
	size_t		 nintro;
	int		 months[12];	/* contact entries, the last 12 months */
	int		 kinds[NKINDS];
	int		 gave, asked, got, owed, open;
	int		 heat, *days;	/* -H: entries a day, STATS_WEEKS * 7 */
	int		 first;		/* -H: the first day shown */
	int		 keep;		/* -p: keep the person, in one */
	struct contact	*one;
	struct grp	*grp;		/* groups, by stats_sums */
	size_t		 ngrp;
};
struct stats	*stats_new(struct net *net, int today, int heat, int keep);
int	 stats_take(struct scan *s, struct contact *c, void *arg);
void	 stats_sums(struct stats *st);
void	 stats_free(struct stats *st);
int	 stats_median(struct circ *c);

/* --- csv.c, ical.c, vcardout.c, dot.c: contacts in other formats ------ */

void	 csv_header(FILE *f);
void	 csv_contact(FILE *f, struct net *net, struct contact *c, int today);
void	 ical_begin(struct buf *b);
void	 ical_contact(struct buf *b, struct net *net, struct contact *c,
	    int today);
void	 ical_end(struct buf *b);
void	 vcard_write(struct buf *b, struct contact *c, int version,
	    const struct strv *members);
void	 dot_graph(struct buf *b, struct net *net, struct contact **v,
	    size_t n, int today);

/* --- check.c: a check under way (the fuzz harnesses fill one) --------- */

int	 check_files(struct check *ck, char **ids, size_t n,
	    struct strv *unmerged, struct strv *deleted);
void	 check_settings(struct check *ck);
void	 check_private(struct check *ck, char **ids, size_t n, int all);
void	 check_path(struct check *ck, const char *path, int error,
	    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

struct check {
	struct net	*net;
	struct refs	*refs;		/* lent: every contact, for duplicates */
	FILE		*out;
	int		 quiet;		/* errors only */
	int		 nerr, nwarn;
	const char	*path, *id;	/* of the file being checked */
	struct strv	 found;		/* its findings, to sort */
	struct cross	*cross;		/* names and emails, once read */
};

/* --- capture.c: a capture and its entries (the fuzz harnesses read them) */

struct addr;
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
	struct strv	 named;		/* mail.c: paths to read, in order */
	size_t		 nread;		/* messages or events read */
	size_t		 nother;	/* not from or to a contact */
	size_t		 nbulk;		/* lists, bulk; cancelled, declined */
	size_t		 nmany;		/* too many recipients, attendees */
	size_t		 ndraft, nlater, nundated, nbad;
	size_t		 nlogged;	/* entries there already */
	size_t		 nentries, ncontacts, nfailed;	/* added */
};

struct catch {
	struct contact	*c;
	int		 date, in;
	long long	 when;
	char		*key;		/* Message-ID or UID: the tie */
	char		*note;
};
extern int out_errno;		/* report.c: why stdout failed first */
