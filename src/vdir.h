/* vdir.h - what vdir.c, vmerge.c and vcal.c share, for them alone */

/* A card (or an event) of the state: see the top of vdir.c. */
struct ventry {
	char		*file, *uid, *id;
	int		 deleted;	/* gone from the vdir, kept until -r */
	int		 live;		/* its contact is in the network */
	int		 drop;		/* gone from the state at the end */
	const char	*base;		/* as nw last wrote it, or NULL: in
					   the state's map (vstate.map) */
	size_t		 blen;
	char		*want;		/* the card nw writes now */
	size_t		 wlen;
	char		 cst[96], vst[96];	/* the stamps of the contact's
					   file and the card at the last run */
	int		 skip;		/* neither changed since: nothing to do */
	const char	*rec;		/* its record as read (in vstate's map
					   or jtext), or NULL */
	size_t		 rlen;
};

struct vstate {
	struct net	*net;
	char		*dir;		/* the vdir */
	char		*sdir;		/* .nw/vdir/<uuid> */
	struct ventry	*v;
	size_t		 n;
	struct vdir_run	*run;
	int		 dirty;		/* the state must be written */
	int		 failed;
	long long	 now;		/* when the run began */
	struct newfile	*ed;		/* contacts edited by their cards, */
	char		**edid, **edname;	/* written at once (vm_pull) */
	size_t		 ned;
	size_t		*ix;		/* entries by id or file, see index */
	size_t		 nix, ixhint;	/* ixhint: see find_sorted */
	int		 ixfile;
	char		*map;		/* the state file mapped, or NULL */
	size_t		 maplen;
	unsigned long long gen;		/* its generation, 0 when it has none */
	char		*jtext;		/* the journal mapped, or NULL */
	size_t		 jlen, jvalid;	/* its size, the part that checks out */
	size_t		 jrecs;
	struct net_all	*all;		/* the network, for its files' stamps */
	struct strv	 files;		/* the vdir's cards, sorted (vd_list) */
	struct stamp	*fst;		/* and their stamps */
	char		*fok;		/* 1: the card's stamp is in fst */
	size_t		 fhint;		/* see find_sorted */
	struct vsave	*save;		/* the state to save (vstate.c) */
};

enum { OP_SET, OP_DELETE, OP_ADD, OP_REMOVE, OP_REPLACE, OP_LINK,
    OP_UNLINK, OP_RELINK };
struct op {
	int		 what;
	const char	*key;
	char		*old, *val;
};
struct ops {
	struct op	*v;
	size_t		 n;
	struct strv	 said;		/* "phone +44..." for the summary */
};

/* vmerge.c: three ways */
int	 vm_card(const char *, size_t, struct rec *);
int	 vm_same_keys(const struct draft *, const struct draft *);
int	 vm_same_all(const struct draft *, const struct draft *);
void	 vm_pull(struct vstate *, struct ventry *, struct contact *,
	    const char *, size_t, struct strv *);
void	 vm_pull_write(struct vstate *, struct strv *);
void	 vm_fill(struct contact *, struct rec *, struct ops *);
int	 vm_apply(struct change *, struct contact *, void *);
void	 vm_op_add(struct ops *, int, const char *, const char *,
	    const char *);
void	 vm_ops_free(struct ops *);

/* how nw-vdir loads a contact for its card: the keys, no log */
#define VD_CARD		(C_STRUCT | C_KEYS | C_NOLOG)

struct net_all {
	struct net	*net;
	char		**ids;		/* every contact's, sorted */
	struct contact	**s;		/* their summaries, or NULL: see
					   vd_net_sums */
	size_t		 nsums;
	struct stamp	*st;		/* their files' stamps (net_scan) */
	size_t		*slot, mask;	/* by id: see net_table */
	struct contact	**c;		/* loaded whole, or NULL */
	int		 whole;		/* with these flags (vd_net_all_load) */
	size_t		 n;
};

struct pending {
	struct newfile	*v;
	size_t		 n;
	int		 syncfd;	/* with hasfd: the vdir, opened before
					   cards were written (safe_put_new) */
	int		 hasfd;
	size_t		 ndone;		/* v[0..ndone) flushed (vwrite.c) */
	int		 bad;		/* how many of them failed */
	struct flusher	*fl;		/* the window being flushed */
};

/* vwrite.c's pass over the contacts to write, run by vdir_sync */
struct wpass {
	struct vstate	*st;
	struct net_all	*a;
	struct pending	*pd;
	struct strv	 members;
	size_t		*job, *ent;	/* contacts to write (in a), entries */
	size_t		 njob, next;
};


/* vstate.c: the state under .nw/vdir */
char		*vd_state_dir(struct net *, const char *, int);
void		 vd_state_load(struct vstate *);
void		 vd_state_early(struct vstate *);
void		 vd_state_save(struct vstate *);
void		 vd_state_free(struct vstate *);
void		 vs_stamp_put(const struct vstate *, const struct stamp *,
		    char [96]);

/* vwrite.c: nw's cards staged and written */
void		 vd_stage(struct vstate *, struct pending *, const char *,
		    const char *, size_t);
int		 vd_commit(struct vstate *, struct pending *);
void		 vd_want_card(struct ventry *, struct contact *,
		    const struct strv *);
void		 vd_members_of(struct net_all *, struct contact *,
		    struct strv *);
void		 vd_write_loaded(struct wpass *, size_t);
void		 vd_write_all(struct wpass *, const size_t *, size_t);
int		 vd_same_members(const char *, size_t, const char *, size_t);

/* vdir.c: the run, the network, the vdir's files read */
void		 vd_clean_stale(struct vstate *, int);
int		 vd_list(struct vstate *, int);
void		 vd_net_all_load(struct net *, struct net_all *, int);
void		 vd_net_all_free(struct net_all *);
void		 vd_net_sums(struct net_all *);
struct contact	*vd_net_whole(struct net_all *, size_t);
struct ventry	*vd_entry_byfile_any(struct vstate *, const char *);
struct ventry	*vd_entry_add(struct vstate *, const char *, const char *,
		    const char *);
char		*vd_read(struct vstate *, const char *, size_t *);
char		*vd_uid_file(const char *);
int		 vd_unlisted(struct vstate *, const char *);
const struct stamp *vd_card_stamp(struct vstate *, const char *);
size_t		 vd_net_index(struct net_all *, const char *);
void		 vd_index_build(struct vstate *, int);
struct ventry	*vd_index_find(struct vstate *, const char *);
