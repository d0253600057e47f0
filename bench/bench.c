/* bench.c - dyad's speed benchmark. Codes a corpus of documents (by default
 * the bundled examples, repeated until about --mb megabytes) on one core and
 * prints, per stage, sentences/second and MB/s, plus peak RSS and the machine.
 *
 *   build/bench [--mb 50] [--data DIR] [--only text|analysis|full] [FILE...]
 *
 * Stages: "text" = tokenize + split; "analysis" = text + tag + parse (the
 * linguistic core); "full" = the whole pipeline with JSON output. --only runs
 * one stage and skips the breakdown (for profiling with perf record). Rates
 * are per CPU second of the process (one core); the wall-clock rate follows
 * in parentheses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>

#include "../src/core/internal.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of the process: the rates are per core, and on a shared machine
 * the wall clock also counts the time other jobs had the core */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void cpu_name(char *out, size_t n)
{
    snprintf(out, n, "unknown cpu");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f))
        if (!strncmp(line, "model name", 10)) {
            char *c = strchr(line, ':');
            if (c) {
                c += 2;
                c[strcspn(c, "\n")] = 0;
                snprintf(out, n, "%s", c);
            }
            break;
        }
    fclose(f);
}

int main(int argc, char **argv)
{
    double mb = 50;
    const char *data = NULL;
    const char *files[64];
    int nf = 0, only = -1;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--mb") && i + 1 < argc)
            mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
        else if (!strcmp(argv[i], "--only") && i + 1 < argc) {
            i++;
            only = !strcmp(argv[i], "text") ? 0 : !strcmp(argv[i], "analysis") ? 1 : 2;
        }
        else if (nf < 64)
            files[nf++] = argv[i];
    }
    if (!nf) {
        fprintf(stderr, "usage: bench [--mb N] [--data DIR] FILE...\n");
        return 2;
    }
    char *docs[64];
    size_t lens[64], total_one = 0;
    for (int i = 0; i < nf; i++) {
        docs[i] = dy_read_file(files[i], &lens[i]);
        if (!docs[i]) {
            fprintf(stderr, "bench: cannot read %s\n", files[i]);
            return 1;
        }
        total_one += lens[i];
    }
    dyad_ctx *ctx;
    char err[512];
    double t0 = now();
    if (dyad_ctx_new(data, &ctx, err, sizeof err)) {
        fprintf(stderr, "bench: %s\n", err);
        return 1;
    }
    double load = now() - t0;
    dyad_doc *doc = dyad_doc_new();
    size_t reps = (size_t)(mb * 1e6 / (double)total_one) + 1;

    struct utsname u;
    uname(&u);
    char cpu[256];
    cpu_name(cpu, sizeof cpu);
    printf("machine: %s %s, %s, 1 core\n", u.nodename, u.machine, cpu);
    printf("corpus: %d file(s) x %zu = %.1f MB; dictionaries loaded in %.0f ms\n", nf, reps,
           (double)(reps * total_one) / 1e6, load * 1e3);

    for (int stage = 0; stage < 3; stage++) {
        if (only >= 0 && stage != only)
            continue;
        size_t sents = 0, bytes = 0, events = 0;
        double s0 = now(), c0 = cpu_now();
        for (size_t r = 0; r < reps; r++)
            for (int i = 0; i < nf; i++) {
                if (stage < 2) {
                    dy_text *t = &doc->t;
                    t->src = docs[i];
                    t->len = lens[i];
                    if (dy_tokenize(t, &ctx->ab) || dy_split(t, &ctx->ab))
                        return 1;
                    if (stage == 1) {
                        for (size_t k = 0; k < t->ntok; k++)
                            t->tok[k].word = dy_word_find(ctx, t->norm + t->tok[k].norm, t->tok[k].nlen);
                        if (dy_tag(ctx, t) || dy_parse(ctx, t, &doc->syn))
                            return 1;
                    }
                    sents += t->nsent;
                } else {
                    if (dyad_code(ctx, doc, docs[i], lens[i], "2025-03-12"))
                        return 1;
                    size_t n;
                    if (!dyad_doc_json(doc, "bench", DYAD_FMT_DOC, &n))
                        return 1;
                    sents += dyad_doc_sentence_count(doc);
                    events += dyad_doc_event_count(doc);
                }
                bytes += lens[i];
            }
        double el = now() - s0, ec = cpu_now() - c0;
        static const char *names[] = {"text (tokenize+split)", "analysis (+tag+parse)",
                                      "full pipeline + JSON"};
        printf("%-24s %9.0f sentences/s  %7.1f MB/s  (%zu sentences, %.2f s CPU; wall clock "
               "%.2f s, %.0f sentences/s)",
               names[stage], (double)sents / ec, (double)bytes / 1e6 / ec, sents, ec, el,
               (double)sents / el);
        if (stage == 2)
            printf("  %zu events", events);
        printf("\n");
    }
    /* where the time goes: each stage of dyad_code timed on its own */
    if (only < 0) {
        static const char *sn[] = {"tokenize+split", "tag", "parse", "actors", "timex",
                                   "quotes", "places", "events", "assign", "json"};
        double acc[10] = {0};
        size_t reps2 = reps / 4 + 1;
        for (size_t r = 0; r < reps2; r++)
            for (int i = 0; i < nf; i++) {
                dyad_doc *d = doc;
                double t0s = cpu_now(), t1s;
                dyad_code(ctx, d, "", 0, "2025-03-12"); /* reset, set ctx and date */
                if (dy_grow((void **)&d->text, &d->text_cap, lens[i] + 1, 1))
                    return 1;
                memcpy(d->text, docs[i], lens[i]);
                d->text[lens[i]] = 0;
                d->len = lens[i];
                d->t.src = d->text;
                d->t.len = lens[i];
                t0s = cpu_now();
                dy_tokenize(&d->t, &ctx->ab);
                dy_split(&d->t, &ctx->ab);
                for (size_t k = 0; k < d->t.ntok; k++)
                    d->t.tok[k].word = dy_word_find(ctx, d->t.norm + d->t.tok[k].norm, d->t.tok[k].nlen);
                t1s = cpu_now(); acc[0] += t1s - t0s; t0s = t1s;
                dy_tag(ctx, &d->t);
                t1s = cpu_now(); acc[1] += t1s - t0s; t0s = t1s;
                dy_parse(ctx, &d->t, &d->syn);
                t1s = cpu_now(); acc[2] += t1s - t0s; t0s = t1s;
                dy_actors_find(ctx, d);
                t1s = cpu_now(); acc[3] += t1s - t0s; t0s = t1s;
                dy_timex_find(ctx, d);
                t1s = cpu_now(); acc[4] += t1s - t0s; t0s = t1s;
                dy_quotes_find(ctx, d);
                t1s = cpu_now(); acc[5] += t1s - t0s; t0s = t1s;
                dy_places_find(ctx, d);
                t1s = cpu_now(); acc[6] += t1s - t0s; t0s = t1s;
                dy_events_code(ctx, d);
                t1s = cpu_now(); acc[7] += t1s - t0s; t0s = t1s;
                dy_timex_assign(ctx, d);
                dy_places_assign(ctx, d);
                t1s = cpu_now(); acc[8] += t1s - t0s; t0s = t1s;
                size_t n;
                dyad_doc_json(d, "bench", DYAD_FMT_DOC, &n);
                t1s = cpu_now(); acc[9] += t1s - t0s;
            }
        double tot = 0;
        for (int k = 0; k < 10; k++)
            tot += acc[k];
        printf("stage breakdown (%zu repetitions):", reps2);
        for (int k = 0; k < 10; k++)
            printf(" %s %.0f%%", sn[k], 100.0 * acc[k] / tot);
        printf("\n");
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    dyad_doc_free(doc);
    dyad_ctx_free(ctx);
    for (int i = 0; i < nf; i++)
        dy_free(docs[i]);
    return 0;
}
