/* split.c - the sentence splitter, and the abbreviation list it uses.
 *
 * Reads the token array of dy_text; writes dy_text.sent. A sentence ends:
 *  - after . ! ? ... (with any closing quotes and brackets that follow), unless
 *    the next word starts in lower case (`"Is it?" he asked`) or is a number;
 *  - after an abbreviation that carries the period (U.S., Oct.) only when the
 *    abbreviation often ends sentences and the next word is a sentence starter
 *    or begins a new line; titles (Gen., Mr.) never end one;
 *  - at a paragraph break (blank line), and at a line break unless the text is
 *    hard-wrapped (most lines of similar width), so headlines stand alone;
 *  - before an opening quote that follows a bare speech verb with no
 *    punctuation (`he said "We need ...`), a common wire-copy slip.
 * data/abbreviations.txt holds the abbreviations and the starter words. */
#include "text.h"

#include <stdio.h>

void dy_abbrevs_free(dy_abbrevs *ab)
{
    dy_intern_free(&ab->words);
    dy_intern_free(&ab->starters);
    dy_free(ab->cls);
    memset(ab, 0, sizeof *ab);
}

int dy_abbrevs_load(dy_abbrevs *ab, const char *path, char *err, size_t errlen)
{
    memset(ab, 0, sizeof *ab);
    if (dy_intern_init(&ab->words) || dy_intern_init(&ab->starters)) {
        snprintf(err, errlen, "out of memory");
        dy_abbrevs_free(ab);
        return -1;
    }
    size_t len;
    char *buf = dy_read_file(path, &len);
    if (!buf) {
        snprintf(err, errlen, "%s: cannot read", path);
        dy_abbrevs_free(ab);
        return -1;
    }
    int cls = 0, lineno = 0, rc = 0;
    char *p = buf;
    while (*p && rc == 0) {
        char *e = strchr(p, '\n');
        if (!e)
            e = p + strlen(p);
        lineno++;
        char *h = memchr(p, '#', (size_t)(e - p));
        char *end = h ? h : e;
        while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
            end--;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p < end) {
            size_t n = (size_t)(end - p);
            if (n > 9 && memcmp(p, "%section ", 9) == 0) {
                char *w = p + 9;
                size_t wn = (size_t)(end - w);
                if (wn == 6 && !memcmp(w, "titles", 6))
                    cls = AB_TITLE;
                else if (wn == 6 && !memcmp(w, "common", 6))
                    cls = AB_COMMON;
                else if (wn == 5 && !memcmp(w, "final", 5))
                    cls = AB_FINAL;
                else if (wn == 8 && !memcmp(w, "starters", 8))
                    cls = 9;
                else {
                    snprintf(err, errlen, "%s:%d: unknown section '%.*s'", path, lineno, (int)wn, w);
                    rc = -1;
                }
            } else if (cls == 0) {
                snprintf(err, errlen, "%s:%d: entry before any %%section", path, lineno);
                rc = -1;
            } else if (cls == 9) {
                char low[64];
                if (n >= sizeof low) {
                    snprintf(err, errlen, "%s:%d: word too long", path, lineno);
                    rc = -1;
                } else {
                    for (size_t k = 0; k < n; k++)
                        low[k] = (char)(dy_is_ascii_upper(p[k]) ? p[k] + 32 : p[k]);
                    if (!dy_intern_add(&ab->starters, low, n))
                        rc = -1;
                }
            } else {
                if (p[n - 1] != '.' || n >= 64) {
                    snprintf(err, errlen, "%s:%d: an abbreviation must end with '.': '%.*s'", path,
                             lineno, (int)n, p);
                    rc = -1;
                } else {
                    char low[64];
                    for (size_t k = 0; k < n; k++)
                        low[k] = (char)(dy_is_ascii_upper(p[k]) ? p[k] + 32 : p[k]);
                    uint32_t id = dy_intern_add(&ab->words, low, n);
                    if (!id || dy_grow((void **)&ab->cls, &ab->cls_cap, id + 1, 1))
                        rc = -1;
                    else
                        ab->cls[id] = (uint8_t)cls;
                }
            }
        }
        p = *e ? e + 1 : e;
    }
    dy_free(buf);
    if (rc) {
        if (!err[0])
            snprintf(err, errlen, "%s: out of memory", path);
        dy_abbrevs_free(ab);
    }
    return rc;
}

static int add_sent(dy_text *t, size_t first, size_t end)
{
    if (end <= first)
        return 0;
    if (DY_GROW(t->sent, t->sent_cap, t->nsent + 1))
        return -1;
    dy_sent *s = &t->sent[t->nsent++];
    s->first = (uint32_t)first;
    s->ntok = (uint32_t)(end - first);
    s->start = t->tok[first].start;
    s->end = t->tok[end - 1].end;
    return 0;
}

static int is_close_bracket(const dy_text *t, const dy_tok *k)
{
    return k->kind == TK_PUNCT && (dy_tok_is(t, k, ")") || dy_tok_is(t, k, "]"));
}

static int starts_lower(const dy_text *t, const dy_tok *k)
{
    (void)t;
    return (k->kind == TK_WORD || k->kind == TK_ABBR || k->kind == TK_CLITIC) && !(k->flags & TF_CAP);
}

static int is_speech_verb(const dy_text *t, const dy_tok *k)
{
    static const char *v[] = {"said", "says", "added", "adds", "asked", "asks", "told", "wrote",
                              "stated", "declared", "continued", "insisted", "warned"};
    for (size_t i = 0; i < sizeof v / sizeof *v; i++)
        if (dy_tok_is(t, k, v[i]))
            return 1;
    return 0;
}

/* Does the line that token i starts go on with the sentence of the line
 * before, although the text is not hard-wrapped: it starts in lower case, or
 * the line before stops on a word no sentence or headline ends with ("The",
 * "of", "and")? */
static int continues_line(const dy_text *t, size_t i)
{
    static const char *const w[] = {"the", "a", "an", "of", "to", "in", "and", "or", "for",
                                    "with", "on", "at", "by", "from", "its", "their", "his",
                                    "her", "that", "as"};
    if (starts_lower(t, &t->tok[i]) && t->tok[i].kind == TK_WORD)
        return 1;
    const dy_tok *p = &t->tok[i - 1];
    if (p->kind != TK_WORD)
        return 0;
    for (size_t k = 0; k < sizeof w / sizeof *w; k++)
        if (dy_tok_is(t, p, w[k]))
            return 1;
    return 0;
}

/* Are the lines of the text hard-wrapped (so a single newline is not a break)? */
static int hard_wrapped(const dy_text *t)
{
    size_t nlines = 0, maxl = 0, a = 0;
    size_t lens[64];
    while (a <= t->len && nlines < 64) {
        /* the next line end: memchr, not a loop over every byte */
        const char *nl = memchr(t->src + a, '\n', t->len - a);
        size_t i = nl ? (size_t)(nl - t->src) : t->len;
        size_t l = i - a;
        if (l > 0) {
            lens[nlines++] = l;
            if (l > maxl)
                maxl = l;
        }
        a = i + 1;
    }
    if (nlines < 4 || maxl > 120)
        return 0;
    size_t near = 0;
    for (size_t i = 0; i < nlines; i++)
        if (lens[i] * 10 >= maxl * 7)
            near++;
    return near * 10 >= nlines * 6;
}

int dy_split(dy_text *t, const dy_abbrevs *ab)
{
    t->nsent = 0;
    size_t n = t->ntok, first = 0;
    int wrapped = hard_wrapped(t);
    for (size_t i = 0; i < n; i++) {
        dy_tok *k = &t->tok[i];
        /* breaks before token i */
        if (i > first) {
            int brk = 0;
            if (k->flags & TF_PARA)
                brk = 1;
            else if ((k->flags & TF_NEWLINE) && !wrapped && !continues_line(t, i))
                brk = 1;
            else if (k->kind == TK_QUOTE && (k->flags & TF_OPEN) && i + 1 < n &&
                     (t->tok[i + 1].flags & TF_CAP) && is_speech_verb(t, &t->tok[i - 1]) &&
                     i - first >= 3)
                brk = 1;
            if (brk) {
                if (add_sent(t, first, i))
                    return -1;
                first = i;
            }
        }
        int end_here = 0;
        size_t last = i;
        if (k->flags & TF_SENT_END) {
            /* take closing quotes and brackets along */
            while (last + 1 < n && !(t->tok[last + 1].flags & (TF_NEWLINE | TF_PARA)) &&
                   ((t->tok[last + 1].kind == TK_QUOTE && (t->tok[last + 1].flags & TF_CLOSE)) ||
                    is_close_bracket(t, &t->tok[last + 1])))
                last++;
            if (last + 1 >= n)
                end_here = 1;
            else {
                dy_tok *nx = &t->tok[last + 1];
                if (nx->flags & (TF_NEWLINE | TF_PARA))
                    end_here = 1;
                else if (starts_lower(t, nx) || nx->kind == TK_NUM)
                    end_here = 0;
                else if (nx->kind == TK_PUNCT && !dy_tok_is(t, nx, "("))
                    end_here = 0;
                else
                    end_here = 1;
            }
        } else if (k->kind == TK_ABBR && t->norm[k->norm + k->nlen - 1] == '.') {
            int cls = dy_abbr_class(ab, t->norm + k->norm, k->nlen);
            if (!cls && k->nlen == 2)
                cls = AB_TITLE;      /* an initial: F. */
            if (!cls)
                cls = AB_FINAL;      /* letter-dot sequences: U.S. */
            if (i + 1 < n && cls != AB_TITLE) {
                dy_tok *nx = &t->tok[i + 1];
                if (nx->flags & (TF_NEWLINE | TF_PARA))
                    end_here = 1;
                else if ((nx->flags & TF_CAP) && nx->kind == TK_WORD &&
                         dy_intern_find(&ab->starters, t->norm + nx->norm, nx->nlen))
                    end_here = 1;
                else if (nx->kind == TK_QUOTE && (nx->flags & TF_OPEN) && cls == AB_FINAL)
                    end_here = 1;
            }
        }
        if (end_here) {
            if (add_sent(t, first, last + 1))
                return -1;
            first = last + 1;
            i = last;
        }
    }
    return add_sent(t, first, n);
}
