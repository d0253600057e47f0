/* cli.h - private to the dyad program: the subcommands. The program uses only
 * the public API in dyad.h. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include <stdio.h>

#include "dyad.h"

/* Exit statuses (Unix habits). */
enum { EXIT_OKAY = 0, EXIT_DATA = 1, EXIT_USAGE = 2 };

int cmd_code(int argc, char **argv);
int cmd_parse(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_ingest(int argc, char **argv);   /* ingest.c */
int cmd_query(int argc, char **argv);    /* query.c */
int cmd_serve(int argc, char **argv);    /* serve.c */

/* Shared option handling: returns 1 if argv[*i] was one of --data DIR,
 * --dict-format F, --dict-dir DIR, --date D (advancing *i), 0 if not, -1 on a
 * usage error. */
typedef struct cli_common {
    const char *data_dir;
    const char *date;
    int dict_format;
    const char *dict_dir;     /* --dict-dir DIR: PETRARCH/TABARI dictionaries */
} cli_common;
int cli_common_opt(cli_common *c, int argc, char **argv, int *i);
/* Load the context named by the options; prints the error and returns NULL. */
dyad_ctx *cli_load(const cli_common *c);
/* Open every named file ("-" is stdin) before any work, so an unreadable one
 * is a usage error that produces no output. Returns a calloc'd array, or NULL
 * after printing which file failed (every file opened so far is closed);
 * *oom is set when the array itself could not be allocated. */
FILE **cli_open_all(char **files, int n, int *oom);
/* Read a whole stream; returns malloc'd bytes (NUL-terminated) or NULL. */
char *cli_read_all(FILE *f, size_t *len);
/* Open the event store at path (prints the error and returns NULL). */
dyad_store *cli_store_open(const char *path, const char *data_dir, int flags);

#endif
