/* server.h - private to the dyad program: the HTTP server of `dyad serve`
 * (civetweb). It uses only the public API in dyad.h. */
#ifndef DYAD_SERVER_H
#define DYAD_SERVER_H

#include <stddef.h>

#include "dyad.h"

typedef struct srv_opts {
    const char *bind;        /* address to listen on, "127.0.0.1" */
    int port;                /* 0: any free port */
    const char *web_dir;     /* static files, NULL: none */
    size_t max_body;         /* largest request body in bytes */
    int threads;             /* worker threads */
    int timeout_ms;          /* request timeout */
    int quiet;               /* no log on stderr */
} srv_opts;

/* Serve the API over store st (and coding with ctx) until SIGINT or SIGTERM.
 * Prints "dyad serve: listening on http://ADDR:PORT/" on stderr once ready.
 * Returns the program's exit status. */
int srv_run(const srv_opts *o, const dyad_ctx *ctx, dyad_store *st);

#endif
