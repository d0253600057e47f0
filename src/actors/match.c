/* match.c - finding actors in a document and resolving what refers to them.
 *
 * Reads the token array (word ids, case flags, tags), the syntax stage's noun
 * phrases and clauses (dy_syn) and the trie built by dict.c; writes doc->men in
 * text order and doc->syn.np[].actor. Per sentence:
 *  1. longest trie match at each token -> raw actor, agent, title and
 *     description matches;
 *  2. combination: ACTOR [adjectives] AGENT ("Russian troops" RUS+MIL,
 *     "Kremlin forces", "the Bush administration"), ACTOR 's AGENT, AGENT of
 *     [the] ACTOR, AGENT in COUNTRY for @located agents ("police in Kenya"),
 *     COUNTRY TITLE NAME ("U.S. President Joe Biden"), TITLE Name [of COUNTRY]
 *     for people the dictionaries do not know, "former" titles -> ELI; an
 *     agent that modifies a noun ("military aid") is no actor, a known
 *     person's surname after an unknown first name is someone else;
 *  3. dated codes chosen by the document's role date;
 *  4. unknown names in apposition to a title ("Ana Petrova, Bulgaria's
 *     foreign minister,") take the title's code; the surname of a person
 *     met earlier in the document (an unknown one with a title, or a known
 *     one by full name) names that person again ("Petrova", "Major");
 *  5. a role without a country (an unknown "President X", "the government")
 *     takes the sentence's one country when there is exactly one that is not
 *     behind a place preposition (the "context country", carried over
 *     sentences that name none);
 *  6. coreference, in text order: he/she/him/his/her to the speaker of the
 *     latest attribution when it is at most a sentence back, else to the
 *     nearest person in the last two sentences (subjects first, gender
 *     respected, an object pronoun not its clause's subject); it/its to the
 *     nearest organisation or country, they/them/their to the nearest group
 *     (one sentence back; expletive "it is" and object "it" left alone);
 *     descriptions ("the alliance", "its former Soviet partner") to the
 *     latest actor carrying one of their @tags, else their own code; a title
 *     without a name ("the new NATO secretary general") to the latest named
 *     person with its code; a definite agent ("the militant group") to the
 *     latest actor with its role; "its troops", "the country's envoy" to the
 *     owner's country. A resolved mention carries its referent's code and
 *     `ref` points at the first, named mention of the entity.
 * Everything lives on the stack or in doc->men: no allocation per token. */
#include "../core/internal.h"

#include <stdio.h>

#define MAX_RAW 256         /* dictionary matches per sentence */
#define MAX_SENT_MEN 512    /* mentions per sentence */
#define MAX_NAMES 64        /* surnames remembered per document */
#define MAX_GENDER 64       /* dictionary people whose gender was learned */
#define PERSON_WINDOW 2     /* sentences back for he/she */
#define THING_WINDOW 1      /* for it/they */
#define DESC_WINDOW 8       /* for descriptions and nameless titles */

enum { PK_NONE = 0, PK_PERSON, PK_THING, PK_PLURAL, PK_DESC };

typedef struct raw {
    uint32_t first, end;
    int32_t entry;
} raw;

typedef struct name_mem {
    char w[32];             /* the surname's normalised form (most names are
                               in no dictionary, so they have no word id) */
    uint8_t wl;
    uint8_t gender;
    uint8_t role;           /* the code is a bare role (AM_ROLE) */
    int32_t entry;          /* the dictionary person, -1 for an unknown one */
    char code[24];
} name_mem;

typedef struct astate {
    const dyad_ctx *ctx;
    const dy_actors *a;
    struct dyad_doc *doc;
    const dy_text *t;
    dy_syn *syn;
    int32_t day;
    name_mem nm[MAX_NAMES];
    size_t nnm;
    int32_t gm_entry[MAX_GENDER];
    uint8_t gm_g[MAX_GENDER];
    size_t ngm;
    int32_t last_speaker;   /* root mention of the latest attribution's speaker */
    int64_t speaker_sent;   /* sentence of that attribution */
    char ctx_country[4];    /* context country of the latest sentence with one */
    int ctx_known;          /* 1: ctx_country holds a country */
} astate;

static int domestic_role(const char *c);
static int state_code(const char *c);

/* ---- small helpers ---- */

static int tok_is(const dy_text *t, size_t i, const char *w)
{
    return i < t->ntok && dy_tok_is(t, &t->tok[i], w);
}

/* The raw match after match r, or NULL. */
static const raw *raw_next(const raw *rw, size_t r, size_t nrw)
{
    return r + 1 < nrw ? &rw[r + 1] : NULL;
}

/* Nouns of a state's allied force ("Iran's militia ally"). */
static const char *const ally_words[] = {"ally", "allies", "proxy", "proxies", "surrogate",
                                         "surrogates", "client", "clients", NULL};

/* Does a state's ally follow its possessive at token i ("of Turkey's
 * militia ally")? Then what comes before "of" is the ally's. */
static int ally_after(const dy_text *t, uint32_t i)
{
    if (!(tok_is(t, i, "'s") || tok_is(t, i, "'")))
        return 0;
    for (uint32_t k = i + 1; k < i + 4 && k < t->ntok; k++)
        if (dy_tok_in(t, k, ally_words))
            return 1;
    return 0;
}

static int lemma_is(const astate *st, size_t i, const char *w)
{
    const dy_tok *k = &st->t->tok[i];
    if (k->lemma && k->lemma != k->word)
        return !strcmp(dy_intern_str(&st->ctx->words, k->lemma), w);
    return dy_tok_is(st->t, k, w);
}

static int is_det(const dy_text *t, size_t i)
{
    return tok_is(t, i, "the") || tok_is(t, i, "this") || tok_is(t, i, "that") ||
           tok_is(t, i, "these") || tok_is(t, i, "those");
}

static int is_poss_pron(const dy_text *t, size_t i)
{
    return tok_is(t, i, "its") || tok_is(t, i, "their") || tok_is(t, i, "his") ||
           tok_is(t, i, "her") || tok_is(t, i, "our");
}

/* A particle of a surname: "van Boxmeer", "de Klerk", "bin Salman". */
static int is_particle(const dy_text *t, size_t i)
{
    static const char *const p[] = {"van", "von", "de", "der", "den", "da", "di", "du", "del",
                                    "della", "la", "le", "al", "el", "bin", "ibn", "ter", "dos"};
    for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
        if (tok_is(t, i, p[k]))
            return 1;
    return 0;
}

static int is_speech_word(const dy_text *t, size_t i)
{
    return tok_is(t, i, "said") || tok_is(t, i, "says") || tok_is(t, i, "told") ||
           tok_is(t, i, "added") || tok_is(t, i, "tells") || tok_is(t, i, "adds");
}

static int case_ok(const dy_tok *k, int req)
{
    if (req == CASE_ANY)
        return 1;
    if (req == CASE_CAP)
        return (k->flags & TF_CAP) != 0;
    return (k->flags & TF_ALLCAP) != 0;
}

static void cpy(char *dst, size_t n, const char *src)
{
    size_t l = strlen(src);
    if (l >= n)
        l = n - 1;
    memcpy(dst, src, l);
    dst[l] = 0;
}


/* Is the code a bare role ("GOV", "MIL", "GOVMIL"): an agent's code with no
 * country? */
static int role_only(const dy_mention *m)
{
    return m->code[0] && (m->flags & AM_ROLE) && !(m->flags & AM_PRONOUN);
}

/* ---- the trie ---- */

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
    /* the case requirements the word has on some edge (from the root) */
    unsigned cases = k->word < a->nedge_case ? a->edge_case[k->word] >> (node ? 0 : 4) & 7 : 7;
    if (!cases)
        return;
    for (int c = CASE_ANY; c <= CASE_UPPER; c++) {
        if (!(cases >> c & 1) || !case_ok(k, c))
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

/* snprintf(out, outn, "%.*s%s", an, a, b) without printf: every
 * composed code passes here */
static void cat2(char *out, size_t outn, const char *a, size_t an, const char *b)
{
    size_t la = strnlen(a, an), lb = strlen(b);
    if (la > outn - 1)
        la = outn - 1;
    if (lb > outn - 1 - la)
        lb = outn - 1 - la;
    memcpy(out, a, la);
    memcpy(out + la, b, lb);
    out[la + lb] = 0;
}

/* Country part of a code + role: "RUSGOV" + "MIL" -> "RUSMIL"; an
 * organisation keeps its whole code, and its own officials are the
 * organisation ("NATO officials" -> IGOWSTNAT). */
static void compose(char *out, size_t outn, const char *actor, const char *role)
{
    size_t al = strlen(actor);
    if (!strncmp(role, "IGO", 3) && role[3]) {
        /* an international role: peacekeepers are IGOPKO whatever their
         * nationality (codebook 3.3), a named body's are its own (IGOUNOPKO) */
        if (al >= 3 && dy_is_org_code(actor))
            snprintf(out, outn, "%s%s", actor, role + 3);
        else
            snprintf(out, outn, "%s", role);
        return;
    }
    if (al > 6 && !dy_is_org_code(actor) &&
        (!strncmp(role, "MIL", 3) || !strncmp(role, "GOV", 3) || !strncmp(role, "ELI", 3) ||
         !strncmp(role, "UAF", 3) || !strncmp(role, "REB", 3) || !strncmp(role, "INS", 3))) {
        /* a named group's commanders, leaders, officials and fighters are
         * the group ("commanders of the Rapid Support Forces": SDNREBRSF, not
         * SDNMIL; "its fighters": SDNREBRSF, not SDNUAF) */
        cat2(out, outn, actor, al, "");
        return;
    }
    if (al >= 3 && dy_is_org_code(actor)) {
        if (!strncmp(role, "GOV", 3) || !strncmp(role, "ELI", 3))
            cat2(out, outn, actor, al, "");
        else
            cat2(out, outn, actor, al, role);
    } else if (al >= 3 && !strncmp(role, "NGO", 3) && role[3])
        /* a country's own rights group is no international body: KENHRI */
        cat2(out, outn, actor, 3, role + 3);
    else if (al >= 3)
        cat2(out, outn, actor, 3, role);
    else
        cat2(out, outn, "", 0, role);
}

/* A known person named with a title: the person's own code, dated by the
 * dictionary; a title of former office ("former president", ELI) makes the
 * person an elite of the country; a person with no role on the document's
 * date takes the title's. */
static void person_code(char *out, size_t n, const char *person, const char *title_role)
{
    if (!strncmp(title_role, "ELI", 3) && strlen(person) >= 3 && !dy_is_org_code(person))
        snprintf(out, n, "%.3sELI", person);
    else if (strlen(person) == 3 && !dy_is_org_code(person) && strlen(title_role) == 3 &&
             !dy_is_org_code(title_role))
        /* no dated role on the document's date, but the text names one
         * ("Vice-President X" before the dictionary's term): the title's */
        snprintf(out, n, "%s%s", person, title_role);
    else
        cpy(out, n, person);
}

/* ---- mentions ---- */

static int32_t push_men(astate *st, uint32_t first, uint32_t end, uint32_t sent, const char *code,
                        uint32_t flags, int32_t entry, int32_t agent_entry)
{
    struct dyad_doc *doc = st->doc;
    if (DY_GROW(doc->men, doc->men_cap, doc->nmen + 1))
        return -1;
    dy_mention *m = &doc->men[doc->nmen++];
    memset(m, 0, sizeof *m);
    m->first = first;
    m->end = end;
    m->sent = sent;
    cpy(m->code, sizeof m->code, code);
    m->flags = flags;
    if (end > first && !(flags & AM_PERSON)) {
        /* the head: the last word, or the one before a phrase that places
         * it ("militants loyal to X", "troops of X") */
        uint32_t h = end - 1;
        for (uint32_t k = first + 1; k < end; k++)
            if (st->t->tok[k].tag == T_IN || st->t->tok[k].tag == T_TO ||
                (st->t->tok[k].tag == T_JJ && tok_is(st->t, k, "loyal"))) {
                h = k - 1;
                break;
            }
        const dy_tok *lt = &st->t->tok[h];
        const char *w = dy_tok_norm(st->t, lt);
        /* (a capitalised first word the tagger took for a name: "Militants
         * loyal to X said") */
        int first_pl = agent_entry >= 0 && lt->tag == T_NNP && h == st->t->sent[sent].first &&
                       lt->nlen > 3 && w[lt->nlen - 1] == 's' && w[lt->nlen - 2] != 's';
        if (lt->tag == T_NNS || lt->tag == T_NNPS || first_pl)
            m->flags |= AM_PLURAL;
    }
    m->entry = entry;
    m->agent_entry = agent_entry;
    m->ref = -1;
    if (agent_entry >= 0 && (flags & AM_PERSON)) {
        uint32_t tg = st->a->entries[agent_entry].tags;
        if (tg & st->a->tag_male)
            m->gender = AG_MALE;
        else if (tg & st->a->tag_female)
            m->gender = AG_FEMALE;
    }
    return (int32_t)doc->nmen - 1;
}

/* The mention of [m0, m1) covering token i, or -1. */
static int32_t mention_at(const struct dyad_doc *doc, size_t m0, size_t m1, uint32_t i)
{
    for (size_t m = m0; m < m1; m++)
        if (i >= doc->men[m].first && i < doc->men[m].end)
            return (int32_t)m;
    return -1;
}

/* Token coverage of one sentence, for the passes that add mentions. */
typedef struct cover {
    uint8_t bits[128];      /* 1024 tokens; longer sentences scan the mentions */
    uint32_t first, n;
} cover;

static void cover_init(cover *c, uint32_t first, uint32_t n)
{
    memset(c->bits, 0, sizeof c->bits);
    c->first = first;
    c->n = n;
}
static void cover_mark(cover *c, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b; i++)
        if (i - c->first < 1024)
            c->bits[(i - c->first) >> 3] |= (uint8_t)(1u << ((i - c->first) & 7));
}
static int covered(const cover *c, const struct dyad_doc *doc, size_t m0, uint32_t i)
{
    if (c->n <= 1024)
        return (c->bits[(i - c->first) >> 3] >> ((i - c->first) & 7)) & 1;
    return mention_at(doc, m0, doc->nmen, i) >= 0;
}

/* A run of capitalised name words starting at token i (at most 4), or 0.
 * Prefers the syntax stage's name run of the noun phrase there. */
static uint32_t name_run(const astate *st, uint32_t i, uint32_t end)
{
    const dy_text *t = st->t;
    if (i >= end || !(t->tok[i].flags & TF_CAP) ||
        (t->tok[i].kind != TK_WORD && t->tok[i].kind != TK_ABBR))
        return 0;
    int32_t np = st->syn->tok_np ? st->syn->tok_np[i] : -1;
    if (np >= 0) {
        const dy_np *n = &st->syn->np[np];
        if (n->name_first <= i && i < n->name_end && !(n->flags & NP_TIME))
            return n->name_end - i > 4 ? 4 : n->name_end - i;
        if (n->flags & NP_TIME)
            return 0;
    }
    if (t->tok[i].tag != T_NNP && t->tok[i].tag != T_NNPS)
        return 0;
    uint32_t k = i;
    while (k < end && k < i + 4 && (t->tok[k].flags & TF_CAP) &&
           (t->tok[k].kind == TK_WORD || t->tok[k].kind == TK_ABBR) &&
           (t->tok[k].tag == T_NNP || t->tok[k].tag == T_NNPS))
        k++;
    return k - i;
}

static int name_is(const dy_text *t, uint32_t i, const name_mem *n)
{
    const dy_tok *k = &t->tok[i];
    return k->nlen == n->wl && !memcmp(t->norm + k->norm, n->w, n->wl);
}

/* Remember the surname (token i) of an unknown person with its code. */
static void remember_name(astate *st, uint32_t i, const char *code, uint8_t gender, int role)
{
    const dy_tok *k = &st->t->tok[i];
    if (k->nlen >= sizeof st->nm[0].w || k->nlen < 2)
        return;
    for (size_t q = 0; q < st->nnm; q++)
        if (name_is(st->t, i, &st->nm[q])) {
            cpy(st->nm[q].code, sizeof st->nm[q].code, code);
            st->nm[q].role = (uint8_t)role;
            if (gender)
                st->nm[q].gender = gender;
            return;
        }
    if (st->nnm >= MAX_NAMES)
        return;
    name_mem *n = &st->nm[st->nnm++];
    memcpy(n->w, st->t->norm + k->norm, k->nlen);
    n->wl = (uint8_t)k->nlen;
    n->gender = gender;
    n->role = (uint8_t)role;
    n->entry = -1;
    cpy(n->code, sizeof n->code, code);
}

/* A dictionary person named in full ("John Major"): the surname alone later
 * in the document is the same person, even when the dictionaries do not list
 * it alone (a surname that is also a word). */
static void remember_person(astate *st, const dy_mention *m, uint32_t pfirst, uint32_t pend)
{
    const dy_aentry *e = &st->a->entries[m->entry];
    uint32_t last = pend - 1;
    if (e->kind != EK_ACTOR || !e->person || pend < pfirst + 2 ||
        !(st->t->tok[last].flags & TF_CAP) || st->t->tok[last].kind != TK_WORD)
        return;
    size_t before = st->nnm;
    remember_name(st, last, m->code, 0, 0);
    for (size_t q = 0; q < st->nnm; q++)
        if (name_is(st->t, last, &st->nm[q])) {
            if (q >= before || st->nm[q].entry < 0)
                st->nm[q].entry = m->entry;
            break;
        }
}

static int common_noun(const dy_text *t, uint32_t i)
{
    const dy_tok *k = &t->tok[i];
    return (k->tag == T_NN || k->tag == T_NNS) && !(k->flags & TF_CAP);
}

/* Is the agent match ending at token j a modifier of the noun after it
 * ("military aid")? Then it is no actor. Before a thing agents hold (@held),
 * over up to two nouns ("an army convoy", "a police supply truck"), it is
 * the thing's owner: an actor. */
static int holds(const dy_actors *a, const dy_text *t, uint32_t j, const raw *next)
{
    if (!next || !(a->entries[next->entry].tags & a->tag_held) || next->first < j ||
        next->first > j + 2)
        return 0;
    uint32_t i = j;
    while (i < next->first && common_noun(t, i))
        i++;
    return i == next->first;
}

/* Is the match a held noun of one lower-case word, which may stand among
 * the nouns before an agent ("boat" in "Vietnamese boat people")? */
static int nouns_held(const dy_actors *a, const dy_text *t, const raw *g)
{
    return (a->entries[g->entry].tags & a->tag_held) && g->end == g->first + 1 &&
           common_noun(t, g->first);
}

static int agent_modifies(const dy_actors *a, const dy_text *t, uint32_t j, uint32_t end,
                          const raw *next)
{
    if (j >= end)
        return 0;
    if (next && next->first == j)
        return 0;
    return common_noun(t, j) && !holds(a, t, j, next);
}

static int is_adj_like(const dy_text *t, size_t i)
{
    /* capitalised religious and political adjectives the tagger may take
     * for names: "Algerian Islamic militants", "Somali Islamist fighters" */
    static const char *const proper[] = {
        "islamic", "islamist", "muslim", "moslem", "christian", "catholic", "protestant",
        "orthodox", "jewish", "hindu", "buddhist", "sikh", "shiite", "shi'ite", "shia",
        "sunni", "maoist", "marxist", "communist", "socialist", "nationalist", "royalist",
        "leftist", "rightist", "separatist", "jihadist", "salafist", NULL};
    int g = t->tok[i].tag;
    return g == T_JJ || g == T_JJR || g == T_JJS || g == T_VBN || g == T_CD ||
           ((g == T_NNP || g == T_NN) && dy_tok_in(t, i, proper));
}

/* A description match [i, e): it must sit in a definite noun phrase ("the
 * 32-member military alliance", "its former Soviet partner"). Sets the
 * mention's first token: the determiner, or the word after a possessive
 * pronoun (which is a mention of its own). */
static int desc_span(const astate *st, uint32_t i, uint32_t e, uint32_t s_first, uint32_t *first)
{
    const dy_text *t = st->t;
    if (is_det(t, i)) {     /* the phrase was written with its determiner */
        *first = i;
        return 1;
    }
    int32_t np = st->syn->tok_np ? st->syn->tok_np[i] : -1;
    uint32_t d;
    if (np >= 0 && st->syn->np[np].first < i && st->syn->np[np].end >= e)
        d = st->syn->np[np].first;
    else if (i > s_first)
        d = i - 1;
    else
        return 0;
    if (is_det(t, d)) {
        *first = d;
        return 1;
    }
    if (is_poss_pron(t, d)) {
        *first = d + 1;
        return 1;
    }
    return 0;
}

/* Is the mention definite ("the president", "Ukraine's president")? An
 * owner's determiner is its thing's ("the migrant boat"). */
static int definite(const astate *st, const dy_mention *m, uint32_t s_first)
{
    const dy_text *t = st->t;
    if (m->flags & AM_OWNER)
        return 0;
    if (m->first > s_first && (is_det(t, m->first - 1) || is_poss_pron(t, m->first - 1)))
        return 1;
    for (uint32_t i = m->first; i < m->end; i++)
        if (t->tok[i].kind == TK_CLITIC)
            return 1;
    int32_t np = st->syn->tok_np ? st->syn->tok_np[m->end - 1] : -1;
    return np >= 0 && (st->syn->np[np].flags & NP_DEF) != 0;
}

/* Does a verb stand before token i, over time words ("announced Thursday
 * that", "said on Monday that")? */
static int after_verb(const astate *st, uint32_t i)
{
    const dy_text *t = st->t;
    const dy_syn *syn = st->syn;
    while (i > 0) {
        i--;
        if (dy_tag_is_verb(t->tok[i].tag))
            return 1;
        int32_t n = syn->tok_np ? syn->tok_np[i] : -1;
        if (!((n >= 0 && (syn->np[n].flags & NP_TIME)) || tok_is(t, i, "on")))
            return 0;
    }
    return 0;
}

/* The pronoun kind of token i (0: none); *g its gender. "it" followed by a
 * form of be, seem ... ("it is time", "it will be hard") is expletive. */
static int pronoun_kind(const astate *st, size_t i, size_t end, uint8_t *g)
{
    const dy_text *t = st->t;
    const dy_tok *k = &t->tok[i];
    *g = AG_UNKNOWN;
    if (k->nlen > 4 || k->kind != TK_WORD)
        return 0;
    if (dy_tok_is(t, k, "he") || dy_tok_is(t, k, "him") || dy_tok_is(t, k, "his")) {
        *g = AG_MALE;
        return PK_PERSON;
    }
    if (dy_tok_is(t, k, "she") || dy_tok_is(t, k, "her")) {
        *g = AG_FEMALE;
        return PK_PERSON;
    }
    if (dy_tok_is(t, k, "they") || dy_tok_is(t, k, "them") || dy_tok_is(t, k, "their"))
        return PK_PLURAL;
    if (dy_tok_is(t, k, "its"))
        return PK_THING;
    if (dy_tok_is(t, k, "it")) {
        size_t j = i + 1;
        while (j < end && (t->tok[j].tag == T_RB || t->tok[j].tag == T_MD))
            j++;
        if (j >= end || t->tok[j].kind == TK_CLITIC)
            return 0;
        static const char *const expl[] = {"be", "seem", "appear", "remain", "become", "look",
                                           "take", "rain", "matter", "happen", "mean", "sound"};
        for (size_t x = 0; x < sizeof expl / sizeof expl[0]; x++)
            if (lemma_is(st, j, expl[x]))
                return 0;
        if (i > 0 && (lemma_is(st, i - 1, "make") || lemma_is(st, i - 1, "find") ||
                      lemma_is(st, i - 1, "consider") ||
                      (tok_is(t, i - 1, "that") && !after_verb(st, i - 1))))
            return 0;   /* ("said that it would", "announced Thursday that it
                           has": the clause's subject) */
        /* only a subject ("it said", "which it wants"): an object "it" is
         * far more often a thing than an actor */
        if (!dy_tag_is_verb(t->tok[j].tag) && t->tok[j].tag != T_MD && t->tok[i + 1].tag != T_MD &&
            t->tok[i + 1].tag != T_RB)
            return 0;
        return PK_THING;
    }
    return 0;
}

/* ---- gender ---- */

static uint8_t gender_of(const astate *st, int32_t r)
{
    const dy_mention *m = &st->doc->men[r];
    if (m->gender)
        return m->gender;
    if (m->entry >= 0) {
        const dy_aentry *e = &st->a->entries[m->entry];
        uint32_t mf = st->a->tag_male | st->a->tag_female;
        if ((e->tags & mf) == mf && st->a->tag_male && st->a->tag_female)
            return AG_UNKNOWN;      /* "Clinton": either */
        if (e->tags & st->a->tag_male)
            return AG_MALE;
        if (e->tags & st->a->tag_female)
            return AG_FEMALE;
        for (size_t q = 0; q < st->ngm; q++)
            if (st->gm_entry[q] == m->entry)
                return st->gm_g[q];
        /* the people files tag every woman @female: the others are men */
        if (e->kind == EK_ACTOR && e->person && st->a->tag_female)
            return AG_MALE;
    }
    return AG_UNKNOWN;
}

static void learn_gender(astate *st, int32_t r, uint8_t g)
{
    dy_mention *m = &st->doc->men[r];
    if (!g || m->gender)
        return;
    m->gender = g;
    if (m->entry >= 0 && st->a->entries[m->entry].kind == EK_ACTOR && st->ngm < MAX_GENDER) {
        st->gm_entry[st->ngm] = m->entry;
        st->gm_g[st->ngm++] = g;
    } else if (m->entry < 0 && m->end > m->first) {
        for (size_t q = 0; q < st->nnm; q++)
            if (name_is(st->t, m->end - 1, &st->nm[q]))
                st->nm[q].gender = g;
    }
}

/* ---- coreference ---- */

/* Is mention m the first of a coordination of actors that is a clause's
 * subject ("Japan and South Korea ... said they")? */
static int coordinated(const astate *st, const dy_mention *m)
{
    const dy_syn *syn = st->syn;
    if (!(m->flags & AM_SUBJ))
        return 0;   /* (the subject's: not "in Iraq and Kuwait") */
    int32_t np = syn->tok_np ? syn->tok_np[m->first] : -1;
    if (np < 0 || syn->np[np].conj < 0)
        return 0;
    const dy_np *c = &syn->np[syn->np[np].conj];
    for (size_t k = (size_t)(m - st->doc->men) + 1; k < st->doc->nmen; k++) {
        const dy_mention *x = &st->doc->men[k];
        if (x->first >= c->end)
            break;
        if (x->first >= c->first && x->code[0])
            return 1;
    }
    return 0;
}

/* Can root r be what a pronoun of kind pk (gender g) refers to? */
static int pron_fits(const astate *st, int32_t r, int pk, uint8_t g)
{
    const dy_mention *m = &st->doc->men[r];
    if (!m->code[0] || (m->flags & AM_PENDING))
        return 0;
    switch (pk) {
    case PK_PERSON: {
        if (!(m->flags & AM_PERSON))
            return 0;
        uint8_t mg = gender_of(st, r);
        return !g || !mg || g == mg;
    }
    case PK_THING:
        /* a named body is "it" even with a plural name ("Rapid Support
         * Forces") */
        if (m->entry >= 0 && m->agent_entry < 0 && !(m->flags & AM_PERSON))
            return 1;
        return !(m->flags & (AM_PERSON | AM_PLURAL | AM_AGENT_ONLY));
    case PK_PLURAL:
        return ((m->flags & AM_PLURAL) && !(m->flags & AM_PERSON)) || coordinated(st, m);
    }
    return 0;
}

/* The root mention a clause's subject is, for an object pronoun at token i
 * ("Zelenskyy thanked him": him is not Zelenskyy); -1. */
static int32_t clause_subject_of_object(const astate *st, uint32_t sent, uint32_t i, size_t m0,
                                        size_t m1)
{
    const dy_syn *syn = st->syn;
    if (!syn->tok_np || !syn->sent_vg || syn->tok_np[i] < 0)
        return -1;
    int32_t np = syn->tok_np[i];
    for (uint32_t v = syn->sent_vg[sent]; v < syn->sent_vg[sent + 1]; v++) {
        const dy_vg *g = &syn->vg[v];
        if (g->obj == np && g->subj >= 0) {
            int32_t m = mention_at(st->doc, m0, m1, syn->np[g->subj].head);
            return m >= 0 ? dy_men_root(st->doc, m) : -1;
        }
    }
    return -1;
}

/* Are roots a and b the same entity (one dictionary entry mentioned twice)? */
static int same_entity(const struct dyad_doc *doc, int32_t a, int32_t b)
{
    if (a < 0 || b < 0)
        return 0;
    return a == b || (doc->men[a].entry >= 0 && doc->men[a].entry == doc->men[b].entry &&
                      doc->men[a].agent_entry == doc->men[b].agent_entry);
}

static int is_object_pronoun(const dy_text *t, uint32_t i)
{
    return tok_is(t, i, "him") || tok_is(t, i, "them") || tok_is(t, i, "it") ||
           (tok_is(t, i, "her") && t->tok[i].tag == T_PRP);
}

static int32_t resolve_pronoun(astate *st, int32_t m, size_t s_men0)
{
    struct dyad_doc *doc = st->doc;
    const dy_mention *pm = &doc->men[m];
    int pk = pm->pron;
    uint8_t g = pm->gender;
    uint32_t s = pm->sent;
    uint32_t window = pk == PK_PERSON ? PERSON_WINDOW : THING_WINDOW;
    int32_t not_this = is_object_pronoun(st->t, pm->first)
                           ? clause_subject_of_object(st, s, pm->first, s_men0, (size_t)m)
                           : -1;
    /* the speaker of the latest attribution, a sentence back at most */
    if (pk == PK_PERSON && st->last_speaker >= 0 && st->speaker_sent + 1 >= (int64_t)s &&
        !same_entity(doc, st->last_speaker, not_this) && pron_fits(st, st->last_speaker, pk, g))
        return st->last_speaker;
    /* the nearest sentence with a fitting mention; its latest subject first,
     * except that a possessive or object pronoun takes the nearest mention
     * of its own sentence ("X welcomed memos from Y on its role") */
    int nominative = !is_poss_pron(st->t, pm->first) && !is_object_pronoun(st->t, pm->first);
    int32_t best = -1, best_subj = -1;
    uint32_t bsent = 0;
    for (int32_t j = m - 1; j >= 0; j--) {
        const dy_mention *c = &doc->men[j];
        if (c->sent + window < s || (best >= 0 && c->sent != bsent))
            break;
        if (c->flags & AM_PENDING)
            continue;
        int32_t r = dy_men_root(doc, j);
        if (same_entity(doc, r, not_this) || !pron_fits(st, r, pk, g))
            continue;
        if (best < 0) {
            best = r;
            bsent = c->sent;
        }
        if ((c->flags & AM_SUBJ) && best_subj < 0)
            best_subj = r;
    }
    if (best >= 0 && bsent == s && !nominative)
        return best;
    return best_subj >= 0 ? best_subj : best;
}

/* A description ("the alliance"): the latest actor carrying one of its tags,
 * not the one its possessor refers to ("its former Soviet partner"). Returns
 * the entry to take the code of, or -1; *ref gets the referent mention. */
static int32_t resolve_desc(astate *st, int32_t m, size_t s_men0, int32_t *ref)
{
    struct dyad_doc *doc = st->doc;
    const dy_actors *a = st->a;
    const dy_mention *dm = &doc->men[m];
    uint32_t tags = a->entries[dm->entry].tags;
    *ref = -1;
    char notc[4] = "";
    if (dm->first > 0 && is_poss_pron(st->t, dm->first - 1)) {
        int32_t pm = mention_at(doc, s_men0, (size_t)m, dm->first - 1);
        if (pm >= 0 && doc->men[pm].code[0] && !dy_is_org_code(doc->men[pm].code))
            memcpy(notc, doc->men[pm].code, 3), notc[3] = 0;
    }
    for (int32_t j = m - 1; j >= 0; j--) {
        const dy_mention *c = &doc->men[j];
        if (c->sent + DESC_WINDOW < dm->sent)
            break;
        if (c->flags & AM_PENDING)
            continue;
        /* the entity: the mention's own entry ("NATO secretary general" is
         * NATO's), else what it refers to */
        int32_t en = c->entry;
        if (en < 0 || a->entries[en].kind != EK_ACTOR)
            en = doc->men[dy_men_root(doc, j)].entry;
        if (en < 0 || !(a->entries[en].tags & tags) || a->entries[en].kind != EK_ACTOR)
            continue;
        const char *code = code_of(a, &a->entries[en], st->day);
        if (!code[0] || (notc[0] && !strncmp(code, notc, 3)))
            continue;
        /* refer to its latest plain mention ("NATO", not "NATO troops") */
        for (int32_t k = j; k >= 0; k--) {
            const dy_mention *p = &doc->men[k];
            if (p->entry == en && p->agent_entry < 0 && !(p->flags & (AM_PRONOUN | AM_DESC))) {
                *ref = k;
                break;
            }
        }
        return en;
    }
    return -1;
}

/* Does the title word of the bare title mention tm ("the minister") stand in
 * mention c ("Germany's foreign minister Annalena Baerbock")? */
static int title_word_in(const dy_text *t, const dy_mention *tm, const dy_mention *c)
{
    uint32_t w = t->tok[tm->end - 1].word;
    for (uint32_t i = c->first; w && i < c->end; i++)
        if (t->tok[i].word == w)
            return 1;
    return 0;
}

/* A title without a name ("the new NATO secretary general", "the Ukrainian
 * president"): the latest named person with its code, introduced with the
 * same title, or any dictionary person when the title names one person per
 * country (@head). Returns the root or -1. */
static int32_t resolve_title(astate *st, int32_t m)
{
    struct dyad_doc *doc = st->doc;
    const dy_actors *a = st->a;
    const dy_mention *tm = &doc->men[m];
    int head = (a->entries[tm->agent_entry].tags & a->tag_head) != 0;
    int bare = role_only(tm);
    int32_t best = -1;
    uint32_t bsent = 0;
    for (int32_t j = m - 1; j >= 0; j--) {
        const dy_mention *c = &doc->men[j];
        if (c->sent + DESC_WINDOW < tm->sent || (best >= 0 && c->sent != bsent))
            break;
        if (c->flags & AM_PENDING)
            continue;
        int32_t r = dy_men_root(doc, j);
        const dy_mention *rm = &doc->men[r];
        if (!(rm->flags & AM_NAMED) || !rm->code[0])
            continue;
        int fits = bare ? strlen(rm->code) > 3 && strstr(rm->code + 3, tm->code) != NULL
                        : !strcmp(rm->code, tm->code);
        if (!fits)
            continue;
        int same_title = c->agent_entry == tm->agent_entry || rm->agent_entry == tm->agent_entry ||
                         title_word_in(st->t, tm, c) || title_word_in(st->t, tm, rm);
        int dict_person = rm->entry >= 0 && a->entries[rm->entry].person &&
                          a->entries[rm->entry].kind == EK_ACTOR;
        if (!same_title && !(head && dict_person))
            continue;
        /* of the fitting people of the nearest sentence, its subject first
         * ("X met Y ... The president said": X) */
        if (best < 0) {
            best = r;
            bsent = c->sent;
        }
        if (c->flags & AM_SUBJ)
            return r;
    }
    return best;
}

/* A definite agent with no country ("the government", "the militant
 * group"): the latest organisation or country mention, at most two sentences
 * back, whose role is the agent's ("Kyiv" UKRGOV, "Hamas" PSEREBHMS). */
static int32_t resolve_role(astate *st, int32_t m)
{
    struct dyad_doc *doc = st->doc;
    const dy_mention *am = &doc->men[m];
    size_t rl = strlen(am->code);
    for (int32_t j = m - 1; j >= 0; j--) {
        const dy_mention *c = &doc->men[j];
        if (c->sent + PERSON_WINDOW < am->sent)
            break;
        if (c->flags & AM_PENDING)
            continue;
        int32_t r = dy_men_root(doc, j);
        const dy_mention *rm = &doc->men[r];
        if ((rm->flags & (AM_PERSON | AM_AGENT_ONLY)) || strlen(rm->code) < 3 + rl ||
            strncmp(rm->code + 3, am->code, rl) || !strncmp(rm->code, "IGO", 3))
            continue;
        return r;
    }
    return -1;
}

/* Is the agent mention a body's proper name: a capitalised agent word after
 * capitalised name words ("the Home Affairs Committee"), not a bare "the
 * Commission"? */
static int named_body(const astate *st, const dy_mention *m)
{
    const dy_text *t = st->t;
    if (m->end < m->first + 2 || !(t->tok[m->end - 1].flags & TF_CAP))
        return 0;
    for (uint32_t i = m->first; i + 1 < m->end; i++)
        if ((t->tok[i].flags & TF_CAP) && !is_det(t, i))
            return 1;
    return 0;
}

/* A definite title or agent starts with its noun phrase's determiner and
 * modifiers ("The new NATO secretary general"), when no mention is there. */
static void extend_to_np(astate *st, size_t m0, size_t m)
{
    dy_mention *mm = &st->doc->men[m];
    int32_t np = st->syn->tok_np ? st->syn->tok_np[mm->first] : -1;
    if (np < 0)
        return;
    uint32_t f = st->syn->np[np].first;
    if (f >= mm->first || !is_det(st->t, f) || (m > m0 && st->doc->men[m - 1].end > f))
        return;
    mm->first = f;
}

/* A role owned by what comes before it: "its troops", "their government",
 * "the country's envoy" (the owner a mention resolved before this one).
 * Returns the owner or -1. */
static int32_t role_owner(const astate *st, const dy_mention *am, size_t m0, size_t m)
{
    const dy_text *t = st->t;
    uint32_t b = am->first;
    if (b == 0 || b <= t->sent[am->sent].first)
        return -1;
    if (t->tok[b - 1].kind == TK_CLITIC && (tok_is(t, b - 1, "'s") || tok_is(t, b - 1, "'")))
        b--;
    else if (!is_poss_pron(t, b - 1))
        return -1;
    int32_t o = mention_at(st->doc, m0, m, b - 1);
    if (o < 0 || st->doc->men[o].end != b)
        return -1;
    const dy_mention *om = &st->doc->men[o];
    if (!om->code[0] || role_only(om) || (om->flags & AM_PENDING))
        return -1;
    return o;
}

/* The person a nameless title is in apposition with ("Rutte, NATO's chief";
 * "Bulgaria's foreign minister, Ana Petrova"), or -1. */
static int32_t appos_person(const astate *st, const dy_mention *tm, size_t m0, size_t m1)
{
    const dy_syn *syn = st->syn;
    if (!syn->tok_np)
        return -1;
    int32_t np = syn->tok_np[tm->end - 1];
    if (np < 0 || syn->np[np].appos < 0)
        return -1;
    const dy_np *o = &syn->np[syn->np[np].appos];
    int32_t pm = mention_at(st->doc, m0, m1, o->head);
    if (pm < 0 || !(st->doc->men[pm].flags & AM_NAMED))
        return -1;
    return dy_men_root(st->doc, pm);
}

/* Attribution verbs of the sentence passed before token pos set the speaker. */
static void note_speakers(astate *st, uint32_t s, uint32_t *vi, uint32_t pos, size_t m0, size_t m1)
{
    const dy_syn *syn = st->syn;
    const dy_text *t = st->t;
    if (!syn->sent_vg)
        return;
    for (; *vi < syn->sent_vg[s + 1] && syn->vg[*vi].head < pos; (*vi)++) {
        const dy_vg *g = &syn->vg[*vi];
        if (!(g->flags & (VG_SPEECH | VG_ACCORDING)))
            continue;
        int32_t m = -1;
        if (g->subj >= 0)
            m = mention_at(st->doc, m0, m1, syn->np[g->subj].head);
        else if (is_speech_word(t, g->head)) {
            /* "..., Rutte said" / "said Rutte" */
            if (g->first > t->sent[s].first)
                m = mention_at(st->doc, m0, m1, g->first - 1);
            if (m >= 0 && st->doc->men[m].end != g->first)
                m = -1;
            if (m < 0 && g->end < t->sent[s].first + t->sent[s].ntok) {
                m = mention_at(st->doc, m0, m1, g->end);
                if (m >= 0 && st->doc->men[m].first != g->end)
                    m = -1;
            }
        }
        if (m < 0 || (st->doc->men[m].flags & AM_PENDING))
            continue;
        int32_t r = dy_men_root(st->doc, m);
        if (!(st->doc->men[r].flags & AM_PERSON))
            continue;
        st->last_speaker = r;
        st->speaker_sent = s;
    }
}

/* ---- context country ---- */

/* Is token i a preposition that puts a country where something happens or
 * to whom it is done ("in Kyiv", "talks with Russia", "against Chilean
 * officials") rather than saying whose it is? Subordinators tagged IN
 * ("that", "because") and "according to" are not. */
static int place_prep(const dy_text *t, uint32_t i)
{
    static const char *const preps[] = {"in", "into", "to", "from", "at", "on", "inside", "near",
                                        "across", "toward", "towards", "through", "throughout",
                                        "within", "against", "with", "over", "via", "between",
                                        "by", "for", "outside", "onto", "around", "among"};
    if (t->tok[i].tag != T_IN && t->tok[i].tag != T_TO)
        return 0;
    if (tok_is(t, i, "to") && i > 0 && tok_is(t, i - 1, "according"))
        return 0;
    for (size_t k = 0; k < sizeof preps / sizeof preps[0]; k++)
        if (tok_is(t, i, preps[k]))
            return 1;
    return 0;
}

/* The one country the sentence names outside prepositional phrases (with
 * all, also its people behind one), or "" when it names several; *any says
 * whether it names one at all. */
static void sentence_country(const astate *st, size_t m0, size_t m1, uint32_t s_first, char out[4],
                             int *any, int all)
{
    const dy_actors *a = st->a;
    const dy_text *t = st->t;
    uint32_t want = a->tag_country | a->tag_capital | a->tag_region;
    out[0] = 0;
    *any = 0;
    int amb = 0;
    for (size_t m = m0; m < m1; m++) {
        const dy_mention *mm = &st->doc->men[m];
        if (mm->entry < 0 || (mm->flags & (AM_PERSON | AM_PENDING | AM_PRONOUN)) ||
            !(a->entries[mm->entry].tags & want))
            continue;
        const char *c = code_of(a, &a->entries[mm->entry], st->day);
        if (strlen(c) < 3)
            continue;
        *any = 1;
        /* behind a preposition: "arrived in Kyiv", "talks with Russia" */
        uint32_t b = mm->first;
        int32_t np = st->syn->tok_np ? st->syn->tok_np[b] : -1;
        if (np >= 0 && st->syn->np[np].first < b)
            b = st->syn->np[np].first;
        if (b > s_first && place_prep(t, b - 1) && !(all && mm->agent_entry >= 0))
            continue;   /* (with all, a country's people behind one count:
                           "against Chilean officials") */
        if (!out[0])
            memcpy(out, c, 3), out[3] = 0;
        else if (strncmp(out, c, 3))
            amb = 1;
    }
    if (amb)
        out[0] = 0;
}

/* Is the mention a counterpart ("his Indian counterpart")? It is of another
 * country than whose counterpart it is: no context country for it. */
static int counterpart(const dy_actors *a, const dy_mention *m)
{
    return m->agent_entry >= 0 && (a->entries[m->agent_entry].tags & a->tag_counterpart);
}

/* A role without a country takes the context country; not the
 * international roles ("the international community", "donors"). */
static void apply_country(astate *st, dy_mention *m, const char *country)
{
    if (!domestic_role(m->code) && !state_code(m->code))
        return;   /* INT, UIS, NGO, IGO ... */
    char c2[24];
    compose(c2, sizeof c2, country, m->code);
    cpy(m->code, sizeof m->code, c2);
    m->flags &= ~(uint32_t)(AM_ROLE | AM_AGENT_ONLY);
    m->flags |= AM_LOCATED;   /* the country is the context's, not named */
    if ((m->flags & AM_NAMED) && m->entry < 0)
        remember_name(st, m->end - 1, m->code, m->gender, 0);
}

/* ---- one sentence ---- */

/* "the foreign ministers of France and Germany": a country coordinated with
 * the owner of a plural agent takes the agent's role too (DEUGOV). */
static void of_coordination(astate *st, size_t m0)
{
    struct dyad_doc *doc = st->doc;
    const dy_text *t = st->t;
    for (size_t m = m0 + 1; m < doc->nmen; m++) {
        dy_mention *c = &doc->men[m];
        const dy_mention *p = &doc->men[m - 1];
        if (c->entry < 0 || c->agent_entry >= 0 || strlen(c->code) != 3 || !state_code(c->code) ||
            p->agent_entry < 0 || p->entry < 0 || !(p->flags & AM_PLURAL) || strlen(p->code) < 6 ||
            !(st->a->entries[c->entry].tags & st->a->tag_country) || p->end + 1 != c->first ||
            !tok_is(t, p->end, "and"))
            continue;
        int of = 0;
        for (uint32_t i = p->first; i < p->end && !of; i++)
            of = tok_is(t, i, "of");
        if (!of)
            continue;
        char c2[24];
        snprintf(c2, sizeof c2, "%.3s%s", c->code, p->code + 3);
        cpy(c->code, sizeof c->code, c2);
    }
}

static void sort_sentence(struct dyad_doc *doc, size_t m0)
{
    for (size_t x = m0 + 1; x < doc->nmen; x++) {
        dy_mention m = doc->men[x];
        size_t y = x;
        while (y > m0 && doc->men[y - 1].first > m.first) {
            doc->men[y] = doc->men[y - 1];
            y--;
        }
        doc->men[y] = m;
    }
}

/* "forces loyal to X", "militiamen loyal to President X": the agent serves
 * X, a country, group or person (whose country it takes). The number of
 * matches after rw[r] the phrase spans (the actor is the last), 0 if none. */
static size_t loyal_to(const dy_actors *a, const dy_text *t, const raw *rw, size_t r, size_t nrw)
{
    uint32_t at = rw[r].end;
    if (!tok_is(t, at, "loyal") || !tok_is(t, at + 1, "to") || r + 1 >= nrw)
        return 0;
    const raw *n = &rw[r + 1];
    if (!(n->first == at + 2 || (n->first == at + 3 && tok_is(t, at + 2, "the"))))
        return 0;
    const dy_aentry *e = &a->entries[n->entry];
    if (e->kind == EK_ACTOR)
        return 1;
    /* a title and the person it names */
    if (e->kind == EK_AGENT && e->person && r + 2 < nrw && rw[r + 2].first == n->end &&
        a->entries[rw[r + 2].entry].kind == EK_ACTOR && a->entries[rw[r + 2].entry].person)
        return 2;
    return 0;
}

/* Is token i one word "X-led" ("Saudi-led", "US-led")? */
static int led_token(const dy_text *t, uint32_t i)
{
    const dy_tok *k = &t->tok[i];
    return k->kind == TK_WORD && k->nlen > 4 && !memcmp(dy_tok_norm(t, k) + k->nlen - 4, "-led", 4);
}

/* Is token i a military undertaking a state may lead ("the Saudi-led
 * coalition", "a U.S.-led invasion")? */
static int led_head(const dy_text *t, uint32_t i)
{
    static const char *const w[] = {"coalition", "alliance", "force", "mission", "operation",
                                    "operations", "campaign", "intervention", "offensive",
                                    "invasion", "blockade", "airstrikes", "strikes", "bombing",
                                    "raid", "raids", "occupation"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++)
        if (tok_is(t, i, w[k]))
            return 1;
    return 0;
}

/* A group named by a description ("Maoist rebels": a phrase ending in a
 * lower-case word, not a name) whose default code is another country's,
 * right after a country ("Nepal's Maoist rebels", "Peruvian Maoist
 * rebels"): the country with the group's role. Rewrites code; 1 if so. */
static int own_group(const astate *st, const raw *g, char code[24])
{
    const dy_aentry *ge = &st->a->entries[g->entry];
    if (ge->kind != EK_ACTOR || ge->person || (st->t->tok[g->end - 1].flags & TF_CAP))
        return 0;
    const char *gc = code_of(st->a, ge, st->day);
    if (strlen(gc) < 6 || dy_is_org_code(gc) || !state_code(gc) || !domestic_role(gc + 3) ||
        !strncmp(gc, code, 3) || strlen(code) < 3)
        return 0;
    char c2[24];
    snprintf(c2, sizeof c2, "%.3s%.3s", code, gc + 3);
    memcpy(code, c2, sizeof c2);
    return 1;
}

/* Is the match a people's adjective standing alone for its language after
 * "in" or "into" ("broadcast in Kurdish", "translated into French")? The
 * adjectives of most languages end so (no country's name does), and a few
 * are listed. */
static int language(const astate *st, const raw *g)
{
    static const char *const end[] = {"ish", "ese", "ian", "ic"};
    static const char *const other[] = {"french", "german", "greek", "dutch", "hebrew"};
    const dy_text *t = st->t;
    const dy_tok *k = &t->tok[g->first];
    if (g->end != g->first + 1 || g->first == 0 ||
        !(tok_is(t, g->first - 1, "in") || tok_is(t, g->first - 1, "into")) ||
        (g->end < t->ntok && (t->tok[g->end].tag == T_NN || t->tok[g->end].tag == T_NNS ||
                              t->tok[g->end].tag == T_NNP || t->tok[g->end].tag == T_NNPS)))
        return 0;
    /* the head of its noun phrase, not a modifier ("in Swedish politics") */
    int32_t np = st->syn->tok_np ? st->syn->tok_np[g->first] : -1;
    if (np < 0 || st->syn->np[np].head != g->first)
        return 0;
    const char *w = dy_tok_norm(t, k);
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        if (tok_is(t, g->first, other[i]))
            return 1;
    for (size_t i = 0; i < sizeof end / sizeof end[0]; i++) {
        size_t n = strlen(end[i]);
        if (k->nlen > n + 2 && !memcmp(w + k->nlen - n, end[i], n))
            return 1;
    }
    return 0;
}

/* Build the mentions of sentence s from its dictionary matches. */
static int combine(astate *st, uint32_t s, const raw *rw, size_t nrw)
{
    const dy_actors *a = st->a;
    const dy_text *t = st->t;
    const dy_sent *se = &t->sent[s];
    uint32_t end = se->first + se->ntok;
    for (size_t r = 0; r < nrw; r++) {
        const dy_aentry *e = &a->entries[rw[r].entry];
        const raw *next = raw_next(rw, r, nrw);
        uint32_t first = rw[r].first, mend = rw[r].end;
        char code[24];
        uint32_t flags = 0;
        int32_t agent_entry = -1, entry = rw[r].entry;
        int titled = 0, has_country = 0;
        uint32_t name_tok = UINT32_MAX;     /* last token of an unknown name */
        uint32_t pfirst = rw[r].first, pend = rw[r].end;   /* a known person's name */
        if (e->tags & a->tag_held)
            continue;   /* a thing an agent holds: no actor of its own */
        if (e->kind == EK_DESC) {
            /* a capitalised head is a name ("the Palestinian Liberation
             * Organization"), not a description */
            if ((t->tok[mend - 1].flags & TF_CAP) && mend - 1 > se->first)
                continue;
            if (!desc_span(st, rw[r].first, rw[r].end, se->first, &first))
                continue;
            /* modifiers inside the description are part of it ("its former
             * Soviet partner"); one that is itself of the kind described
             * names the referent ("the Azerbaijani republic", "the radical
             * Palestinian Islamic Jihad movement"), as does "of" + actor
             * after it ("the former Soviet republic of Georgia") */
            int32_t direct = -1;
            while (st->doc->nmen > 0 && st->doc->men[st->doc->nmen - 1].sent == s &&
                   st->doc->men[st->doc->nmen - 1].first >= first) {
                const dy_mention *in = &st->doc->men[st->doc->nmen - 1];
                if (in->entry >= 0 && in->agent_entry < 0 && (a->entries[in->entry].tags & e->tags) &&
                    !(in->first > first && (tok_is(t, in->first - 1, "former") ||
                                            tok_is(t, in->first - 1, "ex"))))
                    direct = in->entry;
                st->doc->nmen--;
            }
            if (tok_is(t, mend, "of") && next && next->first == mend + 1 &&
                a->entries[next->entry].kind == EK_ACTOR && (a->entries[next->entry].tags & e->tags)) {
                direct = next->entry;
                mend = next->end;
                r++;
            } else if (tok_is(t, mend, "of") && direct < 0) {
                /* "the group of experts": the phrase says what it is */
                continue;
            }
            int32_t m = push_men(st, first, mend, s,
                                 code_of(a, direct >= 0 ? &a->entries[direct] : e, st->day),
                                 direct >= 0 ? AM_DESC : AM_PENDING, direct >= 0 ? direct : entry, -1);
            if (m < 0)
                return -1;
            if (direct < 0)
                st->doc->men[m].pron = PK_DESC;
            continue;
        }
        if (e->kind == EK_ACTOR) {
            if (language(st, &rw[r]))
                continue;
            /* a person's surname after a first name the dictionaries do not
             * know is someone else ("Hassan Abbas" is not Mahmoud Abbas) */
            if (e->person && mend == first + 1 && first > se->first &&
                (t->tok[first - 1].flags & TF_CAP) && t->tok[first - 1].tag == T_NNP &&
                t->tok[first - 1].kind == TK_WORD && !(r > 0 && rw[r - 1].end == first))
                continue;
            cpy(code, sizeof code, code_of(a, e, st->day));
            if (e->person)
                flags |= AM_PERSON | AM_NAMED;
            /* ACTOR ['s] [adj]* AGENT */
            uint32_t j = mend;
            int led = led_token(t, mend - 1);   /* "the Saudi-led coalition" */
            if (!led && tok_is(t, j, "-") && tok_is(t, j + 1, "led")) {
                led = 1;   /* "U.S.-led" is cut into three tokens */
                j += 2;
            }
            uint32_t led_at = j;
            if (tok_is(t, j, "'s") || tok_is(t, j, "'"))
                j++;
            int nouns = 0;   /* "the U.N. war crimes court", "Russian border guards" */
            int name_and = 0;   /* an "and" inside a body's name */
            int body = next && (a->entries[next->entry].tags & a->tag_body) && next->first > j &&
                       next->first <= mend + 5;
            while (j < end && j < mend + (body ? 5 : 3)) {
                if (next && next->first == j) {
                    if (!nouns_held(a, t, next))
                        break;
                    /* a held noun among the nouns is one ("Vietnamese boat
                     * people") */
                    r++;
                    next = raw_next(rw, r, nrw);
                    nouns = 1;
                } else if (!(is_adj_like(t, j) || (common_noun(t, j) && (nouns = 1)) ||
                             /* a body's name: "the Liberian Peace Council" */
                             (body && (t->tok[j].flags & TF_CAP) && t->tok[j].kind == TK_WORD &&
                              (nouns = 1)) ||
                             /* "the Economic and Financial Crimes Commission" */
                             (body && nouns && tok_is(t, j, "and") && j + 1 < end &&
                              (t->tok[j + 1].flags & TF_CAP) && (name_and = 1))))
                    break;
                j++;
            }
            if (!e->person && !led && (e->tags & a->tag_country) && next && next->first == j &&
                own_group(st, next, code)) {
                /* "Nepal's Maoist rebels": the country's, not India's */
                mend = next->end;
                r++;
                next = raw_next(rw, r, nrw);
                j = mend;
            }
            const dy_aentry *ag = next && next->first == j ? &a->entries[next->entry] : NULL;
            if (ag && nouns && !name_and) {
                /* over nouns only to the head of their noun phrase (the
                 * chunker splits a name at its "and") */
                int32_t np = st->syn->tok_np ? st->syn->tok_np[j] : -1;
                if (np < 0 || st->syn->np[np].head != next->end - 1 || st->syn->tok_np[mend - 1] != np)
                    ag = NULL;
            }
            if (ag && (ag->tags & a->tag_held))
                ag = NULL;
            if (ag && ag->kind == EK_AGENT && !(e->person && ag->person) &&
                (ag->person || !agent_modifies(a, t, next->end, end, r + 2 < nrw ? &rw[r + 2] : NULL))) {
                char c2[24];
                if ((ag->tags & a->tag_leading) && ((e->tags & a->tag_ethnic) || strlen(code) >= 6))
                    cpy(c2, sizeof c2, code);   /* a people's, a group's leaders are it */
                else
                    compose(c2, sizeof c2, code, code_of(a, ag, st->day));
                memcpy(code, c2, sizeof code);
                mend = next->end;
                agent_entry = next->entry;
                r++;
                next = raw_next(rw, r, nrw);
                /* a community's agents "of" a country belong to the country
                 * ("Kurdish residents of the Iraqi border towns") */
                uint32_t place = a->tag_country | a->tag_capital | a->tag_region;
                uint32_t of = mend + (tok_is(t, mend + 1, "the") ? 2 : 1);
                if (!(e->tags & place) && !ag->person && tok_is(t, mend, "of") && next &&
                    next->first == of && a->entries[next->entry].kind == EK_ACTOR &&
                    (a->entries[next->entry].tags & place)) {
                    compose(c2, sizeof c2, code_of(a, &a->entries[next->entry], st->day),
                            code_of(a, ag, st->day));
                    memcpy(code, c2, sizeof code);
                    entry = next->entry;
                    mend = next->end;
                    r++;
                    next = raw_next(rw, r, nrw);
                }
                /* a body's title: "Chinese Foreign Ministry spokesman" (the
                 * body's code); after an adjective the title's ("Pakistan's
                 * military ruler": PAKGOV) */
                if (!ag->person && next && next->first == mend &&
                    a->entries[next->entry].kind == EK_AGENT && a->entries[next->entry].person &&
                    code_of(a, &a->entries[next->entry], st->day)[0]) {
                    ag = &a->entries[next->entry];
                    if (t->tok[mend - 1].tag == T_JJ) {
                        compose(c2, sizeof c2, code, code_of(a, ag, st->day));
                        memcpy(code, c2, sizeof code);
                    }
                    mend = next->end;
                    agent_entry = next->entry;
                    r++;
                    next = raw_next(rw, r, nrw);
                }
                if (ag->person) {
                    titled = 1;
                    flags |= AM_PERSON;
                    /* COUNTRY TITLE PERSON: the person's own code wins */
                    if (next && next->first == mend && a->entries[next->entry].kind == EK_ACTOR &&
                        a->entries[next->entry].person) {
                        person_code(code, sizeof code, code_of(a, &a->entries[next->entry], st->day),
                                    code_of(a, ag, st->day));
                        pfirst = next->first;
                        pend = next->end;
                        entry = next->entry;
                        mend = next->end;
                        flags |= AM_NAMED;
                        r++;
                    } else if (!(next && next->first == mend)) {
                        /* COUNTRY TITLE Unknown Name */
                        uint32_t k = name_run(st, mend, end);
                        if (k) {
                            mend += k;
                            name_tok = mend - 1;
                            flags |= AM_NAMED;
                        }
                    }
                }
            } else if (led && led_at < end && led_head(t, led_at)) {
                /* "the U.S.-led coalition", "a Kenyan-led mission": the
                 * leading state's military; a body's own ("a UN-led
                 * mission": the UN's) */
                if (!dy_is_org_code(code)) {
                    char c2[24];
                    compose(c2, sizeof c2, code, "MIL");
                    memcpy(code, c2, sizeof code);
                }
                mend = led_at + 1;
            }
        } else {
            /* AGENT: "Title Person", "troops of Russia", "Title Unknown Name" */
            const char *role = code_of(a, e, st->day);
            agent_entry = rw[r].entry;
            entry = -1;
            cpy(code, sizeof code, role);
            if (e->person) {
                flags |= AM_PERSON;
                titled = 1;
            }
            uint32_t k;
            if (e->person && next && next->first == mend &&
                a->entries[next->entry].kind == EK_ACTOR && a->entries[next->entry].person) {
                person_code(code, sizeof code, code_of(a, &a->entries[next->entry], st->day), role);
                pfirst = next->first;
                pend = next->end;
                entry = next->entry;
                mend = next->end;
                flags |= AM_NAMED;
                has_country = 1;
                r++;
            } else if ((tok_is(t, mend, "of") || tok_is(t, mend, "from") ||
                        (tok_is(t, mend, "for") && (e->tags & a->tag_for)) ||
                        ((tok_is(t, mend, "in") || tok_is(t, mend, "throughout") ||
                          tok_is(t, mend, "across")) &&
                         (e->tags & a->tag_located))) &&
                       next &&
                       (next->first == mend + 1 ||
                        (next->first == mend + 2 && tok_is(t, mend + 1, "the"))) &&
                       a->entries[next->entry].kind == EK_ACTOR && !a->entries[next->entry].person &&
                       !ally_after(t, next->end)) {
                int speaks = tok_is(t, mend, "for");
                /* of adjacent names the last, the head: "a spokesman for the
                 * U.S. State Department" */
                while (r + 2 < nrw && rw[r + 2].first == rw[r + 1].end &&
                       a->entries[rw[r + 2].entry].kind == EK_ACTOR &&
                       !a->entries[rw[r + 2].entry].person)
                    r++;
                next = &rw[r + 1];
                char oc[24];   /* the owner, with its body ("the Brazilian Foreign Ministry") */
                cpy(oc, sizeof oc, code_of(a, &a->entries[next->entry], st->day));
                entry = next->entry;
                mend = next->end;
                const raw *bo = r + 2 < nrw ? &rw[r + 2] : NULL;
                if (bo && bo->first == mend && a->entries[bo->entry].kind == EK_AGENT &&
                    !a->entries[bo->entry].person && code_of(a, &a->entries[bo->entry], st->day)[0]) {
                    char c2[24];
                    compose(c2, sizeof c2, oc, code_of(a, &a->entries[bo->entry], st->day));
                    memcpy(oc, c2, sizeof oc);
                    mend = bo->end;
                    r++;
                }
                /* a spokesman speaks for the body, whatever its role */
                if (speaks && strlen(oc) > 3)
                    cpy(code, sizeof code, oc);
                else
                    compose(code, sizeof code, oc, role);
                has_country = 1;
                r++;
            } else if (!e->person && (k = loyal_to(a, t, rw, r, nrw)) > 0) {
                const raw *own = &rw[r + k];
                compose(code, sizeof code, code_of(a, &a->entries[own->entry], st->day), role);
                /* (forces loyal to a person are not the person: "he" is not them) */
                entry = a->entries[own->entry].person ? -1 : own->entry;
                mend = own->end;
                has_country = 1;
                r += k;
            } else if (e->person && !(next && next->first == mend) &&
                       (k = name_run(st, mend, end)) > 0) {
                /* Title Unknown Name: a role without a country, unless "of
                 * COUNTRY" follows ("Foreign Minister Ana Petrova of
                 * Bulgaria") */
                mend += k;
                name_tok = mend - 1;
                flags |= AM_NAMED;
                if ((tok_is(t, mend, "of") || tok_is(t, mend, "from")) && next &&
                    next->first == mend + 1 && a->entries[next->entry].kind == EK_ACTOR &&
                    (a->entries[next->entry].tags & (a->tag_country | a->tag_capital))) {
                    compose(code, sizeof code, code_of(a, &a->entries[next->entry], st->day), role);
                    mend = next->end;
                    has_country = 1;
                    r++;
                }
            } else if (!e->person && code[0] && next &&
                       (a->entries[next->entry].tags & a->tag_leading) &&
                       (next->first == mend ||
                        (next->first == mend + 1 && (tok_is(t, mend, "'s") || tok_is(t, mend, "'"))))) {
                /* a group's leaders are the group: "farmers' leaders" AGR */
                if (a->entries[next->entry].person) {
                    flags |= AM_PERSON;
                    titled = 1;
                }
                flags |= AM_AGENT_ONLY;
                mend = next->end;
                r++;
            } else {
                /* an agent word used as a modifier ("military aid") is no actor */
                if (!e->person && agent_modifies(a, t, mend, end, next))
                    continue;
                if (!e->person && holds(a, t, mend, next))
                    flags |= AM_OWNER;
                /* an honorific ("Mr.") names no one without a name */
                if (!code[0])
                    continue;
                if (!e->person)
                    flags |= AM_AGENT_ONLY;
            }
        }
        /* former officials are elites (codebook 3.2.4) */
        if (titled && first > se->first &&
            (tok_is(t, first - 1, "former") || tok_is(t, first - 1, "ex") ||
             tok_is(t, first - 1, "ousted") || tok_is(t, first - 1, "late")) &&
            strlen(code) >= 3 && !dy_is_org_code(code)) {
            char c2[24];
            compose(c2, sizeof c2, strlen(code) > 3 || entry >= 0 ? code : "", "ELI");
            cpy(code, sizeof code, c2);
        }
        if (e->kind == EK_AGENT && !has_country && code[0])
            flags |= AM_ROLE;
        int32_t m = push_men(st, first, mend, s, code, flags, entry, agent_entry);
        if (m < 0)
            return -1;
        dy_mention *mm = &st->doc->men[m];
        if (name_tok != UINT32_MAX)
            remember_name(st, name_tok, mm->code, mm->gender, (flags & AM_ROLE) != 0);
        else if (entry >= 0 && (flags & AM_NAMED) && a->entries[entry].person)
            remember_person(st, mm, pfirst, pend);
    }
    return 0;
}

/* A capitalised word no table knows that is a country's name less one
 * letter ("Kazakstan signed", "talks with Germay"), alone: not part
 * of a name ("Kelly Ayotte"). */
static int misspelt_country(const astate *st, uint32_t i, uint32_t s0, uint32_t end,
                            int32_t *entry)
{
    const dy_text *t = st->t;
    const dy_tok *k = &t->tok[i];
    if (k->word || k->kind != TK_WORD || !(k->flags & TF_CAP) || k->nlen < 6)
        return 0;
    if ((i > s0 && (t->tok[i - 1].flags & TF_CAP) && t->tok[i - 1].kind == TK_WORD) ||
        (i + 1 < end && (t->tok[i + 1].flags & TF_CAP) && t->tok[i + 1].kind == TK_WORD))
        return 0;
    *entry = dy_actors_typo(st->a, dy_tok_norm(st->t, k), k->nlen);
    return *entry >= 0;
}

/* A known first name and, after it, a capitalised word no table knows that
 * is the person's surname less one letter ("President Jacques
 * Chirc"). */
static int misspelt_person(const astate *st, uint32_t i, uint32_t end, int32_t *entry)
{
    const dy_text *t = st->t;
    if (i + 1 >= end)
        return 0;
    const dy_tok *f = &t->tok[i], *k = &t->tok[i + 1];
    if (!f->word || !(f->flags & TF_CAP) || f->kind != TK_WORD || k->word || k->kind != TK_WORD ||
        !(k->flags & TF_CAP))
        return 0;
    *entry = dy_actors_person_typo(st->ctx, f->word, dy_tok_norm(t, k), k->nlen);
    return *entry >= 0;
}

/* A one-word "X-led" whose X is a one-word actor of the dictionaries
 * ("Saudi-led", "US-led", "Kenyan-led"): that actor. */
static int led_actor(const astate *st, uint32_t i, int32_t *entry)
{
    const dy_text *t = st->t;
    const dy_tok *k = &t->tok[i];
    if (!led_token(t, i) || k->end - k->start <= 4)
        return 0;
    size_t n = k->nlen - 4u;
    uint32_t w = dy_word_find(st->ctx, dy_tok_norm(t, k), n);
    if (!w)
        return 0;
    /* the case of X alone: "US" is written in capitals, "Saudi" capitalised */
    const char *src = t->src + k->start;
    size_t sn = k->end - k->start - 4u;   /* (accents fold: the source may differ) */
    int upper = n >= 2;
    for (size_t c = 0; c < sn && upper; c++)
        upper = !(src[c] >= 'a' && src[c] <= 'z');
    for (int c = CASE_ANY; c <= CASE_UPPER; c++) {
        uint32_t child;
        if ((c == CASE_CAP && !(k->flags & TF_CAP)) || (c == CASE_UPPER && !upper) ||
            !dy_map_get(&st->a->edges, dy_edge_key(0, w, c), &child))
            continue;
        int32_t e = st->a->nodes[child].entry;
        if (e >= 0 && st->a->entries[e].kind == EK_ACTOR && !st->a->entries[e].person) {
            *entry = e;
            return 1;
        }
    }
    return 0;
}

static int do_sentence(astate *st, uint32_t s)
{
    const dy_actors *a = st->a;
    const dy_text *t = st->t;
    struct dyad_doc *doc = st->doc;
    const dy_sent *se = &t->sent[s];
    uint32_t end = se->first + se->ntok;
    raw rw[MAX_RAW];
    size_t nrw = 0;
    for (uint32_t i = se->first; i < end;) {
        int32_t entry;
        int n = longest(a, t, i, end, &entry);
        if (!n && misspelt_country(st, i, se->first, end, &entry))
            n = 1;
        if (!n && misspelt_person(st, i, end, &entry))
            n = 2;
        if (!n && led_actor(st, i, &entry))
            n = 1;
        if (n > 0 && nrw < MAX_RAW) {
            rw[nrw].first = i;
            rw[nrw].end = i + (uint32_t)n;
            rw[nrw].entry = entry;
            nrw++;
            i += (uint32_t)n;
        } else
            i++;
    }
    size_t m0 = doc->nmen;
    if (combine(st, s, rw, nrw))
        return -1;

    /* "Polish and Czech officials": the agent applies to both; over a comma
     * only inside such a list ("Polish, Czech and Slovak officials"), not
     * across clauses ("... against Peru, Chile's army said") */
    size_t spread = SIZE_MAX;   /* the mention that last got the agent so */
    for (size_t m = doc->nmen; m-- > m0 + 1;) {
        dy_mention *mb = &doc->men[m], *ma = &doc->men[m - 1];
        if (mb->agent_entry < 0 || mb->entry < 0 || ma->agent_entry >= 0 || strlen(ma->code) != 3 ||
            strlen(mb->code) <= 3 || dy_is_org_code(mb->code) || ma->pron || (ma->flags & AM_PERSON))
            continue;
        size_t gap = mb->first - ma->end;
        if (!((gap == 1 && (tok_is(t, ma->end, "and") || tok_is(t, ma->end, "or") ||
                            (tok_is(t, ma->end, ",") && m == spread))) ||
              (gap == 2 && tok_is(t, ma->end, ",") && tok_is(t, ma->end + 1, "and"))))
            continue;
        spread = m - 1;
        char c2[24];
        snprintf(c2, sizeof c2, "%.3s%s", ma->code, mb->code + 3);
        cpy(ma->code, sizeof ma->code, c2);
        ma->agent_entry = mb->agent_entry;
        ma->flags |= mb->flags & (AM_PLURAL | AM_PERSON);
    }

    cover cv;
    cover_init(&cv, se->first, se->ntok);
    for (size_t m = m0; m < doc->nmen; m++)
        cover_mark(&cv, doc->men[m].first, doc->men[m].end);

    /* unknown names in apposition to a nameless title */
    size_t nbuilt = doc->nmen;
    for (size_t m = m0; m < nbuilt && st->syn->tok_np; m++) {
        const dy_mention *tm = &doc->men[m];
        if (!(tm->flags & AM_PERSON) || (tm->flags & AM_NAMED) || tm->agent_entry < 0 ||
            !tm->code[0])
            continue;
        int32_t np = st->syn->tok_np[tm->end - 1];
        if (np < 0 || st->syn->np[np].appos < 0)
            continue;
        const dy_np *o = &st->syn->np[st->syn->np[np].appos];
        if (o->name_end <= o->name_first || o->name_end - o->name_first > 4 || o->sent != s)
            continue;
        int free_run = 1;
        for (uint32_t i = o->name_first; i < o->name_end; i++)
            if (covered(&cv, doc, m0, i))
                free_run = 0;
        if (!free_run)
            continue;
        char code[24];
        cpy(code, sizeof code, tm->code);
        uint8_t g = tm->gender;
        uint32_t role = tm->flags & AM_ROLE;   /* (tm dangles once push_men grows the array) */
        if (push_men(st, o->name_first, o->name_end, s, code, AM_PERSON | AM_NAMED | role, -1, -1) < 0)
            return -1;
        doc->men[doc->nmen - 1].gender = g;
        cover_mark(&cv, o->name_first, o->name_end);
        remember_name(st, o->name_end - 1, code, g, role != 0);
    }

    /* surnames of people met earlier in the document; pronouns */
    for (uint32_t i = se->first; i < end; i++) {
        const dy_tok *k = &t->tok[i];
        if (covered(&cv, doc, m0, i) || doc->nmen - m0 >= MAX_SENT_MEN)
            continue;
        if ((k->flags & TF_CAP) && k->kind == TK_WORD) {
            for (size_t q = 0; q < st->nnm; q++)
                if (name_is(t, i, &st->nm[q]) &&
                    (st->nm[q].entry < 0 || k->tag == T_NNP || k->tag == T_NNPS) &&
                    !(i > se->first && (t->tok[i - 1].flags & TF_CAP) &&
                      t->tok[i - 1].tag == T_NNP && t->tok[i - 1].kind == TK_WORD &&
                      !covered(&cv, doc, m0, i - 1))) {
                    /* with its particles: "van Boxmeer", "al-Sadr" is one token */
                    uint32_t f = i;
                    while (f > se->first && is_particle(t, f - 1) && !covered(&cv, doc, m0, f - 1))
                        f--;
                    if (push_men(st, f, i + 1, s, st->nm[q].code,
                                 AM_PERSON | AM_NAMED | (st->nm[q].role ? AM_ROLE : 0),
                                 st->nm[q].entry, -1) < 0)
                        return -1;
                    doc->men[doc->nmen - 1].gender = st->nm[q].gender;
                    break;
                }
            if (doc->nmen > m0 && doc->men[doc->nmen - 1].end == i + 1)
                continue;
        }
        uint8_t g;
        int pk = pronoun_kind(st, i, end, &g);
        if (!pk)
            continue;
        int32_t m = push_men(st, i, i + 1, s, "",
                             AM_PRONOUN | AM_PENDING | (pk == PK_PERSON ? AM_PERSON : 0) |
                                 (pk == PK_PLURAL ? AM_PLURAL : 0),
                             -1, -1);
        if (m < 0)
            return -1;
        doc->men[m].pron = (uint8_t)pk;
        doc->men[m].gender = g;
    }
    if (doc->nmen - m0 > MAX_SENT_MEN)
        doc->nmen = m0 + MAX_SENT_MEN;
    sort_sentence(doc, m0);

    of_coordination(st, m0);

    /* subjects of finite clauses (not the understood subject of an
     * infinitive or participle: in "NATO urged Ankara to avoid X", Ankara is
     * no subject a later "its" prefers) */
    const dy_syn *syn = st->syn;
    if (syn->sent_vg && s + 1 <= t->nsent)
        for (uint32_t v = syn->sent_vg[s]; v < syn->sent_vg[s + 1]; v++) {
            const dy_vg *g = &syn->vg[v];
            if (g->subj < 0 || (g->flags & (VG_INF | VG_PART)))
                continue;
            int32_t m = mention_at(doc, m0, doc->nmen, syn->np[g->subj].head);
            if (m >= 0)
                doc->men[m].flags |= AM_SUBJ;
        }

    /* the context country: this sentence's one country, or the last one */
    char sc[4];
    int any;
    sentence_country(st, m0, doc->nmen, se->first, sc, &any, 0);
    if (sc[0]) {
        memcpy(st->ctx_country, sc, 4);
        st->ctx_known = 1;
    } else if (any) {
        st->ctx_known = 0;
    }
    const char *country = st->ctx_known ? st->ctx_country : NULL;
    if (country)
        for (size_t m = m0; m < doc->nmen; m++)
            if (role_only(&doc->men[m]) && (doc->men[m].flags & AM_NAMED) &&
                !counterpart(a, &doc->men[m]))
                apply_country(st, &doc->men[m], country);
    if (!sc[0] && any) {
        /* judges and police act at home: "Judge X opened investigations
         * against Chilean officials" is a Chilean judge, though the
         * country stands behind a preposition */
        char all[4];
        int any2;
        sentence_country(st, m0, doc->nmen, se->first, all, &any2, 1);
        for (size_t m = m0; m < doc->nmen && all[0]; m++) {
            dy_mention *jm = &doc->men[m];
            if (role_only(jm) && !counterpart(a, jm) &&
                (!strcmp(jm->code, "JUD") || !strcmp(jm->code, "COP")))
                apply_country(st, jm, all);
        }
    }

    /* coreference, in text order */
    uint32_t vi = syn->sent_vg ? syn->sent_vg[s] : 0;
    for (size_t m = m0; m < doc->nmen; m++) {
        note_speakers(st, s, &vi, doc->men[m].first, m0, doc->nmen);
        dy_mention *mm = &doc->men[m];
        if (mm->pron == PK_DESC) {
            int32_t ref;
            int32_t en = resolve_desc(st, (int32_t)m, m0, &ref);
            mm = &doc->men[m];
            if (en >= 0) {
                cpy(mm->code, sizeof mm->code, code_of(a, &a->entries[en], st->day));
                mm->ref = ref;
                mm->flags |= AM_DESC;
            }
            mm->flags &= ~(uint32_t)AM_PENDING;
            if (!mm->code[0])
                mm->flags |= AM_PENDING;    /* dropped below */
        } else if (mm->flags & AM_PRONOUN) {
            int32_t r = resolve_pronoun(st, (int32_t)m, m0);
            mm = &doc->men[m];
            if (r >= 0) {
                cpy(mm->code, sizeof mm->code, doc->men[r].code);
                mm->ref = r;
                mm->flags &= ~(uint32_t)AM_PENDING;
                if (mm->pron == PK_PERSON)
                    learn_gender(st, r, mm->gender);
            }
        }
        int cp = counterpart(a, mm);
        if (cp) {
            /* "his Indian counterpart": the role of whose counterpart it is
             * (GOV when unknown), in its own country; never the owner's */
            int32_t o = role_owner(st, mm, m0, m);
            const char *oc = o >= 0 ? doc->men[o].code : "";
            const char *role = "GOV";
            if (strlen(oc) > 3 && state_code(oc) && domestic_role(oc + 3))
                role = oc + 3;   /* "the Russian defence minister": GOVMIL */
            else if (domestic_role(oc))
                role = oc;       /* a role with no country */
            char c2[24];
            if (role_only(mm))
                cpy(c2, sizeof c2, role);
            else
                snprintf(c2, sizeof c2, "%.3s%s", mm->code, role);
            cpy(mm->code, sizeof mm->code, c2);
        } else if (role_only(mm)) {
            /* "its troops", "the country's envoy": the owner's country */
            int32_t o = role_owner(st, mm, m0, m);
            if (o >= 0) {
                char c2[24];
                compose(c2, sizeof c2, doc->men[o].code, mm->code);
                cpy(mm->code, sizeof mm->code, c2);
                mm->flags &= ~(uint32_t)(AM_ROLE | AM_AGENT_ONLY);
            }
        }
        if (mm->pron == PK_DESC || (mm->flags & AM_PRONOUN)) {
            /* resolved above */
        } else if ((mm->flags & AM_PERSON) && !(mm->flags & AM_NAMED) && mm->agent_entry >= 0 && !cp) {
            /* a title without a name */
            int32_t r = appos_person(st, mm, m0, doc->nmen);
            if (definite(st, mm, se->first)) {
                extend_to_np(st, m0, m);
                if (r < 0)
                    r = resolve_title(st, (int32_t)m);
            }
            mm = &doc->men[m];
            if (r >= 0) {
                if (role_only(mm) || definite(st, mm, se->first)) {
                    cpy(mm->code, sizeof mm->code, doc->men[r].code);
                    mm->flags &= ~(uint32_t)AM_ROLE;
                }
                mm->ref = r;
                mm->flags |= AM_DESC;
            } else if (country && role_only(mm) && definite(st, mm, se->first))
                apply_country(st, mm, country);
        } else if (role_only(mm) && (mm->flags & AM_AGENT_ONLY) && definite(st, mm, se->first)) {
            /* "the government", "the militant group": the latest actor with
             * that role, else the context country's; a body with a name of
             * its own ("the Home Affairs Committee") refers to no other */
            extend_to_np(st, m0, m);
            int32_t r = named_body(st, &doc->men[m]) ? -1 : resolve_role(st, (int32_t)m);
            mm = &doc->men[m];
            if (r >= 0) {
                cpy(mm->code, sizeof mm->code, doc->men[r].code);
                mm->ref = r;
                mm->flags |= AM_DESC;
                mm->flags &= ~(uint32_t)(AM_AGENT_ONLY | AM_ROLE);
            } else if (country && !(mm->flags & AM_PLURAL)) {
                apply_country(st, mm, country);
            }
        }
    }
    note_speakers(st, s, &vi, end, m0, doc->nmen);

    /* drop what found no referent, keeping references right */
    int32_t map[MAX_SENT_MEN];
    size_t w = m0;
    for (size_t m = m0; m < doc->nmen; m++) {
        const dy_mention *mm = &doc->men[m];
        int drop = (mm->flags & AM_PENDING) || (mm->pron && !mm->code[0] && mm->ref < 0);
        map[m - m0] = drop ? -1 : (int32_t)w++;
    }
    /* references may point forward (a title to the name in apposition after
     * it), so the map is complete before any is rewritten */
    w = m0;
    for (size_t m = m0; m < doc->nmen; m++) {
        if (map[m - m0] < 0)
            continue;
        dy_mention *mm = &doc->men[m];
        mm->pron = 0;
        mm->flags &= ~(uint32_t)AM_PENDING;
        if (mm->ref >= (int32_t)m0)
            mm->ref = map[mm->ref - (int32_t)m0];
        doc->men[w++] = *mm;
    }
    if (st->last_speaker >= (int32_t)m0)
        st->last_speaker = map[st->last_speaker - (int32_t)m0];
    doc->nmen = w;
    return 0;
}

/* The matcher's state over a document, empty. */
static void state_init(astate *st, const dyad_ctx *ctx, struct dyad_doc *doc)
{
    memset(st, 0, sizeof *st);
    st->ctx = ctx;
    st->a = &ctx->act;
    st->doc = doc;
    st->t = &doc->t;
    st->syn = &doc->syn;
}

int dy_actors_find(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    astate st;
    state_init(&st, ctx, doc);
    st.day = doc->role_date;
    st.last_speaker = -1;
    st.speaker_sent = -100;
    doc->nmen = 0;
    for (uint32_t s = 0; s < doc->t.nsent; s++)
        if (do_sentence(&st, s))
            return -1;
    /* the noun phrases' actors */
    if (doc->syn.tok_np)
        for (size_t m = 0; m < doc->nmen; m++)
            for (uint32_t i = doc->men[m].first; i < doc->men[m].end; i++) {
                int32_t np = doc->syn.tok_np[i];
                if (np >= 0 && doc->syn.np[np].head == i && doc->syn.np[np].actor < 0)
                    doc->syn.np[np].actor = (int32_t)m;
            }
    return 0;
}

/* ---- agents located by the sentence (after the place stage) ---- */

/* The first three letters of a code as one number ("COP" -> 0x434f50), 0
 * when they are not three capitals. */
static uint32_t code3(const char *c)
{
    if (c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z')
        return 0;
    return (uint32_t)c[0] << 16 | (uint32_t)c[1] << 8 | (uint32_t)c[2];
}

static int in_sorted(const uint32_t *v, size_t n, uint32_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < k)
            lo = mid + 1;
        else if (v[mid] > k)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

#define C3(a, b, c) ((uint32_t)(a) << 16 | (uint32_t)(b) << 8 | (uint32_t)(c))

/* Is c (its first three letters) a role with no country: "COP", "REF"? */
static int domestic_role(const char *c)
{
    static const uint32_t roles[] = {   /* sorted */
        C3('A','G','R'), C3('B','U','S'), C3('C','O','P'), C3('C','R','M'), C3('C','V','L'),
        C3('D','E','V'), C3('E','D','U'), C3('E','L','I'), C3('E','N','V'), C3('G','O','V'),
        C3('H','L','H'), C3('H','R','I'), C3('I','N','S'), C3('J','U','D'), C3('L','A','B'),
        C3('L','E','G'), C3('M','E','D'), C3('M','I','L'), C3('M','O','D'), C3('O','P','P'),
        C3('R','A','D'), C3('R','E','B'), C3('R','E','F'), C3('S','E','P'), C3('S','E','T'),
        C3('S','P','Y'), C3('U','A','F')};
    uint32_t k = code3(c);
    return k && in_sorted(roles, sizeof roles / sizeof roles[0], k);
}

/* Does code c begin with a state (a country code, not a role, an
 * international body, one of CAMEO's regions: "the West", "Africa", nor a
 * people of several states: "the Kurds")? */
static int state_code(const char *c)
{
    static const uint32_t not_states[] = {   /* sorted: regions, bodies, generic codes, peoples,
                                                religions */
        C3('A','F','R'), C3('A','L','E'), C3('A','S','A'), C3('B','L','K'), C3('B','U','D'),
        C3('C','A','S'), C3('C','A','U'), C3('C','E','U'), C3('C','F','R'), C3('C','H','R'),
        C3('C','R','B'), C3('C','T','H'), C3('D','R','Z'), C3('E','A','F'), C3('E','E','U'),
        C3('E','I','N'), C3('E','U','R'), C3('H','I','N'), C3('I','G','O'), C3('I','M','G'),
        C3('I','N','T'), C3('J','E','W'), C3('K','U','R'), C3('L','A','M'), C3('M','D','T'),
        C3('M','E','A'), C3('M','N','C'), C3('M','O','S'), C3('N','A','F'), C3('N','G','O'),
        C3('N','M','R'), C3('O','R','T'), C3('P','G','S'), C3('P','K','O'), C3('P','R','O'),
        C3('S','A','F'), C3('S','A','M'), C3('S','A','S'), C3('S','C','N'), C3('S','E','A'),
        C3('S','H','I'), C3('S','I','K'), C3('S','U','N'), C3('U','I','S'), C3('W','A','F'),
        C3('W','S','T')};
    uint32_t k = code3(c);
    return k && !domestic_role(c) && !in_sorted(not_states, sizeof not_states / sizeof not_states[0], k);
}

/* The state a place of country cc (today's borders, ISO 3166) belonged to
 * on day: "SSD" before 2011-07-09 is "SDN" (the dictionaries date the states
 * born late). cc itself for every other. */
const char *dy_actors_dated_state(const dy_actors *a, const char *cc, int32_t day)
{
    for (uint32_t k = 0; k < a->nlate; k++) {
        const dy_aentry *e = &a->entries[a->late[k]];
        for (uint32_t i = 0; i < e->ndc; i++) {
            const char *c = dy_intern_str(&a->codes, a->dc[e->dc_first + i].code);
            if (!strcmp(c, cc))
                return code_of(a, e, day);
        }
    }
    return cc;
}

int dy_actors_state_code(const char *c)
{
    return state_code(c);
}

/* The state of a place or of a country, capital or region mention on tokens
 * [a, b), other than `not`; NULL if none. Dictionary mentions come first
 * (their codes are CAMEO's), then the gazetteer's places. */
static const char *state_in(const astate *st, size_t m0, size_t m1, uint32_t a, uint32_t b,
                            const char *not)
{
    /* (places: dy_place_country_at looks them up by binary search) */
    const struct dyad_doc *doc = st->doc;
    uint32_t want = st->a->tag_country | st->a->tag_capital | st->a->tag_region;
    for (size_t m = m0; m < m1; m++) {
        const dy_mention *mm = &doc->men[m];
        if (mm->first >= b || mm->end <= a || mm->entry < 0 ||
            !(st->a->entries[mm->entry].tags & want) || !state_code(mm->code) ||
            (not && !strncmp(mm->code, not, 3)))
            continue;
        return mm->code;
    }
    for (uint32_t i = a; i < b; i++) {
        const char *c = dy_place_country_at(doc, i);
        if (c && state_code(c) && !(not && !strncmp(c, not, 3)))
            return c;
    }
    return NULL;
}

/* The place a mention stands in: its own noun phrase, or the phrase after
 * "in", "at", "from", "inside", "near" (and one "of" more: "police in the
 * city of X"), also over a participle ("rebels based in X"). */
static const char *local_state(const astate *st, size_t m0, size_t m1, const dy_mention *mm,
                               const char *not)
{
    const dy_syn *syn = st->syn;
    const dy_text *t = st->t;
    uint32_t a = mm->first, b = mm->end;
    int32_t np = syn->tok_np ? syn->tok_np[mm->first] : -1;
    if (np >= 0) {
        a = syn->np[np].first < a ? syn->np[np].first : a;
        b = syn->np[np].end > b ? syn->np[np].end : b;
    }
    const char *c = state_in(st, m0, m1, a, b, not);
    if (!c && b + 2 < t->ntok && (t->tok[b].tag == T_VBN || t->tok[b].tag == T_VBG) &&
        (tok_is(t, b + 1, "in") || tok_is(t, b + 1, "at") || tok_is(t, b + 1, "near") ||
         tok_is(t, b + 1, "inside")))
        b++;   /* "militants based in X", "troops stationed near X" */
    for (int hop = 0; !c && hop < 2 && b + 1 < t->ntok && syn->tok_np; hop++) {
        if (!(tok_is(t, b, "in") || tok_is(t, b, "at") || tok_is(t, b, "from") ||
              tok_is(t, b, "inside") || tok_is(t, b, "near") || (hop && tok_is(t, b, "of"))))
            break;
        int32_t pn = syn->tok_np[b + 1];
        if (pn < 0)
            break;
        c = state_in(st, m0, m1, syn->np[pn].first, syn->np[pn].end, not);
        b = syn->np[pn].end;
    }
    return c;
}

/* Is token i a preposition that puts what follows where something happens
 * ("in", "at", "near" ...)? */
static int where_prep(const dy_text *t, uint32_t i)
{
    static const char *const p[] = {"in", "at", "near", "inside", "across", "throughout",
                                    "outside", "around", "within"};
    for (size_t k = 0; k < sizeof p / sizeof p[0]; k++)
        if (tok_is(t, i, p[k]))
            return 1;
    return 0;
}

/* Does the noun phrase of token i stand behind a place preposition ("in X",
 * "in the east of X")? */
static int behind_where(const astate *st, uint32_t i, uint32_t first)
{
    const dy_text *t = st->t;
    uint32_t b = i;
    int32_t np = st->syn->tok_np ? st->syn->tok_np[b] : -1;
    if (np >= 0 && st->syn->np[np].first < b)
        b = st->syn->np[np].first;
    /* an adverb the phrase was cut at: "in a suburb of largely Kurdish
     * northern Iraq" */
    while (b > first + 1 && t->tok[b - 1].tag == T_RB && !where_prep(t, b - 1))
        b--;
    /* over "of" and coordination: "in the east of X", "in X and Y" */
    for (int hop = 0; hop < 4 && b > first + 1 && st->syn->tok_np && st->syn->tok_np[b - 2] >= 0 &&
                      (tok_is(t, b - 1, "of") || tok_is(t, b - 1, "and") || tok_is(t, b - 1, ","));
         hop++)
        b = st->syn->np[st->syn->tok_np[b - 2]].first;
    return b > first && where_prep(t, b - 1);
}

/* The one state where the sentence [first, end) happens, other than `not`;
 * NULL when none or several. Evidence of place only: the gazetteer's places
 * and the countries, capitals and regions of the dictionaries (one that is
 * an actor - "Russia", "Kyiv" - only behind "in", "at", "near" ...: not
 * "Russia attacked"), and police, courts and legislatures, which act at home
 * ("Turkish police"). An actor's nationality is no evidence: "Russian
 * warplanes killed civilians" says nothing of where the civilians are from. */
static const char *sentence_state(const astate *st, size_t m0, size_t m1, size_t pl0,
                                  size_t pl1, uint32_t first, const char *not)
{
    const struct dyad_doc *doc = st->doc;
    const char *one = NULL;
    for (size_t m = m0; m < m1; m++) {
        const dy_mention *mm = &doc->men[m];
        const char *c = mm->code;
        if (!state_code(c) || strlen(c) < 6 || (not && !strncmp(c, not, 3)) || mm->entry < 0 ||
            (mm->flags & (AM_LOCATED | AM_PRONOUN | AM_DESC)) ||
            !(!strncmp(c + 3, "COP", 3) || !strncmp(c + 3, "JUD", 3) || !strncmp(c + 3, "LEG", 3)))
            continue;
        if (one && strncmp(one, c, 3))
            return NULL;
        one = c;
    }
    /* countries, capitals and regions the dictionaries know, behind a place
     * preposition */
    uint32_t want = st->a->tag_country | st->a->tag_capital | st->a->tag_region;
    for (size_t m = m0; m < m1; m++) {
        const dy_mention *mm = &doc->men[m];
        if (mm->entry < 0 || !(st->a->entries[mm->entry].tags & want) || !state_code(mm->code) ||
            (mm->flags & (AM_PRONOUN | AM_DESC)) || (not && !strncmp(mm->code, not, 3)) ||
            !behind_where(st, mm->first, first))
            continue;
        if (one && strncmp(one, mm->code, 3))
            return NULL;
        one = mm->code;
    }
    for (size_t k = pl0; k < pl1; k++) {
        const dy_place *p = &doc->pl[k];
        /* (its state on the document's date; none for a sea) */
        const char *pc = dy_place_country_at(doc, p->first);
        if (!pc || !state_code(pc) || (not && !strncmp(pc, not, 3)))
            continue;
        int actor = 0;
        for (size_t m = m0; m < m1 && !actor; m++)
            actor = doc->men[m].first < p->end && doc->men[m].end > p->first;
        if (actor && !behind_where(st, p->first, first))
            continue;
        if (one && strncmp(one, pc, 3))
            return NULL;
        one = pc;
    }
    return one;
}

/* Coreference ran before the place stage: a pronoun or description that
 * copied the code of a mention localised since ("Ethnic Serbs ... they":
 * SRB, then BIH where they live; "refugees ... they": REF, then TCDREF) takes
 * its new code. Only a code that differs from the referent's by the country
 * is rewritten: "its troops" (owner + MIL) keeps its own. */
static void refresh_refs(struct dyad_doc *doc)
{
    for (size_t m = 0; m < doc->nmen; m++) {
        dy_mention *p = &doc->men[m];
        if (p->ref < 0 || (size_t)p->ref >= doc->nmen || !(p->flags & (AM_PRONOUN | AM_DESC)) ||
            (p->flags & AM_LOCATED))
            continue;
        const dy_mention *r = &doc->men[p->ref];
        size_t pl = strlen(p->code), rl = strlen(r->code);
        if (!(r->flags & AM_LOCATED) || !strcmp(p->code, r->code))
            continue;
        if ((pl + 3 == rl && !strcmp(p->code, r->code + 3)) ||
            (pl == rl && pl >= 3 && !strcmp(p->code + 3, r->code + 3))) {
            cpy(p->code, sizeof p->code, r->code);
            p->flags &= ~(uint32_t)(AM_ROLE | AM_AGENT_ONLY);
        }
    }
}

/* Does token i say a people lives somewhere: "the Albanian population",
 * "the Serb minority", "the Turkish community"? */
static int minority_word(const dy_text *t, uint32_t i)
{
    return i < t->ntok && (tok_is(t, i, "minority") || tok_is(t, i, "minorities") ||
                           tok_is(t, i, "population") || tok_is(t, i, "community") ||
                           tok_is(t, i, "communities"));
}

/* The one state the sentence names by a country, capital or region
 * mention, anywhere ("the Ghanaian parliament"), other than `not`; NULL
 * when none or several. For peoples only: they are coded by the state whose
 * story they are in ("Shona traders petitioned the Ghanaian
 * parliament": GHA). */
static const char *named_state(const astate *st, size_t m0, size_t m1, uint32_t first,
                               const char *not)
{
    const dy_text *t = st->t;
    uint32_t want = st->a->tag_country | st->a->tag_capital | st->a->tag_region;
    const char *one = NULL;
    for (size_t m = m0; m < m1; m++) {
        const dy_mention *mm = &st->doc->men[m];
        if (mm->entry < 0 || !(st->a->entries[mm->entry].tags & want) || !state_code(mm->code) ||
            (mm->flags & (AM_PRONOUN | AM_DESC | AM_LOCATED | AM_PERSON)) ||
            !strncmp(mm->code, not, 3))
            continue;
        /* a destination is not where they are ("Rohingya fled to Bangladesh") */
        uint32_t b = mm->first;
        int32_t np = st->syn->tok_np ? st->syn->tok_np[b] : -1;
        if (np >= 0 && st->syn->np[np].first < b)
            b = st->syn->np[np].first;
        if (b > first && (tok_is(t, b - 1, "to") || tok_is(t, b - 1, "into") ||
                          tok_is(t, b - 1, "toward") || tok_is(t, b - 1, "towards")))
            continue;
        if (one && strncmp(one, mm->code, 3))
            return NULL;
        one = mm->code;
    }
    return one;
}

/* A capital the dictionaries code as a government ("Tripoli" LBYGOV) that
 * the place stage, from the document's context, resolved to a city of
 * another country ("militias in Tripoli ... the north Lebanese port": the
 * Lebanese Tripoli) is that city: its country's code, as a place. */
static void recode_capitals(const dy_actors *a, struct dyad_doc *doc)
{
    for (size_t m = 0; m < doc->nmen; m++) {
        dy_mention *mm = &doc->men[m];
        if (mm->entry < 0 || !(a->entries[mm->entry].tags & a->tag_capital) ||
            (mm->flags & AM_PRONOUN))
            continue;
        const char *cc = NULL;
        for (uint32_t i = mm->first; i < mm->end && !cc; i++)
            cc = dy_place_country_at(doc, i);
        if (!cc || strlen(cc) != 3 || !strncmp(cc, mm->code, 3))
            continue;
        /* only with that country named in the sentence: the gazetteer
         * knows today's borders, the dictionaries dated ones ("Juba" in
         * 1990 is Sudan's) */
        int named = 0;
        for (size_t k = 0; k < doc->nmen && !named; k++)
            named = k != m && doc->men[k].sent == mm->sent && !strncmp(doc->men[k].code, cc, 3);
        if (!named)
            continue;
        if (mm->agent_entry < 0)
            memcpy(mm->code, cc, 4);   /* the city alone: a place */
        else
            memcpy(mm->code, cc, 3);   /* "militias in Tripoli": LBNUAF */
        mm->flags |= AM_LOCATED;
    }
}

/* A state's allied force is not the state: "Iran's militia ally in
 * Iraq", "Russia's proxy forces" keep the agent's role only
 * (armed ones as irregulars, UAF) and are located by where they are. */
static void allied_agents(astate *st)
{
    struct dyad_doc *doc = st->doc;
    const dy_text *t = st->t;
    for (size_t m = 0; m < doc->nmen; m++) {
        dy_mention *mm = &doc->men[m];
        if (mm->entry < 0 || mm->agent_entry < 0 || (mm->flags & (AM_PERSON | AM_PRONOUN)) ||
            !state_code(mm->code))
            continue;
        int poss = 0;
        for (uint32_t i = mm->first; i < mm->end; i++)
            poss |= t->tok[i].kind == TK_CLITIC;
        if (!poss)
            continue;
        uint32_t k = mm->end;   /* "militia ally", "proxy forces" */
        int ally = k < t->ntok && dy_tok_in(t, k, ally_words);
        for (uint32_t i = mm->first; i < mm->end && !ally; i++)
            ally = dy_tok_in(t, i, ally_words);
        if (!ally)
            continue;
        const char *role = code_of(st->a, &st->a->entries[mm->agent_entry], st->day);
        /* (an ally's forces are no state's army: irregulars) */
        cpy(mm->code, sizeof mm->code, !strncmp(role, "MIL", 3) ? "UAF" : role);
        mm->entry = -1;
        mm->flags |= AM_AGENT_ONLY | AM_ROLE;
        /* "a commander of Turkey's militia ally": the ally's */
        dy_mention *pm = m > 0 ? &doc->men[m - 1] : NULL;
        if (pm && pm->sent == mm->sent && pm->entry < 0 && strlen(pm->code) == 3 &&
            !(pm->flags & AM_PRONOUN) && pm->end + 1 == mm->first &&
            tok_is(t, pm->end, "of")) {
            cpy(pm->code, sizeof pm->code, mm->code);
            pm->flags = (pm->flags & ~(uint32_t)AM_PERSON) | AM_AGENT_ONLY | AM_ROLE;
        }
    }
}

/* A country or city in the name of a sea or gulf ("the Sea of Japan", "the
 * Gulf of Guinea", "the Gulf of Aden") is part of a place, not an actor. */
static void water_names(const dy_actors *a, struct dyad_doc *doc)
{
    for (size_t m = 0; m < doc->nmen; m++) {
        dy_mention *mm = &doc->men[m];
        if (mm->entry >= 0 && (a->entries[mm->entry].tags & (a->tag_country | a->tag_capital)) &&
            mm->first >= 2 &&
            (doc->t.tok[mm->first - 2].flags & TF_CAP) && dy_water_name_at(doc, mm->first - 2)) {
            mm->code[0] = 0;   /* a name with no code */
            mm->flags |= AM_NAME;
        }
    }
}

/* Does a mention of [m0, m1) other than a person or a pronoun carry a
 * state's code ("Czech engineers")? */
static int names_state(const struct dyad_doc *doc, size_t m0, size_t m1)
{
    for (size_t m = m0; m < m1; m++) {
        const dy_mention *x = &doc->men[m];
        if (!(x->flags & (AM_PERSON | AM_PRONOUN | AM_DESC)) && strlen(x->code) >= 3 &&
            state_code(x->code))
            return 1;
    }
    return 0;
}

/* Roles that act where they are and are rarely foreign there: police,
 * courts, protesters, civilians, students, workers. */
static int home_role(const char *c)
{
    return !strcmp(c, "COP") || !strcmp(c, "JUD") || !strcmp(c, "OPP") || !strcmp(c, "CVL") ||
           !strcmp(c, "EDU") || !strcmp(c, "LAB");
}

static int insurgent_role(const char *c)
{
    return !strcmp(c, "REB") || !strcmp(c, "INS") || !strcmp(c, "SEP");
}

/* Insurgents with no country and no place are the insurgents of the one
 * state whose government or forces the sentence names ("the Colombian army
 * said it killed 15 leftist guerrillas": COLREB): insurgents fight their
 * own state. NULL when the sentence names forces of two states, or any
 * other state at all. */
static const char *fighting_state(const astate *st, size_t m0, size_t m1, int32_t self)
{
    const struct dyad_doc *doc = st->doc;
    const char *one = NULL;
    int forces = 0;
    for (size_t m = m0; m < m1; m++) {
        const dy_mention *x = &doc->men[m];
        if ((int32_t)m == self || strlen(x->code) < 3 || !state_code(x->code))
            continue;
        if (one && strncmp(one, x->code, 3))
            return NULL;
        one = x->code;
        const char *r = x->code + 3;
        forces |= !strncmp(r, "GOV", 3) || !strncmp(r, "MIL", 3) || !strncmp(r, "COP", 3);
    }
    return forces ? one : NULL;
}

int dy_actors_localise(const dyad_ctx *ctx, struct dyad_doc *doc)
{
    astate st;
    state_init(&st, ctx, doc);
    recode_capitals(st.a, doc);
    water_names(st.a, doc);
    allied_agents(&st);
    const dy_text *t = &doc->t;
    size_t m0 = 0, pl0 = 0;
    /* the previous sentence with mentions, for a paragraph's place */
    uint32_t ps = UINT32_MAX;
    size_t pm0 = 0, pm1 = 0, ppl0 = 0, ppl1 = 0;
    while (m0 < doc->nmen) {
        uint32_t s = doc->men[m0].sent;
        size_t m1 = m0;
        while (m1 < doc->nmen && doc->men[m1].sent == s)
            m1++;
        uint32_t first = t->sent[s].first, end = first + t->sent[s].ntok;
        /* the sentence's places (they are in text order) */
        while (pl0 < doc->npl && doc->pl[pl0].first < first)
            pl0++;
        size_t pl1 = pl0;
        while (pl1 < doc->npl && doc->pl[pl1].first < end)
            pl1++;
        const char *where = NULL;   /* sentence_state(..., NULL), once */
        int where_done = 0;
        for (size_t m = m0; m < m1; m++) {
            dy_mention *mm = &doc->men[m];
            if (mm->flags & AM_PRONOUN)
                continue;
            int agent = domestic_role(mm->code) && (mm->flags & (AM_ROLE | AM_AGENT_ONLY)) &&
                        !(mm->flags & AM_PERSON);   /* (a person's country is not that
                                                       of whom they meet) */
            uint32_t etags = mm->entry >= 0 ? st.a->entries[mm->entry].tags : 0;
            int ethnic = !agent && mm->entry >= 0 &&
                         (state_code(mm->code) || (etags & st.a->tag_ethnic)) &&
                         ((etags & st.a->tag_ethnic) ||
                          ((etags & st.a->tag_country) &&
                           ((mm->first > first && tok_is(t, mm->first - 1, "ethnic")) ||
                            minority_word(t, mm->end - 1) || minority_word(t, mm->end))));
            if (!agent && !ethnic)
                continue;
            int32_t np = doc->syn.tok_np ? doc->syn.tok_np[mm->first] : -1;
            int appos = 0;   /* "the rights group Amnesty International" */
            for (size_t k = m0; np >= 0 && k < m1; k++)
                if (k != m && doc->men[k].entry >= 0 && doc->men[k].first >= mm->end &&
                    doc->men[k].end <= doc->syn.np[np].end)
                    appos = 1;
            /* "foreign reporters", "international monitors": not of the place */
            for (uint32_t i = np >= 0 ? doc->syn.np[np].first : mm->first; i < mm->end && !appos; i++)
                appos = tok_is(t, i, "foreign") || tok_is(t, i, "international") ||
                        tok_is(t, i, "overseas") || tok_is(t, i, "expatriate") ||
                        /* exiles act from abroad: not of where they are */
                        tok_is(t, i, "exiles") || tok_is(t, i, "exile") || tok_is(t, i, "exiled");
            if (appos)
                continue;
            if (agent) {
                /* "refugees fleeing the war in X", "riot police ... in X" */
                const char *c = local_state(&st, m0, m1, mm, NULL);
                if (!c) {
                    if (!where_done)
                        where = sentence_state(&st, m0, m1, pl0, pl1, first, NULL);
                    where_done = 1;
                    c = where;
                }
                if (!c && insurgent_role(mm->code))
                    c = fighting_state(&st, m0, m1, (int32_t)m);
                if (!c && home_role(mm->code) && ps != UINT32_MAX && ps + 1 == s &&
                    !names_state(doc, m0, m1))
                    /* "Sonko was arrested in Dakar. His supporters clashed
                     * with police": the place of the sentence before (wire
                     * copy gives each sentence its own paragraph), when this
                     * sentence names no state of its own */
                    c = sentence_state(&st, pm0, pm1, ppl0, ppl1, t->sent[ps].first, NULL);
                if (!c)
                    continue;
                char c2[24 + 3];
                memcpy(c2, c, 3);
                cpy(c2 + 3, sizeof c2 - 3, mm->code);
                cpy(mm->code, sizeof mm->code, c2);
                mm->flags &= ~(uint32_t)(AM_ROLE | AM_AGENT_ONLY);
                mm->flags |= AM_LOCATED;
            } else {
                /* "ethnic Albanians" in another state: coded by where they live */
                const char *c = local_state(&st, m0, m1, mm, mm->code);
                if (!c)
                    c = sentence_state(&st, m0, m1, pl0, pl1, first, mm->code);
                if (!c)
                    c = named_state(&st, m0, m1, first, mm->code);
                if (!c)
                    continue;
                if (state_code(mm->code)) {
                    memcpy(mm->code, c, 3);
                } else {
                    /* a people of several states: state, role, people
                     * ("Kurdish rebels" in Turkey: TURREBKUR) */
                    char c2[24 + 6];
                    snprintf(c2, sizeof c2, "%.3s%s%.3s", c, mm->code + 3, mm->code);
                    cpy(mm->code, sizeof mm->code, c2);
                }
                mm->flags |= AM_LOCATED;
            }
        }
        ps = s;
        pm0 = m0;
        pm1 = m1;
        ppl0 = pl0;
        ppl1 = pl1;
        m0 = m1;
    }
    refresh_refs(doc);
    return 0;
}
