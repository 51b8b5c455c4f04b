/* mail.h - what mail.c and mailaddr.c share, for them alone */

#include <gmime/gmime.h>

/*
 * A message as GMime parsed it (m), or, for the common plain one, the
 * values of the headers nw reads, each there once, found by their names
 * (hdr_find) and parsed by GMime's own parsers of a value, so that a
 * message is not built whole (three times the time of its reading).
 */
enum { H_FROM, H_TO, H_CC, H_BCC, H_DATE, H_MID, H_SUBJECT, H_LISTID,
    H_UNSUB, H_PREC, H_AUTO, NH };
struct msg {
	GMimeMessage	*m;
	char		*v[NH];		/* without m: unfolded, or NULL */
};

/*
 * A message's addresses, folded: the cache's strings, kept for the run
 * (borrowed, not copied: two allocations an address less), or those in
 * own.
 */
struct alist {
	const char	**v;
	size_t		  n, cap;
	struct strv	  own;
};

/* mailaddr.c */
void	 msg_from(const struct msg *g, struct alist *out);
void	 msg_rcpt(const struct msg *g, struct alist *out);
void	 alist_free(struct alist *l);
void	 mail_addr_people(InternetAddressList *l, struct strv *me,
	    struct strv *out);
void	 mail_addr_free(void);
