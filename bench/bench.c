/* bench.c - dyad's speed benchmark. Codes a corpus of documents (by default
 * the bundled examples, repeated until about --mb megabytes) on one core and
 * prints, per stage, sentences/second and MB/s, plus peak RSS and the machine.
 *
 *   build/bench [--mb 50] [--data DIR] [FILE...]
 *
 * Stages: "text" = tokenize + split; "analysis" = text + tag + parse (the
 * linguistic core); "full" = the whole pipeline with JSON output. */
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
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--mb") && i + 1 < argc)
            mb = atof(argv[++i]);
        else if (!strcmp(argv[i], "--data") && i + 1 < argc)
            data = argv[++i];
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
        size_t sents = 0, bytes = 0, events = 0;
        double s0 = now();
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
        double el = now() - s0;
        static const char *names[] = {"text (tokenize+split)", "analysis (+tag+parse)",
                                      "full pipeline + JSON"};
        printf("%-24s %9.0f sentences/s  %7.1f MB/s  (%zu sentences, %.2f s)", names[stage],
               (double)sents / el, (double)bytes / 1e6 / el, sents, el);
        if (stage == 2)
            printf("  %zu events", events);
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
