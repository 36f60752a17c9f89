// zlib, found through pkg-config (zlib): gzip members of .html.gz pages and WARC records.
#include <zlib.h>
