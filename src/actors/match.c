/* match.c - finding actors in a document.
 *
 * Reads the token array (word ids, case flags) and the trie built by dict.c;
 * writes doc->men. Per sentence:
 *  1. longest trie match at each token -> raw actor and agent matches;
 *  2. combination: ACTOR [adjectives] AGENT ("Russian troops" RUS+MIL,
 *     "Kremlin forces" RUS+MIL), ACTOR 's AGENT, AGENT of ACTOR, COUNTRY TITLE
 *     NAME ("U.S. President Joe Biden"), TITLE Name for unknown people (whose
 *     later surname-only mentions keep the code);
 *  3. dated codes chosen by the document's role date;
 *  4. coreference: he/she/his/him/her to the latest person (preferring the
 *     speaker of the latest attribution), its to the latest non-person actor,
 *     descriptions ("the alliance") to the latest actor of the same kind. */
#include "../core/internal.h"

#include <stdio.h>

typedef struct raw {
    uint32_t first, end;
    int32_t entry;
} raw;

static int case_ok(const dy_tok *k, int req)
{
    if (req == CASE_ANY)
        return 1;
    if (req == CASE_CAP)
        return (k->flags & TF_CAP) != 0;
    return (k->flags & TF_ALLCAP) != 0;
}

/* Longest match from node over tokens j..end, trying every edge the token's
 * case allows (any case, capitalised, all capitals). */
static void longest_from(const dy_actors *a, const dy_text *t, uint32_t node, size_t j, size_t end,
                         size_t i0, int *best, int32_t *entry)
{
    if (j >= end)
        return;
    const dy_tok *k = &t->tok[j];
    if (!k->word)
        return;
    for (int c = CASE_ANY; c <= CASE_UPPER; c++) {
        if (!case_ok(k, c))
            continue;
        uint32_t child;
        if (!dy_map_get(&a->edges, dy_edge_key(node, k->word, c), &child))
            continue;
        if (a->nodes[child].entry >= 0 && (int)(j - i0 + 1) > *best) {
            *best = (int)(j - i0 + 1);
            *entry = a->nodes[child].entry;
        }
        longest_from(a, t, child, j + 1, end, i0, best, entry);
    }
}

static int longest(const dy_actors *a, const dy_text *t, size_t i, size_t end, int32_t *entry)
{
    int best = 0;
    *entry = -1;
    longest_from(a, t, 0, i, end, i, &best, entry);
    return best;
}

static const char *code_of(const dy_actors *a, const dy_aentry *e, int32_t day)
{
    for (uint32_t i = 0; i < e->ndc; i++) {
        const dy_dcode *d = &a->dc[e->dc_first + i];
        if (day >= d->from && day <= d->to)
            return dy_intern_str(&a->codes, d->code);
    }
    if (e->fallback)
        return dy_intern_str(&a->codes, e->fallback);
    return "";
}

static int push_men(struct dyad_doc *doc, uint32_t first, uint32_t end, uint32_t sent,
                    const char *code, uint32_t flags, int32_t entry)
{
    if (DY_GROW(doc->men, doc->men_cap, doc->nmen + 1))
        return -1;
    dy_mention *m = &doc->men[doc->nmen++];
    memset(m, 0, sizeof *m);
    m->first = first;
    m->end = end;
    m->sent = sent;
    size_t cl = strlen(code);
    if (cl >= sizeof m->code)
        cl = sizeof m->code - 1;
    memcpy(m->code, code, cl);
    m->code[cl] = 0;
    m->flags = flags;
    if (end > first) {
        const dy_tok *lt = &doc->t.tok[end - 1];
        if ((lt->tag == T_NNS || lt->tag == T_NNPS) && !(flags & AM_PERSON))
            m->flags |= AM_PLURAL;
    }
    m->entry = entry;
    m->agent_entry = -1;
    m->ref = -1;
    return 0;
}

/* Country part of a code: "RUSGOV" -> "RUS"; IGO/NGO codes keep their whole
 * organisation part ("IGOWSTNAT"). */
static void compose(char *out, size_t outn, const char *actor, const char *role)
{
    size_t al = strlen(actor);
    if (al >= 3 && (!memcmp(actor, "IGO", 3) || !memcmp(actor, "NGO", 3) ||
                    !memcmp(actor, "MNC", 3))) {
        /* an organisation's own officials are the organisation */
        if (!strncmp(role, "GOV", 3) || !strncmp(role, "ELI", 3))
            snprintf(out, outn, "%s", actor);
        else
            snprintf(out, outn, "%s%s", actor, role);
    }
    else if (al >= 3)
        snprintf(out, outn, "%.3s%s", actor, role);
    else
        snprintf(out, outn, "%s", role);
}

static void cpy(char *dst, size_t n, const char *src)
{
    size_t l = strlen(src);
    if (l >= n)
        l = n - 1;
    memcpy(dst, src, l);
    dst[l] = 0;
}

static int is_word(const dy_text *t, size_t i, const char *w)
{
    return i < t->ntok && dy_tok_is(t, &t->tok[i], w);
}

static int is_adj_like(const dy_text *t, size_t i)
{
    const dy_tok *k = &t->tok[i];
    if (k->tag)
        return k->tag == T_JJ || k->tag == T_JJR || k->tag == T_JJS || k->tag == T_VBN ||
               k->tag == T_CD || k->tag == T_VBG;
    return 0;
}

/* doc-local memory of surnames introduced with a title: word id -> code */
typedef struct surname {
    uint32_t word;
    char code[24];
} surname;

static int is_pronoun(const dy_text *t, const dy_tok *k, int *kind)
{
    static const char *plur[] = {"they", "them", "their"};
    for (size_t i = 0; i < 3; i++)
        if (dy_tok_is(t, k, plur[i])) {
            *kind = 3;
            return 1;
        }
    static const char *pers[] = {"he", "she", "him", "his", "her"};
    for (size_t i = 0; i < 5; i++)
        if (dy_tok_is(t, k, pers[i])) {
            *kind = 1;
            return 1;
        }
    if (dy_tok_is(t, k, "its")) {
        *kind = 2;
        return 1;
    }
    return 0;
}

static int covered(const struct dyad_doc *doc, size_t m0, size_t m1, size_t i)
{
    for (size_t m = m0; m < m1; m++)
        if (i >= doc->men[m].first && i < doc->men[m].end)
            return 1;
    return 0;
}

/* Put the mentions from men0 on in text order, and renumber the references
 * (refs and the recency indices in fix[]) that pointed at moved mentions. */
static void sort_mentions(struct dyad_doc *doc, size_t men0, int32_t **fix, size_t nfix)
{
    size_t n = doc->nmen - men0;
    if (n < 2)
        return;
    int32_t oldpos[256];
    if (n > 256)
        n = 256;
    for (size_t x = 0; x < n; x++)
        oldpos[x] = (int32_t)(men0 + x);
    for (size_t x = 1; x < n; x++) {
        dy_mention m = doc->men[men0 + x];
        int32_t op = oldpos[x];
        size_t y = x;
        while (y > 0 && doc->men[men0 + y - 1].first > m.first) {
            doc->men[men0 + y] = doc->men[men0 + y - 1];
            oldpos[y] = oldpos[y - 1];
            y--;
        }
        doc->men[men0 + y] = m;
        oldpos[y] = op;
    }
    int32_t newpos[256];
    for (size_t x = 0; x < n; x++)
        newpos[oldpos[x] - (int32_t)men0] = (int32_t)(men0 + x);
    for (size_t x = 0; x < n; x++) {
        int32_t r = doc->men[men0 + x].ref;
        if (r >= (int32_t)men0 && r < (int32_t)(men0 + n))
            doc->men[men0 + x].ref = newpos[r - (int32_t)men0];
    }
    for (size_t f = 0; f < nfix; f++)
        if (*fix[f] >= (int32_t)men0 && *fix[f] < (int32_t)(men0 + n))
            *fix[f] = newpos[*fix[f] - (int32_t)men0];
}

int dy_actors_find(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    const dy_actors *a = &ctx->act;
    const dy_text *t = &doc->t;
    doc->nmen = 0;
    surname sn[64];
    size_t nsn = 0;
    int32_t last_person = -1, last_speaker = -1, last_nonperson = -1, last_plural = -1;
    raw rw[256];
    int32_t *fix[4] = {&last_person, &last_speaker, &last_nonperson, &last_plural};

    for (size_t s = 0; s < t->nsent; s++) {
        const dy_sent *se = &t->sent[s];
        size_t end = se->first + se->ntok;
        size_t nrw = 0;
        for (size_t i = se->first; i < end;) {
            int32_t entry;
            int n = longest(a, t, i, end, &entry);
            if (n > 0 && nrw < 256) {
                rw[nrw].first = (uint32_t)i;
                rw[nrw].end = (uint32_t)(i + (size_t)n);
                rw[nrw].entry = entry;
                nrw++;
                i += (size_t)n;
            } else
                i++;
        }
        size_t men0 = doc->nmen;
        for (size_t r = 0; r < nrw; r++) {
            const dy_aentry *e = &a->entries[rw[r].entry];
            uint32_t first = rw[r].first, mend = rw[r].end;
            char code[24];
            uint32_t flags = 0;
            int32_t agent_entry = -1, entry = rw[r].entry;
            if (e->kind == EK_ACTOR) {
                cpy(code, sizeof code, code_of(a, e, doc->role_date));
                if (e->person)
                    flags |= AM_PERSON;
                /* ACTOR ['s] [adj]* AGENT */
                size_t j = mend;
                if (is_word(t, j, "'s") || is_word(t, j, "'"))
                    j++;
                while (j < end && is_adj_like(t, j) && j < mend + 3 &&
                       !(r + 1 < nrw && rw[r + 1].first == j))
                    j++;
                if (!e->person && r + 1 < nrw && rw[r + 1].first == j &&
                    a->entries[rw[r + 1].entry].kind == EK_AGENT) {
                    const dy_aentry *ag = &a->entries[rw[r + 1].entry];
                    char c2[24];
                    compose(c2, sizeof c2, code, code_of(a, ag, doc->role_date));
                    memcpy(code, c2, sizeof code);
                    mend = rw[r + 1].end;
                    agent_entry = rw[r + 1].entry;
                    if (ag->person)
                        flags |= AM_PERSON;
                    r++;
                    /* COUNTRY TITLE PERSON: the person's own code wins when known */
                    if (r + 1 < nrw && rw[r + 1].first == mend &&
                        a->entries[rw[r + 1].entry].kind == EK_ACTOR &&
                        a->entries[rw[r + 1].entry].person) {
                        snprintf(code, sizeof code, "%s",
                                 code_of(a, &a->entries[rw[r + 1].entry], doc->role_date));
                        entry = rw[r + 1].entry;
                        mend = rw[r + 1].end;
                        flags |= AM_PERSON;
                        r++;
                    } else if (mend < end && (t->tok[mend].flags & TF_CAP) &&
                               t->tok[mend].kind == TK_WORD &&
                               (r + 1 >= nrw || rw[r + 1].first > mend)) {
                        /* COUNTRY TITLE Unknown Name */
                        size_t k = mend;
                        while (k < end && k < mend + 4 && (t->tok[k].flags & TF_CAP) &&
                               (t->tok[k].kind == TK_WORD || t->tok[k].kind == TK_ABBR))
                            k++;
                        if (nsn < 64 && t->tok[k - 1].word) {
                            sn[nsn].word = t->tok[k - 1].word;
                            cpy(sn[nsn].code, sizeof sn[nsn].code, code);
                            nsn++;
                        }
                        mend = (uint32_t)k;
                        flags |= AM_PERSON;
                    }
                }
            } else {
                /* AGENT: "troops of Russia", "Title Person", "Title Unknown Name" */
                const char *role = code_of(a, e, doc->role_date);
                agent_entry = rw[r].entry;
                entry = -1;
                if (e->person)
                    flags |= AM_PERSON;
                if (r + 1 < nrw && rw[r + 1].first == mend &&
                    a->entries[rw[r + 1].entry].kind == EK_ACTOR &&
                    a->entries[rw[r + 1].entry].person) {
                    snprintf(code, sizeof code, "%s",
                             code_of(a, &a->entries[rw[r + 1].entry], doc->role_date));
                    entry = rw[r + 1].entry;
                    mend = rw[r + 1].end;
                    flags |= AM_PERSON;
                    r++;
                } else if ((is_word(t, mend, "of") || is_word(t, mend, "from")) && r + 1 < nrw &&
                           rw[r + 1].first == mend + 1 &&
                           a->entries[rw[r + 1].entry].kind == EK_ACTOR &&
                           !a->entries[rw[r + 1].entry].person) {
                    compose(code, sizeof code,
                            code_of(a, &a->entries[rw[r + 1].entry], doc->role_date), role);
                    entry = rw[r + 1].entry;
                    mend = rw[r + 1].end;
                    r++;
                } else if (mend < end && (t->tok[first].flags & TF_CAP) &&
                           (t->tok[mend].flags & TF_CAP) && t->tok[mend].kind == TK_WORD &&
                           (r + 1 >= nrw || rw[r + 1].first > mend)) {
                    /* Title Unknown Name: a role without a country */
                    size_t k = mend;
                    while (k < end && k < mend + 4 && (t->tok[k].flags & TF_CAP) &&
                           (t->tok[k].kind == TK_WORD || t->tok[k].kind == TK_ABBR))
                        k++;
                    cpy(code, sizeof code, role);
                    if (nsn < 64 && t->tok[k - 1].word) {
                        sn[nsn].word = t->tok[k - 1].word;
                        cpy(sn[nsn].code, sizeof sn[nsn].code, code);
                        nsn++;
                    }
                    mend = (uint32_t)k;
                    flags |= AM_PERSON;
                } else {
                    /* an agent word used as a modifier ("military aid") is no actor */
                    if (mend < end && t->tok[mend].tag && dy_tag_is_noun(t->tok[mend].tag) &&
                        !(t->tok[mend].flags & TF_CAP) && (r + 1 >= nrw || rw[r + 1].first != mend))
                        continue;
                    cpy(code, sizeof code, role);
                    flags |= AM_AGENT_ONLY;
                }
            }
            if (push_men(doc, first, mend, (uint32_t)s, code, flags, entry))
                return -1;
            doc->men[doc->nmen - 1].agent_entry = agent_entry;
        }
        /* keep mentions of this sentence in text order */
        sort_mentions(doc, men0, fix, 4);
        /* "Hungarian and Romanian officials": the agent applies to both */
        for (size_t m = doc->nmen; m-- > men0 + 1;) {
            dy_mention *mb = &doc->men[m], *ma = &doc->men[m - 1];
            if (mb->agent_entry < 0 || mb->entry < 0 || ma->agent_entry >= 0 || strlen(ma->code) != 3 ||
                strlen(mb->code) <= 3 || !memcmp(mb->code, "IGO", 3) || !memcmp(mb->code, "NGO", 3))
                continue;
            size_t gap = mb->first - ma->end;
            if (!((gap == 1 && (is_word(t, ma->end, "and") || is_word(t, ma->end, "or") ||
                                is_word(t, ma->end, ","))) ||
                  (gap == 2 && is_word(t, ma->end, ",") && is_word(t, ma->end + 1, "and"))))
                continue;
            char c2[24];
            snprintf(c2, sizeof c2, "%.3s%s", ma->code, mb->code + 3);
            cpy(ma->code, sizeof ma->code, c2);
            ma->agent_entry = mb->agent_entry;
            ma->flags |= mb->flags & (AM_PLURAL | AM_PERSON);
        }
        /* surnames remembered from titled unknown names */
        size_t nmen_named = doc->nmen;
        for (size_t i = se->first; i < end; i++) {
            const dy_tok *k = &t->tok[i];
            if (!(k->flags & TF_CAP) || !k->word || covered(doc, men0, nmen_named, i))
                continue;
            for (size_t q = 0; q < nsn; q++)
                if (sn[q].word == k->word) {
                    if (push_men(doc, (uint32_t)i, (uint32_t)i + 1, (uint32_t)s, sn[q].code,
                                 AM_PERSON, -1))
                        return -1;
                    break;
                }
        }
        sort_mentions(doc, men0, fix, 4);
        /* pronouns, in text order: the recency state moves as mentions pass */
        size_t nbase = doc->nmen, mi = men0;
        for (size_t i = se->first; i < end; i++) {
            while (mi < nbase && doc->men[mi].first <= i) {
                const dy_mention *mm = &doc->men[mi];
                if (mm->flags & AM_PERSON)
                    last_person = (int32_t)mi;
                else if (mm->flags & AM_PLURAL)
                    last_plural = (int32_t)mi;
                else if (!(mm->flags & AM_AGENT_ONLY) && mm->code[0])
                    last_nonperson = (int32_t)mi;
                mi++;
            }
            const dy_tok *k = &t->tok[i];
            int pk;
            if (covered(doc, men0, nbase, i) || !is_pronoun(t, k, &pk))
                continue;
            int32_t ref = pk == 1 ? last_person : pk == 2 ? last_nonperson : last_plural;
            if (ref >= 0 && doc->men[ref].sent + 2 < s)
                ref = -1;   /* too far back */
            /* "he said" after a quotation: the speaker of the latest attribution */
            if (pk == 1 && last_speaker >= 0 &&
                (i == se->first || (i > se->first && t->tok[i - 1].kind == TK_QUOTE)) &&
                (is_word(t, i + 1, "said") || is_word(t, i + 1, "says") || is_word(t, i + 1, "added")))
                ref = last_speaker;
            if (pk == 1 && ref >= 0 && last_speaker >= 0 && doc->men[ref].sent + 1 < s &&
                doc->men[last_speaker].sent >= doc->men[ref].sent)
                ref = last_speaker;
            if (ref >= 0 && doc->men[ref].code[0]) {
                char rc[sizeof doc->men[ref].code];   /* push_men may move doc->men */
                memcpy(rc, doc->men[ref].code, sizeof rc);
                if (push_men(doc, (uint32_t)i, (uint32_t)i + 1, (uint32_t)s, rc,
                             AM_PRONOUN | (pk == 1 ? AM_PERSON : 0), -1))
                    return -1;
                doc->men[doc->nmen - 1].ref = ref;
                if (pk == 1 && (is_word(t, i + 1, "said") || is_word(t, i + 1, "says") ||
                                is_word(t, i + 1, "added") || is_word(t, i + 1, "told")))
                    last_speaker = ref;
            }
        }
        sort_mentions(doc, men0, fix, 4);
        /* descriptions: "the alliance" -> the latest actor of the same kind */
        for (size_t m = men0; m < doc->nmen; m++) {
            dy_mention *mm = &doc->men[m];
            if (!is_word(t, mm->first, "the") || (t->tok[mm->first + 1].flags & TF_CAP) ||
                mm->entry < 0 || (mm->flags & (AM_PRONOUN | AM_PERSON)))
                continue;
            for (size_t p = m; p-- > 0;) {
                dy_mention *pm = &doc->men[p];
                if (pm->flags & (AM_PRONOUN))
                    continue;
                if (!strncmp(pm->code, mm->code, 3) && strcmp(pm->code, mm->code) &&
                    pm->code[0] && !is_word(t, pm->first, "the")) {
                    if (!memcmp(mm->code, "IGO", 3) || !memcmp(mm->code, "NGO", 3)) {
                        cpy(mm->code, sizeof mm->code, pm->code);
                        mm->ref = (int32_t)p;
                        mm->flags |= AM_DESC;
                    }
                    break;
                }
                if (!strcmp(pm->code, mm->code))
                    break;
            }
        }
        /* speakers: a person next to a speech verb */
        for (size_t m = men0; m < doc->nmen; m++) {
            dy_mention *mm = &doc->men[m];
            if (!(mm->flags & AM_PERSON))
                continue;
            int32_t who = mm->ref >= 0 ? mm->ref : (int32_t)m;
            size_t b = mm->end;
            if (b < end && (is_word(t, b, "said") || is_word(t, b, "says") || is_word(t, b, "told") ||
                            is_word(t, b, "added")))
                last_speaker = who;
            if (mm->first > se->first &&
                (is_word(t, mm->first - 1, "said") || is_word(t, mm->first - 1, "says")))
                last_speaker = who;
            if (!(mm->flags & AM_PRONOUN))
                last_person = (int32_t)m;
        }
        for (size_t m = men0; m < doc->nmen; m++) {
            if (doc->men[m].flags & (AM_PERSON | AM_AGENT_ONLY | AM_PRONOUN) || !doc->men[m].code[0])
                continue;
            if (doc->men[m].flags & AM_PLURAL)
                last_plural = (int32_t)m;
            else
                last_nonperson = (int32_t)m;
        }
    }
    return 0;
}
