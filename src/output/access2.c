/* access2.c - more accessors of a coded document for the store and the
 * exports: the text, quotations, time expressions, places, and what each event
 * is tied to. They read the document's arrays (src/core/internal.h) and hand
 * out pointers into them, valid until the next dyad_code() on the document. */
#include "../core/internal.h"

/* Byte range of a token range [first, end). */
static void tok_range(const dyad_doc *d, uint32_t first, uint32_t end, size_t *s, size_t *e)
{
    if (first >= d->t.ntok || end <= first || end > d->t.ntok) {
        *s = *e = 0;
        return;
    }
    *s = d->t.tok[first].start;
    *e = d->t.tok[end - 1].end;
}

const char *dyad_doc_text(const dyad_doc *d, size_t *len)
{
    if (len)
        *len = d->text ? d->len : 0;
    return d->text ? d->text : "";
}

size_t dyad_doc_quote_count(const dyad_doc *d) { return d->nq; }

dyad_err dyad_doc_quote(const dyad_doc *d, size_t i, dyad_quote_info *out)
{
    if (i >= d->nq)
        return DYAD_ENOTFOUND;
    const dy_quote *q = &d->q[i];
    out->start = q->start;
    out->end = q->end;
    out->sentence = q->sent;
    out->direct = q->direct;
    out->speaker = q->speaker >= 0 && (size_t)q->speaker < d->nmen ? q->speaker : -1;
    return DYAD_OK;
}

size_t dyad_doc_timex_count(const dyad_doc *d) { return d->ntx; }

dyad_err dyad_doc_timex(const dyad_doc *d, size_t i, dyad_timex_info *out)
{
    static const char *types[] = {"", "DATE", "TIME", "DURATION", "SET"};
    if (i >= d->ntx)
        return DYAD_ENOTFOUND;
    const dy_timex *x = &d->tx[i];
    tok_range(d, x->first, x->end, &out->start, &out->end);
    out->sentence = x->sent;
    out->type = types[x->type <= TX_SET ? x->type : 0];
    out->value = x->value;
    return DYAD_OK;
}

size_t dyad_doc_place_count(const dyad_doc *d) { return d->npl; }

dyad_err dyad_doc_place(const dyad_doc *d, size_t i, dyad_place_info *out)
{
    if (i >= d->npl)
        return DYAD_ENOTFOUND;
    const dy_place *p = &d->pl[i];
    tok_range(d, p->first, p->end, &out->start, &out->end);
    out->sentence = p->sent;
    out->name = p->name;
    out->country = p->country;
    out->adm1 = p->adm1;
    out->feature = p->feature;
    out->lat = p->lat;
    out->lon = p->lon;
    return DYAD_OK;
}

dyad_err dyad_doc_event_links(const dyad_doc *d, size_t i, dyad_event_links *out)
{
    if (i >= d->nev || !d->ctx)
        return DYAD_ENOTFOUND;
    const dy_event *e = &d->ev[i];
    out->source = e->src >= 0 && (size_t)e->src < d->nmen ? e->src : -1;
    out->target = e->tgt >= 0 && (size_t)e->tgt < d->nmen ? e->tgt : -1;
    out->place = e->place >= 0 && (size_t)e->place < d->npl ? e->place : -1;
    out->timex = e->timex >= 0 && (size_t)e->timex < d->ntx ? e->timex : -1;
    out->plover_context = "";
    if (e->code >= 0 && (size_t)e->code < d->ctx->ev.ncodes)
        out->plover_context = d->ctx->ev.codes[e->code].plover_context;
    return DYAD_OK;
}

dyad_err dyad_doc_date(const dyad_doc *d, char out[11])
{
    out[0] = 0;
    if (!d->ctx || !d->has_date)
        return DYAD_ENOTFOUND;
    dy_format_date(d->date, out);
    return DYAD_OK;
}

dyad_err dyad_doc_status(const dyad_doc *d)
{
    return d->ctx ? d->err : DYAD_EINVAL;
}
