/* syntax_eval.c - agreement of dyad's tagger and NP chunker with a CoNLL file.
 *
 *   syntax_eval [-v] [-n|-N] [-g] [-r] [-d DATA_DIR] [FILE]
 *
 * FILE (default ../shared/eval/syntax/conllpp-dev.txt) has one token a line:
 * "word POS CHUNK NE", blank lines between sentences, -DOCSTART- lines between
 * documents (CoNLL-2003 format; chunks in IOB1). Each gold sentence becomes one
 * dyad sentence with exactly the gold tokens (so tokenisation differences do not
 * count), then dy_tag and dy_parse run on it. Prints the tag agreement (all
 * tokens, and without the all-capitals headline sentences), the NP-chunk
 * precision / recall / F1 (exact spans), the commonest tag confusions and the
 * speed of tag+parse (process CPU time), for all sentences and separately for
 * "prose" (a finite verb in the reference, >= 6 tokens, not in capitals) and
 * the others (tables, scores, headlines). -v prints every sentence with a tag
 * disagreement (word/REFERENCE|DYAD); -n the NP bracketings that differ, -N
 * all of them; -g chunks from the reference's tags (the chunker alone).
 *
 * The NP figure compares in the CoNLL convention: dyad's chunks are projected
 * onto it where dyad keeps a different analysis on purpose (docs/syntax.md,
 * "Chunks and the CoNLL convention"): a coordination of two short bare
 * nominals of the same kind that dyad splits ("[Germany] and [Britain]") is
 * one flat base NP in the Treebank, hence one chunk; a quotation mark dyad
 * keeps inside an NP (a "poison pill") ends the chunk, as CoNLL chunks never
 * contain one. The figure without the projection is printed too; -r
 * (raw) turns the projection off everywhere (-c, the old switch that turned
 * the coordination part on, is accepted and is now the default). When FILE
 * is absent it says so and exits 0 (a fresh clone has no ../shared). */
#include "core/internal.h"
#include "syntax/tagger.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct gtok {
    uint32_t off, len;      /* word in the text */
    uint8_t tag;            /* gold tag (enum dy_tag), T_NONE when unmapped */
    char gtag[8];
    uint8_t chunk_b, chunk_np; /* chunk starts here / is an NP chunk */
} gtok;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int tag_equal(int mine, const char *gold)
{
    const char *m = dy_tag_name(mine);
    if (strcmp(m, gold) == 0)
        return 1;
    if (strcmp(gold, "\"") == 0 || strcmp(gold, "''") == 0 || strcmp(gold, "``") == 0)
        return mine == T_LQUOTE || mine == T_RQUOTE;
    if (strcmp(gold, "(") == 0)
        return mine == T_LRB;
    if (strcmp(gold, ")") == 0)
        return mine == T_RRB;
    return 0;
}

static int is_punct_str(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
            (s[i] >= '0' && s[i] <= '9') || (unsigned char)s[i] >= 0x80)
            return 0;
    return 1;
}

/* Build one dy_text sentence from gold words (appends tokens). */
static int add_token(dy_text *t, const char *src, uint32_t off, uint32_t len, int *inquote)
{
    if (DY_GROW(t->tok, t->tok_cap, t->ntok + 1))
        return -1;
    dy_tok *k = &t->tok[t->ntok];
    memset(k, 0, sizeof *k);
    k->start = off;
    k->end = off + len;
    k->norm = (uint32_t)t->norm_len;
    if (dy_grow((void **)&t->norm, &t->norm_cap, t->norm_len + len + 1, 1))
        return -1;
    int letters = 0, upper = 0;
    for (uint32_t i = 0; i < len; i++) {
        char c = src[off + i];
        if (c >= 'A' && c <= 'Z') {
            upper++;
            letters++;
            c = (char)(c + 32);
        } else if (c >= 'a' && c <= 'z') {
            letters++;
        }
        t->norm[t->norm_len++] = c;
    }
    t->norm[t->norm_len++] = 0;
    k->nlen = (uint16_t)len;
    const char *w = src + off;
    if (len == 1 && w[0] == '"') {
        k->kind = TK_QUOTE;
        k->flags |= *inquote ? TF_CLOSE : TF_OPEN;
        *inquote = !*inquote;
    } else if ((len == 1 && w[0] == '\'' && t->ntok &&
                (src[t->tok[t->ntok - 1].end - 1] | 0x20) == 's') ||
               (len == 2 && w[0] == '\'' && (w[1] == 's' || w[1] == 'S')) ||
               (len == 3 && (w[0] == 'n' || w[0] == 'N') && w[1] == '\'')) {
        k->kind = TK_CLITIC;
    } else if (len >= 1 && w[0] >= '0' && w[0] <= '9') {
        k->kind = TK_NUM;
    } else if (is_punct_str(w, len)) {
        if (w[0] == '-')
            k->kind = TK_DASH;
        else if (w[0] == '$' || w[0] == '%' || w[0] == '&' || w[0] == '#' || w[0] == '@')
            k->kind = TK_SYM;
        else
            k->kind = TK_PUNCT;
    } else if (memchr(w, '.', len) && letters) {
        k->kind = TK_ABBR;
    } else {
        k->kind = TK_WORD;
    }
    if (w[0] >= 'A' && w[0] <= 'Z')
        k->flags |= TF_CAP;
    if (letters >= 2 && upper == letters)
        k->flags |= TF_ALLCAP;
    if (t->ntok)
        k->flags |= TF_SPACE;
    t->ntok++;
    return 0;
}

/* NP chunks that match the reference exactly: dyad's chunk starting at token
 * i ends at mend[i] (0: none starts there). */
static void np_counts(const gtok *g, size_t ng, const uint32_t *sent_first, size_t nsent,
                      const uint32_t *mend, size_t *match, size_t *mine)
{
    *match = *mine = 0;
    for (size_t s = 0; s < nsent; s++) {
        uint32_t a = sent_first[s], b = sent_first[s + 1];
        for (uint32_t i = a; i < b && i < ng; i++) {
            *mine += mend[i] != 0;
            if (!(g[i].chunk_b && g[i].chunk_np))
                continue;
            uint32_t e = i + 1;
            while (e < b && g[e].chunk_np && !g[e].chunk_b)
                e++;
            *match += mend[i] == e;
        }
    }
}

/* defenders [X Y] and [Z W], champions ...: a plural descriptor before two
 * coordinated names describes both; the Treebank brackets it as one flat NP
 * (the plural noun, the names and the conjunction), dyad keeps the two
 * names apart for the actor stage */
static int plural_title_names(const dy_text *t, const dy_np *x, const dy_np *y)
{
    if (y->first != x->end + 1 || t->tok[x->end].tag != T_CC ||
        !dy_tok_is(t, &t->tok[x->end], "and") || x->end - x->first < 2 ||
        t->tok[x->first].tag != T_NNS || (t->tok[x->first].flags & TF_CAP) ||
        y->end - y->first > 3 || (y->flags & NP_POSSESSOR))
        return 0;
    for (uint32_t i = x->first + 1; i < x->end; i++)
        if (t->tok[i].tag != T_NNP || !(t->tok[i].flags & TF_CAP))
            return 0;
    for (uint32_t i = y->first; i < y->end; i++)
        if (t->tok[i].tag != T_NNP || !(t->tok[i].flags & TF_CAP))
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    const char *file = "../shared/eval/syntax/conllpp-dev.txt";
    const char *data = NULL;
    int verbose = 0, npverbose = 0, goldtags = 0, project = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "-n") == 0)
            npverbose = 1;
        else if (strcmp(argv[i], "-N") == 0)
            npverbose = 2;
        else if (strcmp(argv[i], "-g") == 0)
            goldtags = 1;
        else if (strcmp(argv[i], "-r") == 0)
            project = 0;
        else if (strcmp(argv[i], "-c") == 0)
            project = 1;
        else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
            data = argv[++i];
        else
            file = argv[i];
    }
    size_t flen;
    char *raw = dy_read_file(file, &flen);
    if (!raw) {
        printf("syntax_eval: %s not found, skipped\n", file);
        return 0;
    }
    char err[512] = "";
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_new(data, &ctx, err, sizeof err) != DYAD_OK) {
        fprintf(stderr, "syntax_eval: %s\n", err);
        return 1;
    }
    /* pass 1: the text and gold tokens */
    dy_buf src = {0};
    gtok *g = NULL;
    size_t ng = 0, gcap = 0;
    uint32_t *sent_first = NULL;
    size_t nsent = 0, scap = 0;
    char *line = raw, *end = raw + flen;
    int in_sent = 0;
    char prev_chunk[16] = "O";
    while (line < end) {
        char *nl = memchr(line, '\n', (size_t)(end - line));
        if (!nl)
            nl = end;
        *nl = 0;
        char *f[4];
        int nf = 0;
        for (char *p = line; nf < 4 && *p;) {
            while (*p == ' ')
                p++;
            if (!*p)
                break;
            f[nf++] = p;
            while (*p && *p != ' ')
                p++;
            if (*p)
                *p++ = 0;
        }
        if (nf < 3 || strcmp(f[0], "-DOCSTART-") == 0) {
            in_sent = 0;
            strcpy(prev_chunk, "O");
        } else {
            if (!in_sent) {
                if (DY_GROW(sent_first, scap, nsent + 2))
                    return 1;
                sent_first[nsent++] = (uint32_t)ng;
                in_sent = 1;
                strcpy(prev_chunk, "O");
            }
            if (DY_GROW(g, gcap, ng + 1))
                return 1;
            gtok *k = &g[ng++];
            memset(k, 0, sizeof *k);
            if (src.len)
                dy_buf_ch(&src, ' ');
            k->off = (uint32_t)src.len;
            k->len = (uint32_t)strlen(f[0]);
            dy_buf_str(&src, f[0]);
            snprintf(k->gtag, sizeof k->gtag, "%s", f[1]);
            const char *c = f[2];
            int is_np = strcmp(c + (c[0] && c[1] == '-' ? 2 : 0), "NP") == 0 && c[0] != 'O';
            int begins = c[0] == 'B' ||
                         (c[0] == 'I' && strcmp(prev_chunk + (prev_chunk[0] == 'O' ? 0 : 2),
                                                c + 2) != 0);
            k->chunk_np = (uint8_t)is_np;
            k->chunk_b = (uint8_t)(c[0] != 'O' && begins);
            snprintf(prev_chunk, sizeof prev_chunk, "%s", c);
        }
        line = nl + 1;
    }
    sent_first[nsent] = (uint32_t)ng;
    /* The reference puts a possessive 's at the start of the possessed NP
     * ("[Bitar] ['s goal]"); dyad, like the Penn Treebank and CoNLL-2000, ends
     * the possessor with it ("[Bitar 's] [goal]"). Compare in dyad's
     * convention: move a chunk-initial POS to the NP before it. */
    for (size_t i = 1; i + 1 < ng; i++)
        if (strcmp(g[i].gtag, "POS") == 0 && g[i].chunk_b && g[i].chunk_np &&
            g[i - 1].chunk_np && g[i + 1].chunk_np && !g[i + 1].chunk_b) {
            g[i].chunk_b = 0;
            g[i + 1].chunk_b = 1;
        }

    dy_text t;
    memset(&t, 0, sizeof t);
    t.src = src.p;
    t.len = src.len;
    int inq = 0;
    for (size_t s = 0; s < nsent; s++) {
        if (DY_GROW(t.sent, t.sent_cap, t.nsent + 1))
            return 1;
        dy_sent *se = &t.sent[t.nsent++];
        se->first = (uint32_t)t.ntok;
        inq = 0;
        for (uint32_t i = sent_first[s]; i < sent_first[s + 1]; i++)
            if (add_token(&t, src.p, g[i].off, g[i].len, &inq))
                return 1;
        se->ntok = (uint32_t)t.ntok - se->first;
        se->start = t.tok[se->first].start;
        se->end = t.tok[t.ntok - 1].end;
    }
    for (size_t i = 0; i < t.ntok; i++)
        t.tok[i].word = dy_word_find(ctx, t.norm + t.tok[i].norm, t.tok[i].nlen);

    dy_syn syn;
    memset(&syn, 0, sizeof syn);
    double t0 = now();
    int reps = 10;
    for (int r = 0; r < reps; r++) {
        for (size_t i = 0; i < t.ntok; i++) /* as the tokenizer leaves them */
            t.tok[i].tag = 0, t.tok[i].lemma = 0;
        if (dy_tag(ctx, &t) || dy_parse(ctx, &t, &syn))
            return 1;
    }
    double t1 = now();
    if (goldtags) { /* chunk from the reference tags (isolates the chunker) */
        for (size_t i = 0; i < t.ntok; i++) {
            int gt = dy_tag_from_name(g[i].gtag, strlen(g[i].gtag));
            if (gt != T_NONE)
                t.tok[i].tag = (uint8_t)gt;
        }
        if (dy_parse(ctx, &t, &syn))
            return 1;
    }

    /* tags */
    size_t ok = 0, all = 0, ok_nh = 0, all_nh = 0, ok_unk = 0, all_unk = 0;
    static size_t conf[T_COUNT][64];
    static char gnames[64][8];
    int ngn = 0;
    memset(conf, 0, sizeof conf);
    for (size_t s = 0; s < nsent; s++) {
        uint32_t a = t.sent[s].first, b = a + t.sent[s].ntok;
        size_t letters = 0, caps = 0;
        for (uint32_t i = a; i < b; i++)
            if (t.tok[i].kind == TK_WORD) {
                letters++;
                if (t.tok[i].flags & TF_ALLCAP)
                    caps++;
            }
        int headline = letters > 0 && caps * 2 > letters;
        int bad = 0;
        for (uint32_t i = a; i < b; i++) {
            int e = tag_equal(t.tok[i].tag, g[i].gtag);
            ok += (size_t)e;
            all++;
            if (!headline) {
                ok_nh += (size_t)e;
                all_nh++;
            }
            const struct dy_tagger *tg = ctx->lex.tagger;
            uint32_t wid = t.tok[i].word;
            int inlex = tg && wid && wid < tg->nids && tg->lex_off[wid] != tg->lex_off[wid + 1];
            if (!inlex && t.tok[i].kind == TK_WORD) {
                ok_unk += (size_t)e;
                all_unk++;
            }
            if (!e) {
                bad = 1;
                int gi = -1;
                for (int q = 0; q < ngn; q++)
                    if (strcmp(gnames[q], g[i].gtag) == 0)
                        gi = q;
                if (gi < 0 && ngn < 64) {
                    gi = ngn++;
                    snprintf(gnames[gi], sizeof gnames[gi], "%s", g[i].gtag);
                }
                if (gi >= 0)
                    conf[t.tok[i].tag][gi]++;
            }
        }
        if (verbose && bad) {
            printf("S%zu", s);
            for (uint32_t i = a; i < b; i++) {
                printf(" %.*s/%s", (int)g[i].len, src.p + g[i].off, g[i].gtag);
                if (!tag_equal(t.tok[i].tag, g[i].gtag))
                    printf("|%s", dy_tag_name(t.tok[i].tag));
            }
            printf("\n");
        }
    }
    /* NP chunks; "prose" = sentences with a finite verb in the reference,
     * at least 6 tokens and not in capitals (no tables, scores, headlines) */
    size_t gold_np = 0, mine_np = 0, match_np = 0;
    size_t pgold = 0, pmine = 0, pmatch = 0, ptok = 0, pok = 0, nprose = 0;
    /* dyad's chunks as token spans: mend[i] = end of the chunk starting at
     * token i, 0 when none starts there. The projection (not with -r): a
     * coordination "X and Y" that dyad splits into two NPs linked by conj is
     * one chunk when both heads are nouns of the same kind (proper/common), Y
     * has no determiner, number or pronoun of its own and each conjunct has
     * at most two words (in the Treebank such a coordination is one flat NP;
     * longer or modified conjuncts are NPs of their own) */
    uint32_t *mend = dy_calloc(t.ntok + 1, sizeof *mend);
    if (!mend)
        return 1;
    for (size_t n = 0; n < syn.nnp; n++)
        mend[syn.np[n].first] = syn.np[n].end;
    size_t raw_match, raw_mine;
    np_counts(g, ng, sent_first, nsent, mend, &raw_match, &raw_mine);
    if (project)
        for (size_t n = 0; n < syn.nnp; n++) {
            const dy_np *x = &syn.np[n];
            if (mend[x->first] && n + 1 < syn.nnp && mend[syn.np[n + 1].first] &&
                plural_title_names(&t, x, &syn.np[n + 1])) {
                mend[x->first] = mend[syn.np[n + 1].first];
                mend[syn.np[n + 1].first] = 0;
                continue;
            }
            if (!mend[x->first] || x->conj < 0)
                continue;
            const dy_np *y = &syn.np[x->conj];
            int yt = t.tok[y->first].tag;
            int xh = t.tok[x->head].tag, yh = t.tok[y->head].tag;
            int xprop = xh == T_NNP || xh == T_NNPS, yprop = yh == T_NNP || yh == T_NNPS;
            if (y->first != x->end + 1 || t.tok[x->end].tag != T_CC || yt == T_DT ||
                yt == T_PRPS || yt == T_PDT || yt == T_CD || yt == T_PRP || yt == T_DOLLAR ||
                (x->flags & NP_POSSESSOR) || (x->flags & NP_PRONOUN) ||
                (y->flags & NP_POSSESSOR) || (y->flags & NP_PRONOUN) ||
                !dy_tag_is_noun(xh) || !dy_tag_is_noun(yh) || xprop != yprop ||
                y->end - y->first > 2 || x->end - x->first > 2)
                continue;
            mend[x->first] = mend[y->first];
            mend[y->first] = 0;
        }
    /* CoNLL chunks never contain a quotation mark; dyad keeps scare quotes
     * after a determiner inside the NP (a "poison pill"): split there */
    for (size_t i = 0; i < t.ntok && project; i++) {
        uint32_t e = mend[i];
        if (!e)
            continue;
        for (uint32_t q = (uint32_t)i + 1; q < e; q++)
            if (t.tok[q].tag == T_LQUOTE || t.tok[q].tag == T_RQUOTE) {
                mend[i] = q;
                if (q + 1 < e)
                    mend[q + 1] = e;
                break;
            }
    }
    for (size_t s = 0; s < nsent; s++) {
        uint32_t a = t.sent[s].first, b = a + t.sent[s].ntok;
        int finite = 0, caps = 0, words = 0;
        for (uint32_t i = a; i < b; i++) {
            finite |= !strcmp(g[i].gtag, "VBD") || !strcmp(g[i].gtag, "VBZ") ||
                      !strcmp(g[i].gtag, "VBP") || !strcmp(g[i].gtag, "MD");
            if (t.tok[i].kind == TK_WORD) {
                words++;
                caps += (t.tok[i].flags & TF_ALLCAP) != 0;
            }
        }
        int prose = finite && b - a >= 6 && caps * 2 <= words;
        size_t g0 = gold_np, m0 = mine_np, x0 = match_np;
        for (uint32_t i = a; i < b; i++) {
            if (!(g[i].chunk_b && g[i].chunk_np))
                continue;
            gold_np++;
            uint32_t e = i + 1;
            while (e < b && g[e].chunk_np && !g[e].chunk_b)
                e++;
            if (mend[i] == e)
                match_np++;
        }
        for (uint32_t i = a; i < b; i++)
            mine_np += mend[i] != 0;
        if (prose) {
            nprose++;
            pgold += gold_np - g0;
            pmine += mine_np - m0;
            pmatch += match_np - x0;
            for (uint32_t i = a; i < b; i++) {
                ptok++;
                pok += (size_t)tag_equal(t.tok[i].tag, g[i].gtag);
            }
        }
        if (npverbose) {
            /* both bracketings when they differ */
            dy_buf gb = {0}, mb = {0};
            uint8_t *mes = dy_calloc(b - a + 1, 1); /* a dyad chunk ends after token */
            for (uint32_t i = a; i < b; i++)
                if (mend[i] && mes)
                    mes[mend[i] - 1 - a] = 1;
            for (uint32_t i = a; i < b; i++) {
                int gs = g[i].chunk_b && g[i].chunk_np;
                int ge = g[i].chunk_np && (i + 1 >= b || g[i + 1].chunk_b || !g[i + 1].chunk_np);
                int ms = mend[i] != 0;
                int me = mes && mes[i - a];
                dy_buf_printf(&gb, " %s%.*s/%s%s", gs ? "[" : "", (int)g[i].len, src.p + g[i].off,
                              g[i].gtag, ge ? "]" : "");
                dy_buf_printf(&mb, " %s%.*s/%s%s", ms ? "[" : "", (int)g[i].len, src.p + g[i].off,
                              dy_tag_name(t.tok[i].tag), me ? "]" : "");
            }
            int same = 1;
            for (uint32_t i = a; i < b; i++) {
                int gs = g[i].chunk_b && g[i].chunk_np;
                int ge = g[i].chunk_np && (i + 1 >= b || g[i + 1].chunk_b || !g[i + 1].chunk_np);
                if (gs != (mend[i] != 0) || ge != (mes && mes[i - a]))
                    same = 0;
            }
            dy_free(mes);
            if (!same || npverbose > 1)
                printf("G%s\nD%s\n\n", gb.p, mb.p);
            dy_buf_free(&gb);
            dy_buf_free(&mb);
        }
    }
    double P = mine_np ? (double)match_np / (double)mine_np : 0;
    double R = gold_np ? (double)match_np / (double)gold_np : 0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    printf("file: %s\n", file);
    printf("sentences: %zu  tokens: %zu\n", nsent, all);
    printf("tag agreement: %.2f%% (%zu/%zu)\n", 100.0 * (double)ok / (double)all, ok, all);
    printf("tag agreement without all-caps headlines: %.2f%% (%zu/%zu)\n",
           all_nh ? 100.0 * (double)ok_nh / (double)all_nh : 0, ok_nh, all_nh);
    printf("tag agreement on words not in the lexicon: %.2f%% (%zu/%zu)\n",
           all_unk ? 100.0 * (double)ok_unk / (double)all_unk : 0, ok_unk, all_unk);
    printf("NP chunks%s: precision %.4f recall %.4f F1 %.4f (gold %zu, dyad %zu, exact %zu)\n",
           project ? " (CoNLL convention)" : "", P, R, F, gold_np, mine_np, match_np);
    if (project) {
        double rp = raw_mine ? (double)raw_match / (double)raw_mine : 0;
        double rr = gold_np ? (double)raw_match / (double)gold_np : 0;
        printf("NP chunks as dyad keeps them (no projection): precision %.4f recall %.4f F1 %.4f "
               "(dyad %zu, exact %zu)\n", rp, rr, rp + rr > 0 ? 2 * rp * rr / (rp + rr) : 0,
               raw_mine, raw_match);
    }
    {
        double pp = pmine ? (double)pmatch / (double)pmine : 0;
        double pr = pgold ? (double)pmatch / (double)pgold : 0;
        printf("prose sentences (%zu): tag agreement %.2f%%, NP F1 %.4f (P %.4f R %.4f)\n", nprose,
               ptok ? 100.0 * (double)pok / (double)ptok : 0, pp + pr > 0 ? 2 * pp * pr / (pp + pr) : 0,
               pp, pr);
        size_t og = gold_np - pgold, om = mine_np - pmine, ox = match_np - pmatch;
        double op = om ? (double)ox / (double)om : 0, orr = og ? (double)ox / (double)og : 0;
        printf("other sentences (%zu): tag agreement %.2f%%, NP F1 %.4f (P %.4f R %.4f, gold %zu)\n",
               nsent - nprose, all > ptok ? 100.0 * (double)(ok - pok) / (double)(all - ptok) : 0,
               op + orr > 0 ? 2 * op * orr / (op + orr) : 0, op, orr, og);
    }
    printf("tag+parse speed: %.0f sentences/s (%.0f tokens/s, process CPU time)\n",
           (double)nsent * reps / (t1 - t0), (double)all * reps / (t1 - t0));
    /* top confusions */
    printf("commonest disagreements (dyad -> reference):\n");
    for (int top = 0; top < 15; top++) {
        size_t best = 0;
        int bi = 0, bj = 0;
        for (int i = 0; i < T_COUNT; i++)
            for (int j = 0; j < ngn; j++)
                if (conf[i][j] > best) {
                    best = conf[i][j];
                    bi = i;
                    bj = j;
                }
        if (!best)
            break;
        printf("  %-6s -> %-6s %zu\n", dy_tag_name(bi), gnames[bj], best);
        conf[bi][bj] = 0;
    }
    dy_free(mend);
    dy_syn_free(&syn);
    dy_free(t.tok);
    dy_free(t.norm);
    dy_free(t.sent);
    dy_free(g);
    dy_free(sent_first);
    dy_buf_free(&src);
    dy_free(raw);
    dyad_ctx_free(ctx);
    return 0;
}
