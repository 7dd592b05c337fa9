#include "CCLD2.h"

#include <cstdio>
#include <cstring>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" void vt_cld2_detect(const char *utf8, int32_t length, VTCLD2Result *result) {
    std::memset(result, 0, sizeof(VTCLD2Result));
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    // CLD2 returns early, writing none of these, when the text is not interchange-valid UTF-8
    // (a NUL or another control character is enough): they start as "unknown, nothing".
    CLD2::Language language3[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE};
    int percent3[3] = {0, 0, 0};
    double scores3[3] = {0, 0, 0};
    int textBytes = 0;
    bool reliable = false;
    int validPrefixBytes = 0;
    CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8, length, true, &hints, 0, language3, percent3,
                                            scores3, nullptr, &textBytes, &reliable,
                                            &validPrefixBytes);
    for (int i = 0; i < 3; i++) {
        const char *code = CLD2::LanguageCode(language3[i]);
        std::snprintf(result->codes[i], sizeof(result->codes[i]), "%s", code ? code : "un");
        result->percents[i] = percent3[i];
        result->normalizedScores[i] = scores3[i];
    }
    result->textBytes = textBytes;
    result->isReliable = reliable;
}
