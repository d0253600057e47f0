/* cases.c - the driver of tests/timex/: codes each case of a cases file and
 * compares the time expressions (and event dates) with the expected ones.
 *
 * usage: timex-cases CASES_FILE
 *
 * A case is one line "DATE | TEXT | EXPECTED":
 *   DATE      the document date YYYY-MM-DD, or "default:YYYY-MM-DD" for a
 *             document without a date whose context default date is that day
 *   EXPECTED  the time expressions in text order, separated by ';', each
 *             "words=VALUE" or "words=TYPE:VALUE" (TYPE DATE is the default);
 *             "-" for none. An item "@trigger=VALUE" checks the date of the
 *             first event with that trigger instead (and is not counted as a
 *             time expression).
 * Lines starting with '#' and blank lines are skipped. Prints PASS/FAIL per
 * case; exits 1 when a case fails. The data directory is dyad's usual one
 * ($DYAD_DATA, else the build tree's data/). */
#include "core/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void trim(char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t'))
        (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r' ||
                  (*s)[*n - 1] == '\n'))
        (*n)--;
}

static const char *type_name(int t)
{
    static const char *ty[] = {"?", "DATE", "TIME", "DURATION", "SET"};
    return ty[t >= 1 && t <= 4 ? t : 0];
}

/* Write what dyad found as "words=TYPE:VALUE;..." (DATE: without type). */
static void actual(const dyad_doc *d, char *out, size_t n)
{
    size_t l = 0;
    out[0] = 0;
    for (size_t k = 0; k < d->ntx && l < n; k++) {
        const dy_timex *x = &d->tx[k];
        size_t s = d->t.tok[x->first].start, e = d->t.tok[x->end - 1].end;
        l += (size_t)snprintf(out + l, n - l, "%s%.*s=%s%s%s", k ? "; " : "", (int)(e - s),
                              d->text + s, x->type == TX_DATE ? "" : type_name(x->type),
                              x->type == TX_DATE ? "" : ":", x->value);
    }
    if (!d->ntx)
        snprintf(out, n, "-");
}

/* The date of the first event whose trigger is w. */
static int event_date(const dyad_doc *d, const char *w, size_t wn, char *out, size_t n)
{
    for (size_t i = 0; i < d->nev; i++) {
        const dy_event *e = &d->ev[i];
        size_t s = d->t.tok[e->trig_first].start, t = d->t.tok[e->trig_end - 1].end;
        if (t - s != wn || memcmp(d->text + s, w, wn))
            continue;
        if (e->timex >= 0 && d->tx[e->timex].day == INT32_MIN)
            snprintf(out, n, "%s", d->tx[e->timex].value);
        else if (e->date != INT32_MIN) {
            char b[11];
            dy_format_date(e->date, b);
            snprintf(out, n, "%s", b);
        } else
            snprintf(out, n, "null");
        return 0;
    }
    snprintf(out, n, "(no event)");
    return -1;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: timex-cases CASES_FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        printf("FAIL timex/cases (cannot read %s)\n", argv[1]);
        return 1;
    }
    char err[512];
    dyad_ctx *ctx = NULL;
    if (dyad_ctx_new(NULL, &ctx, err, sizeof err) != DYAD_OK) {
        printf("FAIL timex/context (%s)\n", err);
        fclose(f);
        return 1;
    }
    dyad_doc *doc = dyad_doc_new();
    char line[4096], exp_tx[4096], got[4096];
    int lineno = 0, fails = 0, n = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = line;
        size_t sl = strlen(s);
        trim(&s, &sl);
        if (!sl || *s == '#')
            continue;
        s[sl] = 0;
        char *b1 = strchr(s, '|'), *b2 = b1 ? strchr(b1 + 1, '|') : NULL;
        if (!b2) {
            printf("FAIL timex/line%d (malformed case)\n", lineno);
            fails++;
            continue;
        }
        char *date = s, *text = b1 + 1, *exp = b2 + 1;
        size_t dn = (size_t)(b1 - s), tn = (size_t)(b2 - text), en = strlen(exp);
        trim(&date, &dn);
        trim(&text, &tn);
        trim(&exp, &en);
        date[dn] = 0;
        text[tn] = 0;
        exp[en] = 0;
        const char *dd = date;
        if (!strncmp(date, "default:", 8)) {
            dyad_ctx_set_default_date(ctx, date + 8);
            dd = NULL;
        } else
            dyad_ctx_set_default_date(ctx, NULL);
        n++;
        char name[64];
        snprintf(name, sizeof name, "timex/%d-%.24s", lineno, text);
        for (char *p = name; *p; p++)
            if (*p == ' ' || *p == '|')
                *p = '_';
        if (dyad_code(ctx, doc, text, tn, dd) != DYAD_OK) {
            printf("FAIL %s (%s)\n", name, dyad_strerror(doc->err));
            fails++;
            continue;
        }
        /* event dates: the pipeline calls this after the coder; calling it
         * again is harmless, and keeps these cases independent of that */
        dy_timex_assign(ctx, doc);
        /* split the expectations: time expressions vs event dates */
        size_t el = 0;
        exp_tx[0] = 0;
        int ok = 1;
        char why[1024] = "";
        for (char *p = exp; *p;) {
            char *q = strchr(p, ';');
            size_t in = q ? (size_t)(q - p) : strlen(p);
            char *item = p;
            trim(&item, &in);
            if (in && *item == '@') {
                char *eq = memchr(item, '=', in);
                char dv[64];
                if (!eq) {
                    ok = 0;
                    snprintf(why, sizeof why, "malformed event item");
                } else {
                    event_date(doc, item + 1, (size_t)(eq - item - 1), dv, sizeof dv);
                    size_t vn = in - (size_t)(eq + 1 - item);
                    if (strlen(dv) != vn || memcmp(dv, eq + 1, vn)) {
                        ok = 0;
                        snprintf(why, sizeof why, "event %.*s: got %s", (int)(eq - item - 1),
                                 item + 1, dv);
                    }
                }
            } else if (in) {
                /* drop an explicit DATE: type */
                char *eq = memchr(item, '=', in);
                el += (size_t)snprintf(exp_tx + el, sizeof exp_tx - el, "%s", el ? "; " : "");
                if (eq && !strncmp(eq + 1, "DATE:", 5)) {
                    el += (size_t)snprintf(exp_tx + el, sizeof exp_tx - el, "%.*s%.*s",
                                           (int)(eq + 1 - item), item,
                                           (int)(in - (size_t)(eq + 6 - item)), eq + 6);
                } else
                    el += (size_t)snprintf(exp_tx + el, sizeof exp_tx - el, "%.*s", (int)in, item);
            }
            if (!q)
                break;
            p = q + 1;
        }
        if (!el)
            snprintf(exp_tx, sizeof exp_tx, "-");
        actual(doc, got, sizeof got);
        if (strcmp(got, exp_tx)) {
            ok = 0;
            snprintf(why, sizeof why, "want %s, got %s", exp_tx, got);
        }
        if (ok)
            printf("PASS %s\n", name);
        else {
            printf("FAIL %s\n  text: %s\n  %s\n", name, text, why);
            fails++;
        }
    }
    fclose(f);
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
    if (!n) {
        printf("FAIL timex/cases (no cases in %s)\n", argv[1]);
        return 1;
    }
    return fails ? 1 : 0;
}
