/* names_eval.c - recall of person, location and organisation names by the
 * actor stage and the syntax stage's name candidates, on a CoNLL file.
 *
 *   names_eval [-v] [-d DATA_DIR] [FILE]
 *
 * FILE (default ../shared/eval/syntax/conllpp-dev.txt) has one token a line:
 * "word POS CHUNK NE", blank lines between sentences, -DOCSTART- lines between
 * documents; NE is the gold named-entity tag in IOB (B-PER, I-LOC, ...). Each
 * document becomes one text (tokens joined by spaces, one sentence a line),
 * read by path and coded with the library (document date 1996-09-01, the
 * collection's time). Every gold PER, LOC and ORG span is then looked up among
 *   - the actor mentions (pronouns left out), and
 *   - the name candidates of the syntax stage (dy_np.name_first..name_end),
 * and counted as
 *   exact     a mention or candidate has exactly its bytes
 *   found     one contains it whole ("President Volodymyr Zelenskyy" finds
 *             the PER "Volodymyr Zelenskyy") - the recall figure
 *   overlap   one overlaps it at all
 *   coded     an actor mention with a code overlaps it (the actor stage
 *             knows what it is)
 * -v lists every gold name not found. When FILE is absent it says so and
 * exits 0 (a fresh clone has no ../shared). Uses the library's internal
 * structures (name candidates are not in the JSON), hence -Isrc. */
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>

enum { PER, LOC, ORG, MISC, NTYPES };
static const char *type_name[NTYPES] = {"PER", "LOC", "ORG", "MISC"};

typedef struct gold {
    int type;
    size_t start, end;      /* bytes in the document text */
} gold;

typedef struct span {
    size_t start, end;
    int coded;
} span;

static long cnt[NTYPES][5];  /* n, exact, found, overlap, coded */

static int type_of(const char *ne)
{
    if (strlen(ne) < 3)
        return -1;
    for (int i = 0; i < NTYPES; i++)
        if (!strcmp(ne + 2, type_name[i]))
            return i;
    return -1;
}

static int verbose;

/* Code the document text[0..len) and score its gold spans. */
static int score(const dyad_ctx *ctx, dyad_doc *doc, const char *text, size_t len, const gold *g,
                 size_t ng)
{
    if (dyad_code(ctx, doc, text, len, "1996-09-01") != DYAD_OK)
        return -1;
    const dy_text *t = &doc->t;
    span *sp = NULL;
    size_t nsp = 0, cap = 0;
    for (size_t m = 0; m < doc->nmen; m++) {
        const dy_mention *mm = &doc->men[m];
        if ((mm->flags & AM_PRONOUN) || mm->end <= mm->first)
            continue;
        if (DY_GROW(sp, cap, nsp + 1))
            return -1;
        sp[nsp].start = t->tok[mm->first].start;
        sp[nsp].end = t->tok[mm->end - 1].end;
        sp[nsp].coded = mm->code[0] != 0;
        nsp++;
    }
    for (size_t i = 0; i < doc->syn.nnp; i++) {
        const dy_np *n = &doc->syn.np[i];
        if (n->name_end <= n->name_first)
            continue;
        if (DY_GROW(sp, cap, nsp + 1))
            return -1;
        sp[nsp].start = t->tok[n->name_first].start;
        sp[nsp].end = t->tok[n->name_end - 1].end;
        sp[nsp].coded = 0;
        nsp++;
    }
    for (size_t i = 0; i < ng; i++) {
        int exact = 0, found = 0, overlap = 0, coded = 0;
        for (size_t k = 0; k < nsp; k++) {
            if (sp[k].start >= g[i].end || g[i].start >= sp[k].end)
                continue;
            overlap = 1;
            if (sp[k].coded)
                coded = 1;
            if (sp[k].start <= g[i].start && g[i].end <= sp[k].end)
                found = 1;
            if (sp[k].start == g[i].start && sp[k].end == g[i].end)
                exact = 1;
        }
        long *c = cnt[g[i].type];
        c[0]++;
        c[1] += exact;
        c[2] += found;
        c[3] += overlap;
        c[4] += coded;
        if (verbose && !found && g[i].type != MISC)
            printf("  miss %s %.*s%s\n", type_name[g[i].type], (int)(g[i].end - g[i].start),
                   text + g[i].start, overlap ? "  (overlapped)" : "");
    }
    dy_free(sp);
    return 0;
}

int main(int argc, char **argv)
{
    const char *data = NULL, *path = "../shared/eval/syntax/conllpp-dev.txt";
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-v"))
            verbose = 1;
        else if (!strcmp(argv[i], "-d") && i + 1 < argc)
            data = argv[++i];
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: names_eval [-v] [-d DATA_DIR] [FILE]\n");
            return 2;
        } else
            path = argv[i];
    }
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("SKIP names: %s not found\n", path);
        return 0;
    }
    dyad_ctx *ctx;
    char err[512];
    if (dyad_ctx_new(data, &ctx, err, sizeof err)) {
        fprintf(stderr, "names_eval: %s\n", err);
        return 1;
    }
    dyad_doc *doc = dyad_doc_new();
    dy_buf text = {0};
    gold *g = NULL;
    size_t ng = 0, gcap = 0, ndocs = 0;
    int open_type = -1;     /* type of the span being read, -1 none */
    char line[1024];
    int more = 1;
    while (more) {
        more = fgets(line, sizeof line, f) != NULL;
        int docstart = more && !strncmp(line, "-DOCSTART-", 10);
        if (!more || docstart) {
            if (text.len) {
                if (score(ctx, doc, text.p, text.len, g, ng)) {
                    fprintf(stderr, "names_eval: out of memory\n");
                    return 1;
                }
                ndocs++;
            }
            text.len = 0;
            ng = 0;
            open_type = -1;
            continue;
        }
        char w[512], pos[64], chunk[64], ne[64];
        if (sscanf(line, "%511s %63s %63s %63s", w, pos, chunk, ne) != 4) {
            /* a blank line: end of sentence */
            if (text.len && text.p[text.len - 1] != '\n' && dy_buf_ch(&text, '\n'))
                return 1;
            open_type = -1;
            continue;
        }
        if (text.len && text.p[text.len - 1] != '\n' && dy_buf_ch(&text, ' '))
            return 1;
        size_t start = text.len;
        if (dy_buf_str(&text, w))
            return 1;
        int ty = type_of(ne);
        if (ty >= 0 && ne[0] == 'I' && open_type == ty && ng) {
            g[ng - 1].end = text.len;   /* continues the span */
        } else if (ty >= 0) {
            if (DY_GROW(g, gcap, ng + 1))
                return 1;
            g[ng].type = ty;
            g[ng].start = start;
            g[ng].end = text.len;
            ng++;
        }
        open_type = ty;
    }
    fclose(f);
    printf("names in %s: %zu documents\n", path, ndocs);
    printf("type      n   exact   found   overlap   coded\n");
    long tot[5] = {0};
    for (int ty = 0; ty < NTYPES; ty++) {
        long *c = cnt[ty];
        if (!c[0])
            continue;
        printf("%-4s  %5ld   %5.3f   %5.3f   %5.3f     %5.3f\n", type_name[ty], c[0],
               (double)c[1] / c[0], (double)c[2] / c[0], (double)c[3] / c[0], (double)c[4] / c[0]);
        if (ty != MISC)
            for (int k = 0; k < 5; k++)
                tot[k] += c[k];
    }
    if (tot[0])
        printf("PER+LOC+ORG %5ld   %5.3f   %5.3f   %5.3f     %5.3f\n", tot[0], (double)tot[1] / tot[0],
               (double)tot[2] / tot[0], (double)tot[3] / tot[0], (double)tot[4] / tot[0]);
    dy_buf_free(&text);
    dy_free(g);
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
    return 0;
}
