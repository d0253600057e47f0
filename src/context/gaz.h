/* gaz.h - private to libdyad (and to tools/mkgaz.c, which writes the file):
 * the gazetteer's binary index and the name normalisation both sides share.
 *
 * The index (build/gaz.bin, installed as share/dyad/places/gaz.bin) is one
 * file of native-endian 32-bit words, read-only once loaded (mmap):
 *
 *   gaz_hdr                       magic, counts, section offsets
 *   gaz_place[nplace]             every place: country, subdivision, city, region
 *   gaz_country[ncountry]         per country: codes, its place, extent
 *   uint32_t slots[2 * nslot]     open-addressing hash of normalised names:
 *                                 (pool offset of the key or 0, first cand);
 *                                 bit 31 of the cand word: the key is also the
 *                                 start of a longer name ("bandar" of "bandar
 *                                 abbas"); a key that is only that points to
 *                                 cand 0, an empty list
 *   uint32_t cands[ncand]         per key: a count n, then n place indexes
 *                                 sorted by importance (best first); bit 31 of
 *                                 an index marks a weak alias (the name with its
 *                                 Arabic article dropped, ...)
 *   char pool[pool_len]           NUL-terminated strings; offset 0 is ""
 *
 * A name is looked up by its normalised form (dy_gaz_norm): case folded,
 * accents stripped, apostrophes and periods dropped, every other run of
 * non-letters one space. "Kyiv", "KYIV" and "Kýiv" are the same key; so are
 * "Ivano-Frankivsk" and "Ivano Frankivsk", "Sana'a" and "Sanaa". */
#ifndef DY_GAZ_H
#define DY_GAZ_H

#include <stddef.h>
#include <stdint.h>

#define GAZ_MAGIC "DYGAZ02"
#define GAZ_VERSION 2u
#define GAZ_MAX_KEY 128          /* longest normalised key, bytes */
#define GAZ_MAX_CANDS 48         /* candidates kept per key */
#define GAZ_WEAK 0x80000000u     /* cand flag: a weak alias */
#define GAZ_PREFIX 0x80000000u   /* slot flag: the key starts a longer name */

enum gaz_feature { GF_COUNTRY = 1, GF_ADM1 = 2, GF_CITY = 3, GF_REGION = 4, GF_ADM2 = 5 };

enum gaz_place_flags {
    GP_CURATED = 1,     /* population from data/places/major.txt */
    GP_SEAT = 2,        /* city named like its first-level subdivision */
    GP_CAPITAL = 4,     /* a national capital (major.txt) */
    GP_ROUGH = 8,       /* coordinates only approximate (a subdivision placed at
                           its country's point when no city data was built in) */
    GP_POP = 16         /* population from GeoNames (libgeonames, >= 15,000) */
};

typedef struct gaz_hdr {
    char magic[8];
    uint32_t version;
    uint32_t nplace, ncountry, nslot, ncand, pool_len;
    uint32_t off_place, off_country, off_slot, off_cand, off_pool;
    uint32_t has_cities;         /* 1: built with the world-cities data */
    uint32_t total;              /* file size */
    uint32_t reserved[3];
} gaz_hdr;

typedef struct gaz_place {
    float lat, lon;
    uint32_t name;               /* pool offset: display name */
    uint32_t adm1;               /* pool offset: ISO 3166-2 code or "" */
    uint32_t pop;                /* population, curated or estimated */
    uint16_t country;            /* index into the country table */
    uint8_t feature;             /* enum gaz_feature */
    uint8_t flags;               /* enum gaz_place_flags */
} gaz_place;

typedef struct gaz_country {
    char a3[4], a2[4];           /* "UKR", "UA" (NUL-terminated) */
    uint32_t place;              /* its country place */
    float lat0, lat1, lon0, lon1;/* extent of its cities (5th-95th percentile) */
} gaz_country;

/* FNV-1a, the hash of the slots. */
static inline uint32_t gaz_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Normalise the UTF-8 bytes s[0..n) into out (cap bytes, NUL-terminated).
 * Returns the key length, or 0 when nothing is left or the key would not fit.
 * Never allocates. */
size_t dy_gaz_norm(const char *s, size_t n, char *out, size_t cap);

/* A loaded index (src/context/gaz.c). */
typedef struct dy_gaz {
    void *map;                   /* the mapped (or read) file */
    size_t size;
    int mapped;                  /* 1: munmap, 0: dy_free */
    const gaz_hdr *h;
    const gaz_place *pl;
    const gaz_country *co;
    const uint32_t *slots;
    const uint32_t *cands;
    const char *pool;
    int16_t *a3;                 /* country index by alpha-3 code (26^3), -1 */
} dy_gaz;

/* Candidates of a normalised key: returns a pointer to the count followed by
 * the indexes (the count may be 0), or NULL when the key is unknown. When
 * prefix is not NULL it is set to 1 if a longer name starts with key + " ". */
const uint32_t *dy_gaz_lookup(const dy_gaz *g, const char *key, size_t n, int *prefix);
/* Country index of an ISO alpha-3 code, or -1. */
int dy_gaz_country(const dy_gaz *g, const char *a3);
static inline const char *dy_gaz_str(const dy_gaz *g, uint32_t off)
{
    return off < g->h->pool_len ? g->pool + off : "";
}

#endif
