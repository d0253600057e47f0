/* petr_load.c - dy_compat_load: finds the PETRARCH/TABARI dictionary files of
 * a directory (or a TABARI .project file), reads them in the order actors,
 * agents, discards, verbs, and finishes dyad's tables: event codes the CAMEO
 * table lacks are appended to ctx->ev.codes, patterns are sorted (by class,
 * head, specificity, then dictionary order) and indexed in ctx->ev.by_head.
 * dyad's own actors and patterns are replaced; its code tables are kept. */
#include "petr.h"

#include <dirent.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/stat.h>

enum { F_ACTORS = 1, F_AGENTS, F_DISCARDS, F_VERBS };

typedef struct dfile {
    char *path;
    int kind, tabari;
} dfile;

static int has_suffix(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcasecmp(s + n - m, suf);
}

static int contains_ci(const char *s, const char *w)
{
    size_t m = strlen(w);
    for (; *s; s++)
        if (!strncasecmp(s, w, m))
            return 1;
    return 0;
}

/* Kind of a dictionary file by its name, 0 for other files. */
static int kind_of(const char *name)
{
    if (name[0] == '.' || has_suffix(name, ".xml") || has_suffix(name, ".text") ||
        has_suffix(name, ".options") || has_suffix(name, ".project") || has_suffix(name, ".md") ||
        has_suffix(name, ".html") || has_suffix(name, ".tsv") || has_suffix(name, ".ini") ||
        has_suffix(name, ".py") || has_suffix(name, ".gz"))
        return 0;
    if (contains_ci(name, "discard"))
        return F_DISCARDS;
    if (contains_ci(name, "agent"))
        return F_AGENTS;
    if (contains_ci(name, "actor"))
        return F_ACTORS;
    if (contains_ci(name, "verb"))
        return F_VERBS;
    return 0;
}

static int tabari_name(const char *name)
{
    return has_suffix(name, ".actors") || has_suffix(name, ".agents") || has_suffix(name, ".verbs");
}

static int add_file(dfile **f, size_t *n, size_t *cap, const char *dir, const char *name, int kind,
                    int tabari)
{
    if (DY_GROW(*f, *cap, *n + 1))
        return -1;
    size_t l = strlen(dir) + strlen(name) + 2;
    char *p = dy_malloc(l);
    if (!p)
        return -1;
    if (name[0] == '/')
        snprintf(p, l, "%s", name);
    else
        snprintf(p, l, "%s/%s", dir, name);
    (*f)[*n].path = p;
    (*f)[*n].kind = kind;
    (*f)[*n].tabari = tabari;
    (*n)++;
    return 0;
}

/* Files named by a TABARI project file: "<actorsfile> NAME" ... */
static int read_project(const char *proj, const char *dir, dfile **f, size_t *n, size_t *cap,
                        char *err, size_t errlen)
{
    size_t len;
    char *buf = dy_read_file(proj, &len);
    if (!buf) {
        snprintf(err, errlen, "%s: cannot read", proj);
        return -1;
    }
    static const struct {
        const char *tag;
        int kind;
    } tags[] = {{"<actorsfile>", F_ACTORS}, {"<agentsfile>", F_AGENTS},
                {"<verbsfile>", F_VERBS},   {"<discardfile>", F_DISCARDS},
                {"<discardsfile>", F_DISCARDS}};
    int rc = 0, line = 0;
    for (char *p = buf; p && *p && rc == 0;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        line++;
        for (size_t t = 0; t < sizeof tags / sizeof *tags; t++) {
            size_t tl = strlen(tags[t].tag);
            if (strncasecmp(p, tags[t].tag, tl))
                continue;
            char *v = p + tl;
            size_t vn = strlen(v);
            dy_trim(&v, &vn);
            while (vn && (v[vn - 1] == '\r'))
                vn--;
            v[vn] = 0;
            if (!vn) {
                snprintf(err, errlen, "%s:%d: no file name after %s", proj, line, tags[t].tag);
                rc = -1;
            } else if (add_file(f, n, cap, dir, v, tags[t].kind, 1)) {
                snprintf(err, errlen, "out of memory");
                rc = -1;
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    dy_free(buf);
    return rc;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The dictionary files of path, in reading order. */
static int find_files(const char *path, dfile **f, size_t *n, char *err, size_t errlen)
{
    size_t cap = 0;
    struct stat st;
    if (stat(path, &st)) {
        snprintf(err, errlen, "%s: no such dictionary directory", path);
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        if (!has_suffix(path, ".project")) {
            snprintf(err, errlen, "%s: not a directory or a TABARI .project file", path);
            return -1;
        }
        char dir[4096];
        snprintf(dir, sizeof dir, "%s", path);
        char *sl = strrchr(dir, '/');
        if (sl)
            *sl = 0;
        else
            snprintf(dir, sizeof dir, ".");
        return read_project(path, dir, f, n, &cap, err, errlen);
    }
    DIR *d = opendir(path);
    if (!d) {
        snprintf(err, errlen, "%s: cannot open directory", path);
        return -1;
    }
    char **names = NULL;
    size_t nn = 0, ncap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d)) && rc == 0) {
        if (e->d_name[0] == '.')
            continue;
        if (DY_GROW(names, ncap, nn + 1) || !(names[nn] = dy_strndup(e->d_name, strlen(e->d_name))))
            rc = -1;
        else
            nn++;
    }
    closedir(d);
    if (rc) {
        snprintf(err, errlen, "out of memory");
    } else {
        qsort(names, nn, sizeof *names, cmp_name);
        const char *proj = NULL;
        for (size_t i = 0; i < nn; i++)
            if (has_suffix(names[i], ".project"))
                proj = names[i];
        if (proj) {
            char pp[4096];
            snprintf(pp, sizeof pp, "%s/%s", path, proj);
            rc = read_project(pp, path, f, n, &cap, err, errlen);
        } else {
            for (size_t i = 0; i < nn && rc == 0; i++) {
                int k = kind_of(names[i]);
                if (k && add_file(f, n, &cap, path, names[i], k, tabari_name(names[i]))) {
                    snprintf(err, errlen, "out of memory");
                    rc = -1;
                }
            }
        }
    }
    for (size_t i = 0; i < nn; i++)
        dy_free(names[i]);
    dy_free(names);
    if (rc == 0 && *n == 0) {
        snprintf(err, errlen,
                 "%s: no PETRARCH/TABARI dictionaries found (want files named *actors*, "
                 "*agents*, *verbs*, *discards*, or a TABARI .project file)",
                 path);
        rc = -1;
    }
    return rc;
}

/* ---- finishing ---- */

static int cmp_pat(const void *x, const void *y)
{
    const petr_pat *a = x, *b = y;
    if (a->cls != b->cls)
        return a->cls - b->cls;
    if (a->head != b->head)
        return a->head < b->head ? -1 : 1;
    if (a->weight != b->weight)
        return b->weight - a->weight;
    if (a->file != b->file)
        return a->file - b->file;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    return a < b ? -1 : a > b;   /* stable: the order of emission */
}

/* Append the codes of the dictionaries that dyad's code table lacks; fills
 * idx[code string id] with the code index. */
static int add_codes(petr_build *b, int32_t *idx)
{
    dy_events *ev = &b->ctx->ev;
    size_t n0 = ev->ncodes;
    for (size_t id = 1; id < b->codes.n; id++) {
        const char *c = dy_intern_str(&b->codes, (uint32_t)id);
        int i = -1;
        /* the CAMEO table is sorted; appended codes are searched linearly */
        size_t lo = 0, hi = n0;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            int r = strcmp(ev->codes[mid].code, c);
            if (!r) {
                i = (int)mid;
                break;
            }
            if (r < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t k = n0; i < 0 && k < ev->ncodes; k++)
            if (!strcmp(ev->codes[k].code, c))
                i = (int)k;
        if (i < 0) {
            if (DY_GROW(ev->codes, ev->codes_cap, ev->ncodes + 1))
                return petr_fail(b, "out of memory");
            dy_code *dc = &ev->codes[ev->ncodes];
            memset(dc, 0, sizeof *dc);
            snprintf(dc->code, sizeof dc->code, "%s", c);
            int root = dy_is_digit(c[0]) && dy_is_digit(c[1]) ? (c[0] - '0') * 10 + (c[1] - '0') : 0;
            dc->quad = (uint8_t)(root < 1 || root > 20 ? 0 : root <= 5 ? 1 : root <= 8 ? 2
                                                          : root <= 13 ? 3 : 4);
            snprintf(dc->label, sizeof dc->label, "(from the PETRARCH/TABARI dictionaries)");
            i = (int)ev->ncodes++;
        }
        idx[id] = i;
    }
    if (ev->mutual && ev->ncodes > n0) {
        /* per-code tables must cover the new codes */
        uint8_t *m = dy_realloc(ev->mutual, ev->ncodes);
        if (!m)
            return petr_fail(b, "out of memory");
        memset(m + n0, 0, ev->ncodes - n0);
        ev->mutual = m;
    }
    return 0;
}

static int finish(petr_build *b, int mode)
{
    dy_events *ev = &b->ctx->ev;
    b->path = NULL;
    /* a synset used but never defined (published dictionaries have a few):
     * its patterns cannot match; counted as warnings */
    for (size_t i = 0; i < b->synset_used.nslots; i++) {
        uint64_t k = b->synset_used.keys[i];
        uint32_t v;
        if (k && !dy_map_get(&b->synset_seen, k, &v))
            b->warnings++;
    }
    int32_t *idx = dy_calloc(b->codes.n + 1, sizeof *idx);
    if (!idx)
        return petr_fail(b, "out of memory");
    if (add_codes(b, idx)) {
        dy_free(idx);
        return -1;
    }
    qsort(b->pat, b->npat, sizeof *b->pat, cmp_pat);
    if (DY_GROW(ev->pat, ev->pat_cap, b->npat + 1)) {
        dy_free(idx);
        return petr_fail(b, "out of memory");
    }
    ev->npat = 0;
    ev->nverb = ev->nnoun = ev->nlemmas = 0;
    for (size_t i = 0; i < b->npat; i++) {
        const petr_pat *q = &b->pat[i];
        int word_cls = q->cls == DY_PC_STEM || q->cls == DY_PC_NOEND || q->cls == DY_PC_NOUN ||
                       q->cls == DY_PC_ADJ;
        if (word_cls && ev->npat && ev->pat[ev->npat - 1].noun == q->cls &&
            ev->pat[ev->npat - 1].head == q->head)
            continue;   /* a word registered twice */
        dy_pattern *p = &ev->pat[ev->npat];
        memset(p, 0, sizeof *p);
        p->head = q->head;
        p->el_first = q->el_first;
        p->nel = q->nel;
        p->noun = q->cls;
        p->file = q->file;
        p->line = q->line;
        p->code = q->code ? idx[q->code] : DY_CODE_NONE;
        int rank = 0;
        for (uint32_t e = 0; e < p->nel; e++) {
            dy_pel *el = &ev->el[p->el_first + e];
            int k = el->kind & DY_PE_KIND;
            if (k == DY_PE_PAIR)
                el->word = (uint32_t)idx[el->word];
            /* the coder's prefilter: words the pattern needs (form or lemma) */
            if (k == PE_WORD)
                p->need |= 1ull << ((el->word * 0x9E3779B1u) >> 26);
            if (k != DY_PE_GUARD && k != DY_PE_VERB && k != DY_PE_PAIR && k != DY_PE_COMPOUND)
                rank++;
        }
        p->rank = (uint8_t)(rank > 255 ? 255 : rank);
        if (q->cls == 0) {
            ev->nverb++;
            if (!ev->npat || ev->pat[ev->npat - 1].noun != 0 || ev->pat[ev->npat - 1].head != p->head)
                ev->nlemmas++;
        }
        if (!ev->npat || ev->pat[ev->npat - 1].noun != p->noun || ev->pat[ev->npat - 1].head != p->head)
            if (dy_map_put(&ev->by_head, ((uint64_t)p->noun << 32) | p->head, (uint32_t)ev->npat + 1)) {
                dy_free(idx);
                return petr_fail(b, "out of memory");
            }
        ev->npat++;
    }
    dy_free(idx);
    /* the lengths of the stems, so that a word is looked up by the
     * prefixes that can be stems only */
    uint32_t lens = 0;
    for (size_t i = 0; i < ev->npat; i++)
        if (ev->pat[i].noun == DY_PC_STEM) {
            uint32_t n = dy_intern_len(&b->ctx->words, ev->pat[i].head);
            lens |= 1u << (n < 31 ? n : 31);
        }
    if (dy_map_put(&ev->by_head, (uint64_t)DY_PC_MODE << 32, (uint32_t)mode) ||
        (lens && dy_map_put(&ev->by_head, (uint64_t)DY_PC_STEMLEN << 32, lens)))
        return petr_fail(b, "out of memory");
    ev->warnings += b->warnings;
    return 0;
}

/* Forget dyad's own actors and patterns; keep the code tables. */
static int reset_tables(dyad_ctx *ctx)
{
    dy_actors *a = &ctx->act;
    dy_actors_free(a);
    if (dy_intern_init(&a->codes))
        return -1;
    if (DY_GROW(a->nodes, a->nodes_cap, 1))
        return -1;
    a->nodes[0].entry = -1;
    a->nodes[0].casereq = 0;
    a->nodes[0].depth = 0;
    a->nnodes = 1;
    dy_events *ev = &ctx->ev;
    ev->npat = ev->nel = ev->nalt = 0;
    ev->nverb = ev->nnoun = ev->nlemmas = 0;
    dy_map_free(&ev->by_head);
    ev->nhead_bits = 0;     /* by_head is rebuilt: its bits no longer hold */
    for (size_t i = 0; i < ev->nfiles; i++)
        dy_free(ev->files[i]);
    dy_free(ev->files);
    ev->files = NULL;
    ev->nfiles = 0;
    return 0;
}

int dy_compat_load(dyad_ctx *ctx, const char *path, char *err, size_t errlen)
{
    dfile *f = NULL;
    size_t nf = 0;
    if (find_files(path, &f, &nf, err, errlen))
        goto fail_files;
    if (nf > 4000) {
        snprintf(err, errlen, "%s: too many dictionary files", path);
        goto fail_files;
    }
    if (reset_tables(ctx))
        goto nomem_files;
    /* both tables name the files by the same index */
    ctx->ev.files = dy_calloc(nf, sizeof *ctx->ev.files);
    ctx->act.files = dy_calloc(nf, sizeof *ctx->act.files);
    if (!ctx->ev.files || !ctx->act.files)
        goto nomem_files;
    for (size_t i = 0; i < nf; i++) {
        ctx->ev.files[i] = dy_strndup(f[i].path, strlen(f[i].path));
        ctx->act.files[i] = dy_strndup(f[i].path, strlen(f[i].path));
        if (!ctx->ev.files[i] || !ctx->act.files[i])
            goto nomem_files;
        ctx->ev.nfiles = ctx->act.nfiles = i + 1;
    }
    petr_build b;
    memset(&b, 0, sizeof b);
    b.ctx = ctx;
    b.err = err;
    b.errlen = errlen;
    if (dy_intern_init(&b.codes))
        goto nomem_files;
    int rc = 0, mode = DY_COMPAT_ON;
    static const int order[] = {F_ACTORS, F_AGENTS, F_DISCARDS, F_VERBS};
    for (int o = 0; o < 4 && rc == 0; o++)
        for (size_t i = 0; i < nf && rc == 0; i++) {
            if (f[i].kind != order[o])
                continue;
            size_t len;
            char *buf = dy_read_file(f[i].path, &len);
            if (!buf) {
                snprintf(err, errlen, "%s: cannot read", f[i].path);
                rc = -1;
                break;
            }
            b.path = f[i].path;
            b.fileno = (uint16_t)i;
            b.tabari = f[i].tabari;
            if (b.tabari)
                mode |= DY_COMPAT_TABARI;
            switch (f[i].kind) {
            case F_ACTORS: rc = petr_read_actors(&b, buf, len); break;
            case F_AGENTS: rc = petr_read_agents(&b, buf, len); break;
            case F_DISCARDS: rc = petr_read_discards(&b, buf, len); break;
            default: rc = petr_read_verbs(&b, buf, len); break;
            }
            dy_free(buf);
        }
    if (rc == 0)
        rc = finish(&b, mode);
    dy_free(b.pat);
    dy_intern_free(&b.codes);
    dy_map_free(&b.synset_seen);
    dy_map_free(&b.synset_used);
    dy_map_free(&b.anon_len);
    for (size_t i = 0; i < nf; i++)
        dy_free(f[i].path);
    dy_free(f);
    return rc;
nomem_files:
    snprintf(err, errlen, "out of memory");
fail_files:
    for (size_t i = 0; i < nf; i++)
        dy_free(f[i].path);
    dy_free(f);
    return -1;
}
