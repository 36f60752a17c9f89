// libxml2's HTML parser and tree, found through pkg-config (libxml-2.0).
//
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers,
// which clash with the ICU that Foundation carries. claimsh never touches libxml2's encoding
// handlers (the only structure whose layout depends on it), so the ICU part is left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <string.h>
