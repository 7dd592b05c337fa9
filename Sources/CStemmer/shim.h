// Snowball's libstemmer (Debian libstemmer-dev ships no pkg-config file).
#include <libstemmer.h>
