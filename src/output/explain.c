/* explain.c - the readable analysis behind `dyad parse`: sentences with their
 * tokens (tag, lemma), the syntax stage's chunks and clauses, the actors found
 * (with the dictionary file and line of each entry) and the events coded (with
 * the pattern that fired). The tool a dictionary author debugs with. */
#include "../core/internal.h"

#include <stdio.h>

static void entry_where(const dyad_ctx *ctx, int32_t e, char *out, size_t n)
{
    if (e < 0) {
        snprintf(out, n, "-");
        return;
    }
    const dy_aentry *en = &ctx->act.entries[e];
    const char *f = ctx->act.files[en->file];
    const char *slash = strrchr(f, '/');
    snprintf(out, n, "%s:%u \"%s\"", slash ? slash + 1 : f, en->line,
             dy_intern_str(&ctx->act.codes, en->phrase));
}

const char *dyad_doc_explain(dyad_doc *d, const dyad_ctx *ctx, size_t *len)
{
    dy_buf *b = &d->out;
    b->len = 0;
    if (dy_buf_add(b, "", 0))
        return NULL;
    const dy_text *t = &d->t;
    int rc = 0;
    if (d->err)
        rc = dy_buf_printf(b, "error: %s\n", d->errmsg);
    size_t m = 0, e = 0;
    for (size_t s = 0; s < t->nsent && !rc; s++) {
        const dy_sent *se = &t->sent[s];
        rc = dy_buf_printf(b, "== sentence %zu [%u,%u): %.*s\n", s, se->start, se->end,
                           (int)(se->end - se->start), d->text + se->start);
        rc = rc || dy_buf_str(b, "tokens:");
        for (size_t i = se->first; i < se->first + se->ntok && !rc; i++) {
            const dy_tok *k = &t->tok[i];
            rc = dy_buf_printf(b, " %.*s/%s", (int)(k->end - k->start), d->text + k->start,
                               dy_tag_name(k->tag));
            if (!rc && k->lemma && k->lemma != k->word)
                rc = dy_buf_printf(b, "(%s)", dy_intern_str(&ctx->words, k->lemma));
        }
        rc = rc || dy_buf_ch(b, '\n');
        for (; m < d->nmen && d->men[m].sent == s && !rc; m++) {
            const dy_mention *mm = &d->men[m];
            char w1[256], w2[256];
            entry_where(ctx, mm->entry, w1, sizeof w1);
            entry_where(ctx, mm->agent_entry, w2, sizeof w2);
            size_t a = t->tok[mm->first].start, z = t->tok[mm->end - 1].end;
            rc = dy_buf_printf(b, "actor: \"%.*s\" -> %s   [entry %s; agent %s]", (int)(z - a),
                               d->text + a, mm->code[0] ? mm->code : "(none)", w1, w2);
            if (!rc && mm->ref >= 0) {
                const dy_mention *r = &d->men[mm->ref];
                size_t ra = t->tok[r->first].start, rz = t->tok[r->end - 1].end;
                rc = dy_buf_printf(b, " refers to \"%.*s\"", (int)(rz - ra), d->text + ra);
            }
            rc = rc || dy_buf_ch(b, '\n');
        }
        for (; e < d->nev && d->ev[e].sent == s && !rc; e++) {
            const dy_event *ev = &d->ev[e];
            const dy_code *c = &ctx->ev.codes[ev->code];
            const dy_pattern *p = &ctx->ev.pat[ev->pattern];
            const char *f = ctx->ev.files[p->file];
            const char *slash = strrchr(f, '/');
            size_t ta = t->tok[ev->trig_first].start, tz = t->tok[ev->trig_end - 1].end;
            rc = dy_buf_printf(b, "event: %s (%s) %s -> %s  trigger \"%.*s\"  [pattern %s:%u]\n",
                               c->code, c->label, ev->src >= 0 ? d->men[ev->src].code : "-",
                               ev->tgt >= 0 ? d->men[ev->tgt].code : "-", (int)(tz - ta),
                               d->text + ta, slash ? slash + 1 : f, p->line);
        }
    }
    rc = rc || dy_buf_str(b, "== syntax\n") || dy_syn_print(ctx, t, &d->syn, b);
    if (rc)
        return NULL;
    if (len)
        *len = b->len;
    return b->p;
}
