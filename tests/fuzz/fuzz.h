/*
 * fuzz: what the fuzz targets share (fuzz.c: the forms, the input as a
 * file).  Each fuzz-<name>.c defines the two
 * libFuzzer entry points below; it is linked either with libFuzzer (the
 * fuzz-<name> programs of --enable-fuzzing) or with replay.c (the
 * replay-<name> tests of every build), which runs it on each file of the
 * target's corpus.
 *
 * A target runs one of kaiji's readers on the input, frees everything it
 * was given, and checks what the reader promises of what it returns;
 * FUZZ_CHECK aborts when a promise is broken, which both drivers report as
 * a crash.
 */
#ifndef KAIJI_FUZZ_H
#define KAIJI_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

struct formdir;

int		 LLVMFuzzerInitialize(int *, char ***);
int		 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct strvec;

struct formdir	*fuzz_forms(const char *);
int		 fuzz_doubts_only(const struct strvec *);
char		*fuzz_copy(const uint8_t *, size_t);

/* The forms the targets read drafts and disclosures against. */
#define FUZZ_FORMS_DIR	KAIJI_SRCDIR "/forms"

#define FUZZ_CHECK(cond, what) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: fuzz check failed: %s (%s)\n",	\
		    __FILE__, __LINE__, #cond, (what));			\
		abort();						\
	}								\
} while (0)

#endif
