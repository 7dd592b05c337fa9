#ifndef VERBATIM_CCLD2_H
#define VERBATIM_CCLD2_H

// C surface over CLD2's C++ API (Compact Language Detector 2, Debian libcld2-dev).

#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One CLD2 verdict: up to three languages (ISO 639 codes, "un" for unknown) with the
/// percentage of text each covers and CLD2's normalised score, plus its reliability flag.
typedef struct {
    char codes[3][8];
    int32_t percents[3];
    double normalizedScores[3];
    int32_t textBytes;
    bool isReliable;
} VTCLD2Result;

/// Detects the language of valid UTF-8 plain text. Invalid UTF-8 yields "un", unreliable.
void vt_cld2_detect(const char *utf8, int32_t length, VTCLD2Result *result);

#ifdef __cplusplus
}
#endif

#endif
