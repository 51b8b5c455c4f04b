/*
 * merge.h - the merge's insides, shared by merge.c (the keys, sets,
 * parts, the whole) and mergelog.c (the log entry by entry, the
 * follow-up); nothing else includes it.
 */

enum { KEEP, TAKE, CONFLICT, SET, PARTS };

struct list {
	struct ynode	**v;
	size_t		  n;
};

struct plan {
	struct ydoc	*base, *ours, *theirs;	/* as parsed; ours unedited */
	struct edit	*e;			/* editing a copy of ours */
	struct strv	 keys;			/* ours's order, then theirs's */
	int		*act;
	struct list	*set;			/* a SET key's planned items */
	struct strv	*parts;			/* a PARTS key's: part, item */
	int		 follow;		/* next's act, or -1: decide */
	int		 logmerge;		/* log merged by entries */
	struct ynode	**log;			/* the planned entries */
	size_t		 nlog;
	struct merge	*m;
};

/* merge.c */
int		 merge_fail(struct merge *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
struct ynode	*merge_value(struct ydoc *, const char *);
int		 merge_same(struct ynode *, struct ynode *);
int		 merge_take(struct plan *, const char *);

/* mergelog.c */
void		 merge_items(struct ynode *, struct list *);
int		 merge_flow(struct ydoc *, struct ynode *, struct buf *);
int		 merge_log(struct plan *);
int		 merge_followup(struct plan *);
