/* export.h - private to libdyad: the code tables of the exports (codes.c). */
#ifndef DY_EXPORT_H
#define DY_EXPORT_H

/* FIPS 10-4 code of an ISO-3 / CAMEO country code: "" for a region, NULL when
 * the code is unknown. */
const char *ex_fips(const char *iso3);
int ex_is_country(const char *seg);
int ex_is_role(const char *seg);
int ex_is_religion(const char *seg);

/* A CAMEO actor code cut into GDELT's actor fields ("" when absent). */
typedef struct ex_actor_parts {
    char country[4], group[4], religion[2][4], type[3][4];
} ex_actor_parts;
void ex_split_actor(const char *code, ex_actor_parts *p);

#endif
