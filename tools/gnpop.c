/* gnpop.c - writes the populations of Debian's libgeonames (GeoNames'
 * cities of 15,000 people or more) as text, for tools/mkgaz.c:
 *
 *   gnpop > build/geonames-pop.tsv
 *
 * One line per city: name, ISO 3166-1 alpha-2, lat, lon, population,
 * tab-separated. A separate program so that mkgaz does not link the
 * library; built only where pkg-config finds geonames (mk/places.mk). */
#include <geonames.h>
#include <stdio.h>

int main(void)
{
    int n = geonames_get_n_cities();
    for (int i = 0; i < n; i++) {
        GeonamesCity *c = geonames_get_city(i);
        if (!c)
            continue;
        const char *name = geonames_city_get_name(c), *cc = geonames_city_get_country_code(c);
        if (name && cc)
            printf("%s\t%s\t%.5f\t%.5f\t%u\n", name, cc, geonames_city_get_latitude(c),
                   geonames_city_get_longitude(c), geonames_city_get_population(c));
        geonames_city_free(c);
    }
    if (fflush(stdout) || ferror(stdout)) {
        fprintf(stderr, "gnpop: write error\n");
        return 1;
    }
    fprintf(stderr, "gnpop: %d cities\n", n);
    return 0;
}
