/* nw.h - the vocabulary of nw, one section per source file */

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
	size_t		 start, end;	/* byte offsets into the text */
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
	struct ynode	**nodes;	/* every node, to free them */
	size_t		 nnodes, nalloc;
	int		 line, col;	/* of the error */
	char		 err[256];
};

struct ydoc	*ydoc_parse(const char *, size_t);
struct ydoc	*ydoc_read(const char *);
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
};

extern const char *nw_dir_opt;		/* -C, set by commands */

struct net	*net_open(int);
struct dur	*net_circle(struct net *, const char *);
char		*net_path(struct net *, const char *);
int		 net_list(struct net *, char ***, size_t *);
void		 net_lock(struct net *);
void		 net_unlock(struct net *);
int		 net_inside(struct net *, const char *);
int		 id_valid(const char *);

/* contact.c: a contact's fields, read from its tree */
struct logent {
	int		 date;
	char		*kind, *note;
};

struct contact {
	char		*id, *path;
	struct ydoc	*doc;		/* kept only when asked */
	char		*name;
	char		**aka, **tags, **groups, **email;
	size_t		 naka, ntags, ngroups, nemail;
	char		*circle, *org, *title, *next_note;
	struct dur	 every;
	int		 next, added, last;
	struct bday	 bday;
	int		 ngive, nask, ngot, nlog;
	struct logent	*log;		/* kept only when asked */
	int		 line, col;	/* of the first problem */
	char		*err;		/* why it could not be used */
};

enum { C_KEEPDOC = 1, C_KEEPLOG = 2, C_STRUCT = 4 };

struct contact	*contact_load(struct net *, const char *, int);
void		 contact_free(struct contact *);
int		 contact_report(struct contact *);
int		 contact_isasked(const char *);

struct due {
	struct contact	*c;
	int		 due, days, cadence, bday;
	char		*reason;	/* why due */
	char		*bdreason;	/* a birthday near, or NULL */
};
void		 contact_due(struct net *, struct contact *, int, struct due *);

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
void	 refs_refresh(struct refs *);

/* check.c: what is wrong with a contact, said where it is */
struct check {
	struct net	*net;
	struct refs	 refs;		/* every contact, for duplicates */
	FILE		*out;
	int		 quiet;		/* errors only */
	int		 nerr, nwarn;
	const char	*path, *id;	/* of the file being checked */
};
int	 check_text(struct check *, const char *, const char *, const char *,
	    size_t);
int	 check_file(struct check *, const char *);

/* filter.c: which contacts a selecting command keeps */
struct filter {
	struct strv	 tag, group, circle;
};
int	 filter_pass(struct filter *, struct contact *);
void	 filter_check(struct net *, struct filter *);
int	 select_ids(struct refs *, int, char **, struct strv *);

/* out.c: rows as TSV, a table or JSON Lines */
enum { OUT_TSV, OUT_TABLE, OUT_JSON };
extern int out_mode;
void	 out_init(int);
int	 out_colour(void);
void	 out_row(int, const char *const *, const char *const *, const char *,
	    const char *);
void	 out_flush(void);
void	 out_json_str(FILE *, const char *);
int	 out_close(void);

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
	const char	*name, *circle, *every, *org, *title, *birthday;
	const char	*address, *met, *via, *metdate, *notes;
	struct strv	 aka, tags, groups, email, phone;
	struct strv	 links;		/* key, value, key, value... */
	int		 added;
};
char	*draft_text(struct draft *);
char	*draft_write(struct net *, struct draft *);
int	 change_edit(struct net *, const char *,
	    int (*)(struct edit *, void *), void *, struct contact **);
char	*change_logitem(int, const char *, const char *);
int	 change_log(struct net *, const char *, const char *, const char *,
	    const char *, int, struct contact **);
char	*contact_slug(const char *);

/* write.c: the one way a file is written, and how one is read */
int	 safe_write(const char *, const char *, size_t, int);
char	*file_read(const char *, size_t *, char *);

/* git.c: commit what a command changed */
int	 git_run(struct net *, char **, int);
void	 git_commit(struct net *, char **, size_t, const char *);

/* match.c: PCRE2 patterns, case-insensitive unless they have a capital */
struct match;
struct match	*match_new(const char *, char *, size_t);
int		 match_str(struct match *, const char *, char *, size_t);
int		 match_node(struct match *, struct ynode *, char *, size_t);
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
	struct strv	 mem;		/* the strings d points to */
	struct buf	 notes;
	int		 line;		/* where it starts in its file */
	char		*err;		/* why it cannot be imported */
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
const char	*rec_keep(struct rec *, const char *);
void		 rec_set(struct rec *, const char **, const char *);
void		 rec_add(struct rec *, struct strv *, const char *);
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
void	 vc_uid(const char *, char [37]);
