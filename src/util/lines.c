/* lines.c - reading dyad's line-oriented data files: every *.txt file of a
 * directory in name order, line by line, comments and blanks stripped. */
#include "util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

void dy_trim(char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int dy_read_dir_lines(const char *dir, dy_line_cb cb, void *user, char ***files, size_t *nfiles,
                      char *err, size_t errlen)
{
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(err, errlen, "%s: cannot open directory", dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".txt") || e->d_name[0] == '.')
            continue;
        if (DY_GROW(names, cap, n + 1)) {
            rc = -1;
            break;
        }
        size_t pl = strlen(dir) + l + 2;
        names[n] = dy_malloc(pl);
        if (!names[n]) {
            rc = -1;
            break;
        }
        snprintf(names[n], pl, "%s/%s", dir, e->d_name);
        n++;
    }
    closedir(d);
    if (rc) {
        snprintf(err, errlen, "out of memory");
        for (size_t i = 0; i < n; i++)
            dy_free(names[i]);
        dy_free(names);
        return -1;
    }
    if (n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t f = 0; f < n && rc == 0; f++) {
        size_t len;
        char *buf = dy_read_file(names[f], &len);
        if (!buf) {
            snprintf(err, errlen, "%s: cannot read", names[f]);
            rc = -1;
            break;
        }
        char *p = buf, *end = buf + len;
        int line = 0;
        while (p < end && rc == 0) {
            char *nl = memchr(p, '\n', (size_t)(end - p));
            char *le = nl ? nl : end;
            line++;
            char *h = memchr(p, '#', (size_t)(le - p));
            char *s = p;
            size_t sn = (size_t)((h ? h : le) - p);
            dy_trim(&s, &sn);
            if (sn) {
                s[sn] = 0;  /* safe: we own buf; the next byte is '#', '\n' or blank */
                rc = cb(user, names[f], (int)f, line, s, sn, err, errlen);
            }
            p = le + 1;
        }
        dy_free(buf);
    }
    if (files) {
        *files = names;
        *nfiles = n;
    } else {
        for (size_t i = 0; i < n; i++)
            dy_free(names[i]);
        dy_free(names);
    }
    return rc;
}
