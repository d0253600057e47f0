/* gaz.c - loading the gazetteer index (gaz.h) once per context: mapped
 * read-only, every offset checked at load so that lookups need no checks.
 * The index is optional: when it is missing or malformed the context loads
 * all the same and the place stage finds nothing. */
#include "../core/internal.h"
#include "gaz.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static int gaz_check(const dy_gaz *g, char *err, size_t errlen)
{
    const gaz_hdr *h = g->h;
    size_t sz = g->size;
    if (sz < sizeof *h || memcmp(h->magic, GAZ_MAGIC, 8) || h->version != GAZ_VERSION) {
        snprintf(err, errlen, "not a dyad gazetteer index (version %u)", GAZ_VERSION);
        return -1;
    }
    if (h->total != sz || (h->nslot & (h->nslot - 1)) || !h->nslot || !h->pool_len ||
        (uint64_t)h->off_place + (uint64_t)h->nplace * sizeof(gaz_place) > h->off_country ||
        (uint64_t)h->off_country + (uint64_t)h->ncountry * sizeof(gaz_country) > h->off_slot ||
        (uint64_t)h->off_slot + (uint64_t)h->nslot * 8 > h->off_cand ||
        (uint64_t)h->off_cand + (uint64_t)h->ncand * 4 > h->off_pool ||
        (uint64_t)h->off_pool + h->pool_len > sz || h->off_place < sizeof *h ||
        (h->off_place | h->off_country | h->off_slot | h->off_cand) % 4) {
        snprintf(err, errlen, "gazetteer index: bad section table");
        return -1;
    }
    if (g->pool[h->pool_len - 1] != 0) {
        snprintf(err, errlen, "gazetteer index: unterminated string pool");
        return -1;
    }
    for (uint32_t i = 0; i < h->nplace; i++) {
        const gaz_place *p = &g->pl[i];
        if (p->name >= h->pool_len || p->adm1 >= h->pool_len || p->country >= h->ncountry) {
            snprintf(err, errlen, "gazetteer index: bad place %u", i);
            return -1;
        }
    }
    for (uint32_t i = 0; i < h->ncountry; i++) {
        const gaz_country *c = &g->co[i];
        if (c->place >= h->nplace || c->a3[3] || c->a2[3]) {
            snprintf(err, errlen, "gazetteer index: bad country %u", i);
            return -1;
        }
    }
    for (uint32_t i = 0; i < h->nslot; i++) {
        uint32_t key = g->slots[2 * i], c = g->slots[2 * i + 1] & ~GAZ_PREFIX;
        if (!key)
            continue;
        if (key >= h->pool_len || c >= h->ncand || g->cands[c] > h->ncand - c - 1) {
            snprintf(err, errlen, "gazetteer index: bad slot %u", i);
            return -1;
        }
        for (uint32_t j = 1; j <= g->cands[c]; j++)
            if ((g->cands[c + j] & ~GAZ_WEAK) >= h->nplace) {
                snprintf(err, errlen, "gazetteer index: bad candidate in slot %u", i);
                return -1;
            }
    }
    return 0;
}

void dy_gaz_free(void *p)
{
    dy_gaz *g = p;
    if (!g)
        return;
    if (g->map) {
        if (g->mapped)
            munmap(g->map, g->size);
        else
            dy_free(g->map);
    }
    dy_free(g->a3);
    dy_free(g);
}

/* Map path; 0, or -1 with err set. */
static int gaz_open(dy_gaz *g, const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: cannot open", path);
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) || st.st_size < (off_t)sizeof(gaz_hdr) || st.st_size > (off_t)UINT32_MAX) {
        close(fd);
        snprintf(err, errlen, "%s: not a gazetteer index", path);
        return -1;
    }
    g->size = (size_t)st.st_size;
    void *m = mmap(NULL, g->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m != MAP_FAILED) {
        g->map = m;
        g->mapped = 1;
    } else {                    /* no mmap here: read it */
        g->map = dy_malloc(g->size);
        ssize_t r = g->map ? pread(fd, g->map, g->size, 0) : -1;
        if (r < 0 || (size_t)r != g->size) {
            close(fd);
            snprintf(err, errlen, "%s: cannot read", path);
            return -1;
        }
    }
    close(fd);
    const char *b = g->map;
    g->h = (const gaz_hdr *)b;
    if (g->size >= sizeof(gaz_hdr) && g->h->total == g->size && g->h->off_pool < g->size) {
        g->pl = (const gaz_place *)(b + g->h->off_place);
        g->co = (const gaz_country *)(b + g->h->off_country);
        g->slots = (const uint32_t *)(b + g->h->off_slot);
        g->cands = (const uint32_t *)(b + g->h->off_cand);
        g->pool = b + g->h->off_pool;
    }
    if (!g->pool || gaz_check(g, err, errlen)) {
        char m2[160];
        snprintf(m2, sizeof m2, "%s", err[0] ? err : "not a gazetteer index");
        snprintf(err, errlen, "%s: %s", path, m2);
        return -1;
    }
    return 0;
}

int dy_gaz_load(struct dyad_ctx *ctx, char *err, size_t errlen)
{
    char dummy[256], path[4096];
    if (!err || !errlen) {
        err = dummy;
        errlen = sizeof dummy;
    }
    err[0] = 0;
    dy_gaz_free(ctx->gaz);
    ctx->gaz = NULL;
    const char *tries[3] = {NULL, NULL, NULL};
    const char *env = getenv("DYAD_GAZ");
    if (env && *env) {
        tries[0] = env;         /* set: that file or nothing */
    } else {
        if (ctx->data_dir) {
            snprintf(path, sizeof path, "%s/places/gaz.bin", ctx->data_dir);
            tries[0] = path;
        }
#ifdef DY_GAZ_BUILD
        tries[1] = DY_GAZ_BUILD;
#endif
    }
    for (int i = 0; i < 3; i++) {
        if (!tries[i] || access(tries[i], R_OK))
            continue;
        dy_gaz *g = dy_calloc(1, sizeof *g);
        if (!g) {
            snprintf(err, errlen, "gazetteer: out of memory");
            return 1;
        }
        if (gaz_open(g, tries[i], err, errlen) == 0) {
            g->a3 = dy_malloc(26 * 26 * 26 * sizeof *g->a3);
            if (!g->a3) {
                dy_gaz_free(g);
                snprintf(err, errlen, "gazetteer: out of memory");
                return 1;
            }
            for (int k = 0; k < 26 * 26 * 26; k++)
                g->a3[k] = -1;
            for (uint32_t c = 0; c < g->h->ncountry && c < INT16_MAX; c++) {
                const char *a = g->co[c].a3;
                if (a[0] >= 'A' && a[0] <= 'Z' && a[1] >= 'A' && a[1] <= 'Z' && a[2] >= 'A' &&
                    a[2] <= 'Z')
                    g->a3[((a[0] - 'A') * 26 + (a[1] - 'A')) * 26 + (a[2] - 'A')] = (int16_t)c;
            }
            ctx->gaz = g;
            return 0;
        }
        dy_gaz_free(g);
        return 1;
    }
    snprintf(err, errlen, "no gazetteer index found (places are not resolved)");
    return 1;
}

const uint32_t *dy_gaz_lookup(const dy_gaz *g, const char *key, size_t n, int *prefix)
{
    size_t mask = g->h->nslot - 1;
    if (prefix)
        *prefix = 0;
    for (size_t i = gaz_hash(key, n) & mask, probes = 0; probes <= mask;
         i = (i + 1) & mask, probes++) {
        uint32_t k = g->slots[2 * i];
        if (!k)
            return NULL;
        const char *s = g->pool + k;
        if (strncmp(s, key, n) == 0 && s[n] == 0) {
            uint32_t c = g->slots[2 * i + 1];
            if (prefix)
                *prefix = (c & GAZ_PREFIX) != 0;
            return g->cands + (c & ~GAZ_PREFIX);
        }
    }
    return NULL;
}

int dy_gaz_country(const dy_gaz *g, const char *a3)
{
    if (!(a3[0] >= 'A' && a3[0] <= 'Z' && a3[1] >= 'A' && a3[1] <= 'Z' && a3[2] >= 'A' &&
          a3[2] <= 'Z'))
        return -1;
    return g->a3 ? g->a3[((a3[0] - 'A') * 26 + (a3[1] - 'A')) * 26 + (a3[2] - 'A')] : -1;
}
