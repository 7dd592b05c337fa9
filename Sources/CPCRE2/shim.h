// pcre2.h refuses to compile without a code unit width; a modulemap cannot define macros.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
