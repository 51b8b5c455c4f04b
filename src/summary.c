/* summary.c - what the cache keeps of a contact, as bytes and back */

#include <string.h>

#include "nw.h"
#include "nw_priv.h"

/*
 * What the cache keeps of a contact: every field a scan reads.  A field
 * added to struct contact or contact_lib and filled without C_LOG, C_KEYS
 * or C_DOC goes here, then the size below is brought up to date;
 * tests/0300-cache.t compares every scan with and without the cache.  id and path come from
 * the walk; log, keys and doc are never cached.
 */
#define C(f)	CF(c.f)		/* where a field is in struct contact_block */
#define L(f)	CF(l.f)
#define NOF(a)	(sizeof ((struct contact_lib *)0)->a / sizeof (int))
static const struct field {
	size_t	 off;
	char	 type;	/* s: char *, v: struct strv, i: int, z: size_t,
			   c: char, d: struct dates, n: struct ints */
	size_t	 n;	/* of ints: an array's length */
} summary[] = {
	{ C(name), 's', 1 }, { C(type), 'i', 1 }, { L(aka), 'v', 1 },
	{ L(tags), 'v', 1 }, { L(groups), 'v', 1 }, { C(email), 'v', 1 },
	{ L(phone), 'v', 1 }, { L(offers), 'v', 1 }, { L(topics), 'v', 1 },
	{ L(links), 'v', 1 }, { C(rel), 'v', 1 }, { C(orgs), 'v', 1 },
	{ L(jobs), 'n', 1 }, { C(circle), 's', 1 }, { C(org), 's', 1 },
	{ L(title), 's', 1 }, { L(address), 's', 1 }, { L(notes), 's', 1 },
	{ L(next_note), 's', 1 }, { L(met.where), 's', 1 },
	{ L(met.date), 'i', 1 }, { L(met.via), 's', 1 },
	{ L(every.n), 'i', 1 }, { L(every.unit), 'c', 1 },
	{ L(next), 'i', 1 }, { C(added), 'i', 1 }, { L(bday.year), 'i', 1 },
	{ L(bday.month), 'i', 1 }, { L(bday.day), 'i', 1 },
	{ L(dates), 'd', 1 }, { C(last), 'i', 1 }, { L(first), 'i', 1 },
	{ L(ncontact), 'i', 1 }, { L(ndays), 'i', 1 }, { C(ngive), 'i', 1 },
	{ C(nask), 'i', 1 },
	{ C(ngot), 'i', 1 }, { L(closed), 'i', 1 }, { C(nopen), 'i', 1 },
	{ L(closed_at), 'i', 1 }, { L(kinds), 'i', NOF(kinds) },
	{ L(month_end), 'i', 1 }, { L(months), 'i', NOF(months) },
	{ C(nlog), 'z', 1 }, { L(line), 'i', 1 }, { L(col), 'i', 1 },
	{ L(err), 's', 1 },
};
#define NFIELDS	(sizeof summary / sizeof summary[0])
#if defined(__x86_64__) || defined(__aarch64__)
_Static_assert(sizeof(struct contact_block) == 608, "struct contact has "
    "changed: a field a scan reads goes in summary[] of summary.c, then set "
    "its size here");
#endif

/* A number as the cache's entries hold it, in this machine's order. */
void
put_u32(struct buf *b, uint32_t u)
{
	buf_add(b, (const char *)&u, sizeof u);
}

/* A string: its length, its bytes and a NUL, for a contact to point at. */
static void
putstr(struct buf *b, const char *s)
{
	if (s == NULL) {
		put_u32(b, UINT32_MAX);
		return;
	}
	put_u32(b, strlen(s));
	buf_add(b, s, strlen(s) + 1);
}

/* A contact's summary, field by field as summary[] says. */
void
summary_put(struct buf *b, struct contact *c)
{
	struct dates *ds;
	struct ints *iv;
	struct strv *v;
	size_t i, j;
	char *p;

	for (i = 0; i < NFIELDS; i++) {
		p = (char *)c + summary[i].off;
		switch (summary[i].type) {
		case 's':
			putstr(b, *(char **)p);
			break;
		case 'v':
			v = (struct strv *)p;
			put_u32(b, v->n);
			for (j = 0; j < v->n; j++)
				putstr(b, v->v[j]);
			break;
		case 'i':
			buf_add(b, p, summary[i].n * sizeof(int));
			break;
		case 'z':
			buf_add(b, p, sizeof(size_t));
			break;
		case 'd':
			ds = (struct dates *)p;
			put_u32(b, ds->n);
			for (j = 0; j < ds->n; j++) {
				putstr(b, ds->v[j].what);
				buf_add(b, (const char *)&ds->v[j].when,
				    sizeof ds->v[j].when);
			}
			break;
		case 'n':
			iv = (struct ints *)p;
			put_u32(b, iv->n);
			if (iv->n)	/* no list: v is NULL */
				buf_add(b, (const char *)iv->v,
				    iv->n * sizeof *iv->v);
			break;
		default:
			buf_add(b, p, 1);
			break;
		}
	}
}

const void *
rd_get(struct rd *r, size_t n)
{
	const void *p = r->p;

	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return NULL;
	}
	r->p += n;
	return p;
}

int
rd_getn(struct rd *r, void *to, size_t n)
{
	const void *p = rd_get(r, n);

	if (p)
		memcpy(to, p, n);
	return p != NULL;
}

uint32_t
rd_get32(struct rd *r)
{
	uint32_t u = 0;

	rd_getn(r, &u, sizeof u);
	return u;
}

/*
 * A contact from a summary is one block, its lists after the struct, its
 * strings those of the summary itself: memory a process touches for the
 * first time is what a scan with a cache costs most (a page fault each
 * 4 KB), where the pages of the cache file, mapped, cost little.  So the
 * contact must not be read once the cache is freed (net_free).  The same
 * walk of the summary measures the lists (c NULL) and fills them.
 */
static char *
getstr(struct rd *r, int *null)
{
	const char *s;
	uint32_t n = rd_get32(r);

	*null = n == UINT32_MAX;
	if (*null || (s = rd_get(r, (size_t)n + 1)) == NULL)
		return NULL;
	if (s[n] != '\0') {
		r->bad = 1;
		return NULL;
	}
	return (char *)s;
}

struct pack {				/* where a contact's lists go */
	char		*next;		/* NULL: only measure */
	size_t		 need;		/* bytes the lists take */
};

/* n bytes for a list, 8-aligned (pointers, dates); NULL when measuring */
static void *
pack_take(struct pack *pk, size_t n)
{
	pk->need += n;
	if (pk->next == NULL)
		return NULL;
	pk->next += n;
	return pk->next - n;
}

static void
unpack(struct rd *r, struct contact *c, struct pack *pk)
{
	struct dated *dv;
	struct dates *ds;
	struct ints *iv;
	struct strv *v;
	uint32_t n, j;
	size_t i, len;
	char *p, *str, **sv;
	int *nv;
	int null;

	for (i = 0; i < NFIELDS && !r->bad; i++) {
		p = c ? (char *)c + summary[i].off : NULL;
		switch (summary[i].type) {
		case 's':
			str = getstr(r, &null);
			if (c)
				*(char **)p = str;
			break;
		case 'v':
			if ((n = rd_get32(r)) > r->end - r->p)
				r->bad = 1;
			if (r->bad || n == 0)
				break;
			sv = pack_take(pk, n * sizeof *sv);
			for (j = 0; j < n && !r->bad; j++) {
				str = getstr(r, &null);
				r->bad |= null;
				if (sv)
					sv[j] = str;
			}
			if (c) {
				v = (struct strv *)p;
				v->v = sv;
				v->n = n;
			}
			break;
		case 'd':
			if ((n = rd_get32(r)) > r->end - r->p)
				r->bad = 1;
			if (r->bad || n == 0)
				break;
			dv = pack_take(pk, n * sizeof *dv);
			for (j = 0; j < n && !r->bad; j++) {
				str = getstr(r, &null);
				rd_get(r, sizeof dv->when);
				if (dv && !r->bad) {
					dv[j].what = str;
					memcpy(&dv[j].when, r->p - sizeof dv->when,
					    sizeof dv->when);
				}
			}
			if (c) {
				ds = (struct dates *)p;
				ds->v = dv;
				ds->n = n;
			}
			break;
		case 'n':
			if ((n = rd_get32(r)) > (r->end - r->p) / sizeof(int))
				r->bad = 1;
			if (r->bad || n == 0)
				break;
			nv = pack_take(pk, (n * sizeof *nv + 7) & ~(size_t)7);
			rd_get(r, n * sizeof *nv);
			if (nv && !r->bad)
				memcpy(nv, r->p - n * sizeof *nv, n * sizeof *nv);
			if (c) {
				iv = (struct ints *)p;
				iv->v = nv;
				iv->n = n;
			}
			break;
		default:
			len = summary[i].type == 'i' ? summary[i].n *
			    sizeof(int) : summary[i].type == 'z' ?
			    sizeof(size_t) : 1;
			rd_get(r, len);
			if (c && !r->bad)
				memcpy(p, r->p - len, len);
			break;
		}
	}
}

/*
 * Unpack the summary s[0..len) into c, its lists laid out from lists on;
 * with c NULL only measure.  *need the bytes the lists take.  0 when the
 * summary is malformed.
 */
int
summary_unpack(const unsigned char *s, size_t len, struct contact *c,
    char *lists, size_t *need)
{
	struct rd r = { s, s + len, 0 };
	struct pack pk = { lists, 0 };

	unpack(&r, c, &pk);
	*need = pk.need;
	return !r.bad && r.p == r.end;
}

/* Field i of a summary: its type, its offset in *off; 0 past the last. */
int
summary_field(size_t i, size_t *off)
{
	if (i >= NFIELDS)
		return 0;
	*off = summary[i].off;
	return summary[i].type;
}
