/* fuzz.h - what every harness shares with libFuzzer and replay.c */

#include <stddef.h>
#include <stdint.h>

/*
 * One input, any bytes; 0 always.  A harness abort()s when an invariant
 * fails, so that libFuzzer (or replay) reports the input.
 */
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Say which invariant failed, then abort(). */
#define FUZZ_ASSERT(cond, what) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, what);				\
		abort();						\
	}								\
} while (0)
