#include "CICU.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utypes.h>

_Static_assert(VT_WORD_NONE_LIMIT == UBRK_WORD_NONE_LIMIT, "word status none limit");
_Static_assert(VT_WORD_NUMBER_LIMIT == UBRK_WORD_NUMBER_LIMIT, "word status number limit");
_Static_assert(VT_WORD_LETTER_LIMIT == UBRK_WORD_LETTER_LIMIT, "word status letter limit");
_Static_assert(VT_WORD_KANA_LIMIT == UBRK_WORD_KANA_LIMIT, "word status kana limit");
_Static_assert(VT_WORD_IDEO_LIMIT == UBRK_WORD_IDEO_LIMIT, "word status ideo limit");
_Static_assert(sizeof(UChar) == sizeof(uint16_t), "UTF-16 code unit size");

struct VTBreaker {
    UBreakIterator *iterator;
};

VTBreaker *vt_breaker_open(int32_t kind, const char *locale, int32_t *errorCode) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == VT_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    // U_USING_DEFAULT_WARNING (negative) is not an error: only status > 0 is.
    if (U_FAILURE(status) || iterator == NULL) {
        *errorCode = U_FAILURE(status) ? (int32_t)status : (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    VTBreaker *breaker = malloc(sizeof(VTBreaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *errorCode = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    *errorCode = 0;
    return breaker;
}

void vt_breaker_close(VTBreaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker);
}

int32_t vt_breaker_boundaries(VTBreaker *breaker, const uint16_t *text, int32_t length,
                              int32_t *boundaries, int32_t *statuses, int32_t capacity,
                              int32_t *errorCode) {
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        *errorCode = (int32_t)status;
        return -1;
    }
    int32_t count = 0;
    ubrk_first(breaker->iterator);
    for (int32_t next = ubrk_next(breaker->iterator); next != UBRK_DONE && count < capacity;
         next = ubrk_next(breaker->iterator)) {
        boundaries[count] = next;
        statuses[count] = ubrk_getRuleStatus(breaker->iterator);
        count += 1;
    }
    // Detach the iterator from the caller's buffer, which may be freed after this call.
    ubrk_setText(breaker->iterator, (const UChar *)u"", 0, &status);
    *errorCode = 0;
    return count;
}

int32_t vt_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *destination,
                         int32_t capacity, int32_t *errorCode) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
    if (U_FAILURE(status)) {
        *errorCode = (int32_t)status;
        return -1;
    }
    int32_t needed = unorm2_normalize(normalizer, (const UChar *)source, length,
                                      (UChar *)destination, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
        *errorCode = 0;
        return needed;
    }
    *errorCode = U_FAILURE(status) ? (int32_t)status : 0;
    return U_FAILURE(status) ? -1 : needed;
}

int32_t vt_word_break_property(int32_t c) {
    return u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
}

int32_t vt_sentence_break_property(int32_t c) {
    return u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK);
}

uint32_t vt_char_class(int32_t c) {
    uint32_t bits = 0;
    if (u_isalpha(c)) bits |= VT_CHAR_LETTER;
    if (u_hasBinaryProperty(c, UCHAR_UPPERCASE)) bits |= VT_CHAR_UPPER;
    if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) bits |= VT_CHAR_LOWER;
    if (u_isdigit(c)) bits |= VT_CHAR_DIGIT;
    if (u_isUWhiteSpace(c)) bits |= VT_CHAR_WHITESPACE;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) bits |= VT_CHAR_PICTOGRAPHIC;
    if (u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) bits |= VT_CHAR_REGIONAL_INDICATOR;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)) bits |= VT_CHAR_EMOJI_MODIFIER;
    if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) bits |= VT_CHAR_EMOJI_PRESENTATION;
    if (u_ispunct(c)) bits |= VT_CHAR_PUNCTUATION;
    int8_t category = u_charType(c);
    if (category == U_MATH_SYMBOL || category == U_CURRENCY_SYMBOL ||
        category == U_MODIFIER_SYMBOL || category == U_OTHER_SYMBOL) bits |= VT_CHAR_SYMBOL;
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_COMBINING_SPACING_MARK) bits |= VT_CHAR_MARK;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status)) {
        if (script == USCRIPT_LATIN) bits |= VT_CHAR_LATIN;
        else if (script != USCRIPT_COMMON && script != USCRIPT_INHERITED && (bits & VT_CHAR_LETTER))
            bits |= VT_CHAR_CJK_OR_OTHER_SCRIPT;
    }
    return bits;
}

const char *vt_error_name(int32_t errorCode) {
    return u_errorName((UErrorCode)errorCode);
}
