/* uuid.c - UUIDs that depend on a name only (RFC 9562 version 5) */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nw.h"
#include "nw_priv.h"

#define ROL(x, n)	((x) << (n) | (x) >> (32 - (n)))

static void
sha1_block(uint32_t h[5], const unsigned char *p)
{
	uint32_t w[80], a, b, c, d, e, f, k, t;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (; i < 80; i++)
		w[i] = ROL(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	for (i = 0; i < 80; i++) {
		if (i < 20)
			f = (b & c) | (~b & d), k = 0x5a827999;
		else if (i < 40)
			f = b ^ c ^ d, k = 0x6ed9eba1;
		else if (i < 60)
			f = (b & c) | (b & d) | (c & d), k = 0x8f1bbcdc;
		else
			f = b ^ c ^ d, k = 0xca62c1d6;
		t = ROL(a, 5) + f + e + k + w[i];
		e = d, d = c, c = ROL(b, 30), b = a, a = t;
	}
	h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e;
}

static void
sha1(const unsigned char *m, size_t len, unsigned char out[20])
{
	uint32_t h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
	    0xc3d2e1f0 };
	unsigned char tail[128];
	uint64_t bits = (uint64_t)len * 8;
	size_t i, n;

	for (i = 0; i + 64 <= len; i += 64)
		sha1_block(h, m + i);
	n = len - i;
	memset(tail, 0, sizeof tail);
	memcpy(tail, m + i, n);
	tail[n] = 0x80;
	n = n < 56 ? 64 : 128;
	for (i = 0; i < 8; i++)
		tail[n - 1 - i] = bits >> (8 * i);
	for (i = 0; i < n; i += 64)
		sha1_block(h, tail + i);
	for (i = 0; i < 20; i++)
		out[i] = h[i / 4] >> (24 - 8 * (i % 4));
}

/*
 * A UUID that depends on name only (RFC 9562 version 5 in the URL
 * namespace), so a contact exported twice keeps its UID.
 */
void
uuid_v5(const char *name, char out[37])
{
	static const unsigned char ns[16] = { 0x6b, 0xa7, 0xb8, 0x11, 0x9d,
	    0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 };
	unsigned char *m, h[20];
	size_t n = strlen(name), i, o = 0;

	m = xmalloc(16 + n);
	memcpy(m, ns, 16);
	memcpy(m + 16, name, n);
	sha1(m, 16 + n, h);
	free(m);
	h[6] = (h[6] & 0x0f) | 0x50;
	h[8] = (h[8] & 0x3f) | 0x80;
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		snprintf(out + o, 3, "%02x", h[i]);
		o += 2;
	}
	out[o] = '\0';
}
