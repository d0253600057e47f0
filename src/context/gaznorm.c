/* gaznorm.c - the normalised form of a place name, shared by the library and
 * the index generator (tools/mkgaz.c), so that both hash the same key.
 * Case folded, accents stripped (utf8proc), a few letters without
 * decomposition mapped by hand (ø, ł, đ, ı, æ, œ, þ), apostrophes and periods
 * dropped ("Sana'a" = "Sanaa", "St." = "St"), and every other run of
 * non-letters, non-digits turned into one space. No allocation. */
#include "gaz.h"

#include <string.h>
#include <utf8proc.h>

static int is_drop(utf8proc_int32_t c)
{
    return c == '\'' || c == '.' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BC ||
           c == 0x02BB || c == 0x02BF || c == 0x02BE || c == 0x2032 || c == 0x00B4;
}

/* Letters that have no decomposition to ASCII. */
static const char *special(utf8proc_int32_t c)
{
    switch (c) {
    case 0x00F8: return "o";    /* ø */
    case 0x0142: return "l";    /* ł */
    case 0x0111: return "d";    /* đ */
    case 0x00F0: return "d";    /* ð */
    case 0x0131: return "i";    /* ı */
    case 0x00E6: return "ae";   /* æ */
    case 0x0153: return "oe";   /* œ */
    case 0x00FE: return "th";   /* þ */
    case 0x0127: return "h";    /* ħ */
    case 0x0167: return "t";    /* ŧ */
    case 0x0138: return "k";    /* ĸ */
    case 0x0180: return "b";    /* ƀ */
    case 0x01B6: return "z";    /* ƶ */
    default: return NULL;
    }
}

size_t dy_gaz_norm(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    int space = 0;
    if (!cap)
        return 0;
    if (n < cap) {
        /* most words: ASCII letters and digits, their lower case (what the
         * loop below makes of them); anything else starts over below */
        for (; o < n; o++) {
            unsigned char a = (unsigned char)s[o];
            if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
                out[o] = (char)a;
            else if (a >= 'A' && a <= 'Z')
                out[o] = (char)(a - 'A' + 'a');
            else
                break;
        }
        if (o == n) {
            out[o] = 0;
            return o;
        }
        o = 0;
    }
    while (i < n) {
        unsigned char a = (unsigned char)s[i];
        if (a < 0x80) {
            /* ASCII decomposes to itself: the loop below, for one byte */
            char ch;
            if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
                ch = (char)a;
            else if (a >= 'A' && a <= 'Z')
                ch = (char)(a - 'A' + 'a');
            else {
                if (!is_drop(a))
                    space = o > 0;
                i++;
                continue;
            }
            if (space) {
                if (o + 1 >= cap)
                    return out[0] = 0, 0;
                out[o++] = ' ';
                space = 0;
            }
            if (o + 1 >= cap)
                return out[0] = 0, 0;
            out[o++] = ch;
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                              (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) {           /* invalid byte: a separator */
            i++;
            space = o > 0;
            continue;
        }
        i += (size_t)k;
        utf8proc_int32_t d[8];
        int bound = 0;
        utf8proc_ssize_t nd = utf8proc_decompose_char(
            c, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD | UTF8PROC_COMPAT,
            &bound);
        if (nd < 0 || nd > 8) {
            d[0] = c;
            nd = 1;
        }
        for (utf8proc_ssize_t j = 0; j < nd; j++) {
            utf8proc_int32_t r = d[j];
            char tmp[8];
            const char *add = NULL;
            size_t alen = 0;
            if (is_drop(r))
                continue;
            if (r < 128) {
                if ((r >= 'a' && r <= 'z') || (r >= '0' && r <= '9')) {
                    tmp[0] = (char)r;
                    add = tmp;
                    alen = 1;
                } else if (r >= 'A' && r <= 'Z') {
                    tmp[0] = (char)(r - 'A' + 'a');
                    add = tmp;
                    alen = 1;
                }
            } else if ((add = special(r)) != NULL) {
                alen = strlen(add);
            } else {
                utf8proc_category_t cat = utf8proc_category(r);
                if (cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC ||
                    cat == UTF8PROC_CATEGORY_ME)
                    continue;
                if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                    cat == UTF8PROC_CATEGORY_ND) {
                    utf8proc_ssize_t m = utf8proc_encode_char(r, (utf8proc_uint8_t *)tmp);
                    add = tmp;
                    alen = (size_t)m;
                }
            }
            if (!add) {
                space = o > 0;
                continue;
            }
            if (space) {
                if (o + 1 >= cap)
                    return out[0] = 0, 0;
                out[o++] = ' ';
                space = 0;
            }
            if (o + alen >= cap)
                return out[0] = 0, 0;
            memcpy(out + o, add, alen);
            o += alen;
        }
    }
    out[o] = 0;
    return o;
}
