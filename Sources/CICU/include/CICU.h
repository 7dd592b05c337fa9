#ifndef VERBATIM_CICU_H
#define VERBATIM_CICU_H

// A narrow C surface over system ICU for VerbatimText. Only <stdint.h> types and an opaque
// struct cross into Swift; the ICU headers are included by CICU.c alone (Foundation ships a
// private ICU of its own, and Swift cannot see both sets of declarations in one module).

#include <stdint.h>

#define VT_BREAK_WORD 0
#define VT_BREAK_SENTENCE 1

/// Word-break rule status ranges (ICU UWordBreak).
#define VT_WORD_NONE_LIMIT 100
#define VT_WORD_NUMBER_LIMIT 200
#define VT_WORD_LETTER_LIMIT 300
#define VT_WORD_KANA_LIMIT 400
#define VT_WORD_IDEO_LIMIT 500

/// Character class bits returned by vt_char_class.
#define VT_CHAR_LETTER 0x1
#define VT_CHAR_UPPER 0x2
#define VT_CHAR_LOWER 0x4
#define VT_CHAR_DIGIT 0x8
#define VT_CHAR_WHITESPACE 0x10
#define VT_CHAR_PICTOGRAPHIC 0x20
#define VT_CHAR_REGIONAL_INDICATOR 0x40
#define VT_CHAR_EMOJI_MODIFIER 0x80
#define VT_CHAR_LATIN 0x100
#define VT_CHAR_PUNCTUATION 0x200
#define VT_CHAR_SYMBOL 0x400
#define VT_CHAR_MARK 0x800
#define VT_CHAR_EMOJI_PRESENTATION 0x1000
#define VT_CHAR_CJK_OR_OTHER_SCRIPT 0x2000

typedef struct VTBreaker VTBreaker;

/// Opens a word (VT_BREAK_WORD) or sentence (VT_BREAK_SENTENCE) break iterator for `locale`.
/// Returns NULL and sets *errorCode > 0 on failure.
VTBreaker *vt_breaker_open(int32_t kind, const char *locale, int32_t *errorCode);
void vt_breaker_close(VTBreaker *breaker);

/// Runs the iterator over `text` (UTF-16, `length` units) and writes every boundary after the
/// start (UTF-16 offsets, increasing, the last one is `length`) with the rule status of the
/// segment it closes. Returns the number written (≤ capacity), or -1 with *errorCode > 0.
int32_t vt_breaker_boundaries(VTBreaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *boundaries, int32_t *statuses, int32_t capacity,
                              int32_t *errorCode);

/// NFKC_Casefold of `source` into `destination`. Returns the full length of the result; when it
/// exceeds `capacity` nothing usable is written and the call should be repeated with more room.
int32_t vt_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                         int32_t capacity, int32_t *errorCode);

/// Character class bits (VT_CHAR_*) of one code point.
uint32_t vt_char_class(int32_t codePoint);

/// The Unicode Word_Break property value (ICU's UWordBreakValues) of one code point.
int32_t vt_word_break_property(int32_t codePoint);

/// The Unicode Sentence_Break property value (ICU's USentenceBreak) of one code point.
int32_t vt_sentence_break_property(int32_t codePoint);

/// The name of an ICU error code, for messages.
const char *vt_error_name(int32_t errorCode);

#endif
