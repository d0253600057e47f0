/* codes.c - the code tables the GDELT and PLOVER exports need to split a CAMEO
 * actor code into its parts and to write GDELT's geographic fields. These are
 * part of the output formats (like GDELT's list of 61 columns), not
 * dictionaries: CAMEO's 3-letter role, religion and organisation codes, the
 * country and region codes dyad's dictionaries use (ISO 3166-1 alpha-3 plus
 * CAMEO's own), and for each country its FIPS 10-4 code, which GDELT writes in
 * its *Geo_CountryCode columns. Tables are sorted by code (binary search). */
#include "export.h"

#include <stdlib.h>
#include <string.h>

/* Country and region codes -> FIPS 10-4 ("" for regions and codes FIPS lacks). */
static const char *const countries[][2] = {
    {"ABW", "AA"}, {"AFG", "AF"}, {"AFR", ""},   {"AGO", "AO"}, {"AIA", "AV"}, {"ALA", "FI"},
    {"ALB", "AL"}, {"AND", "AN"}, {"ANT", "NT"}, {"ARE", "AE"}, {"ARG", "AR"}, {"ARM", "AM"},
    {"ASA", ""},   {"ASM", "AQ"}, {"ATA", "AY"}, {"ATF", "FS"}, {"ATG", "AC"}, {"AUS", "AS"},
    {"AUT", "AU"}, {"AZE", "AJ"}, {"BDI", "BY"}, {"BEL", "BE"}, {"BEN", "BN"}, {"BES", "NL"},
    {"BFA", "UV"}, {"BGD", "BG"}, {"BGR", "BU"}, {"BHR", "BA"}, {"BHS", "BF"}, {"BIH", "BK"},
    {"BLK", ""},   {"BLM", "TB"}, {"BLR", "BO"}, {"BLZ", "BH"}, {"BMU", "BD"}, {"BOL", "BL"},
    {"BRA", "BR"}, {"BRB", "BB"}, {"BRN", "BX"}, {"BTN", "BT"}, {"BVT", "BV"}, {"BWA", "BC"},
    {"CAF", "CT"}, {"CAN", "CA"}, {"CAS", ""},   {"CAU", ""},   {"CCK", "CK"}, {"CEU", ""},
    {"CFR", ""},   {"CHE", "SZ"}, {"CHL", "CI"}, {"CHN", "CH"}, {"CIV", "IV"}, {"CMR", "CM"},
    {"COD", "CG"}, {"COG", "CF"}, {"COK", "CW"}, {"COL", "CO"}, {"COM", "CN"}, {"CPV", "CV"},
    {"CRB", ""},   {"CRI", "CS"}, {"CSK", ""},   {"CUB", "CU"}, {"CUW", "UC"}, {"CXR", "KT"},
    {"CYM", "CJ"}, {"CYP", "CY"}, {"CZE", "EZ"}, {"DDR", "GC"}, {"DEU", "GM"}, {"DJI", "DJ"},
    {"DMA", "DO"}, {"DNK", "DA"}, {"DOM", "DR"}, {"DZA", "AG"}, {"EAF", ""},   {"ECU", "EC"},
    {"EEU", ""},   {"EGY", "EG"}, {"EIN", ""},   {"ERI", "ER"}, {"ESH", "WI"}, {"ESP", "SP"},
    {"EST", "EN"}, {"ETH", "ET"}, {"EUR", ""},   {"FIN", "FI"}, {"FJI", "FJ"}, {"FLK", "FK"},
    {"FRA", "FR"}, {"FRO", "FO"}, {"FSM", "FM"}, {"GAB", "GB"}, {"GBR", "UK"}, {"GEO", "GG"},
    {"GGY", "GK"}, {"GHA", "GH"}, {"GIB", "GI"}, {"GIN", "GV"}, {"GLP", "GP"}, {"GMB", "GA"},
    {"GNB", "PU"}, {"GNQ", "EK"}, {"GRC", "GR"}, {"GRD", "GJ"}, {"GRL", "GL"}, {"GTM", "GT"},
    {"GUF", "FG"}, {"GUM", "GQ"}, {"GUY", "GY"}, {"HKG", "HK"}, {"HMD", "HM"}, {"HND", "HO"},
    {"HRV", "HR"}, {"HTI", "HA"}, {"HUN", "HU"}, {"IDN", "ID"}, {"IMN", "IM"}, {"IND", "IN"},
    {"IOT", "IO"}, {"IRL", "EI"}, {"IRN", "IR"}, {"IRQ", "IZ"}, {"ISL", "IC"}, {"ISR", "IS"},
    {"ITA", "IT"}, {"JAM", "JM"}, {"JEY", "JE"}, {"JOR", "JO"}, {"JPN", "JA"}, {"KAZ", "KZ"},
    {"KEN", "KE"}, {"KGZ", "KG"}, {"KHM", "CB"}, {"KIR", "KR"}, {"KNA", "SC"}, {"KOR", "KS"},
    {"KOS", "KV"}, {"KWT", "KU"}, {"LAM", ""},   {"LAO", "LA"}, {"LBN", "LE"}, {"LBR", "LI"},
    {"LBY", "LY"}, {"LCA", "ST"}, {"LIE", "LS"}, {"LKA", "CE"}, {"LSO", "LT"}, {"LTU", "LH"},
    {"LUX", "LU"}, {"LVA", "LG"}, {"MAC", "MC"}, {"MAF", "RN"}, {"MAR", "MO"}, {"MCO", "MN"},
    {"MDA", "MD"}, {"MDG", "MA"}, {"MDT", ""},   {"MDV", "MV"}, {"MEA", ""},   {"MEX", "MX"},
    {"MHL", "RM"}, {"MKD", "MK"}, {"MLI", "ML"}, {"MLT", "MT"}, {"MMR", "BM"}, {"MNE", "MJ"},
    {"MNG", "MG"}, {"MNP", "CQ"}, {"MOZ", "MZ"}, {"MRT", "MR"}, {"MSR", "MH"}, {"MTQ", "MB"},
    {"MUS", "MP"}, {"MWI", "MI"}, {"MYS", "MY"}, {"MYT", "MF"}, {"NAF", ""},   {"NAM", "WA"},
    {"NCL", "NC"}, {"NER", "NG"}, {"NFK", "NF"}, {"NGA", "NI"}, {"NIC", "NU"}, {"NIU", "NE"},
    {"NLD", "NL"}, {"NMR", ""},   {"NOR", "NO"}, {"NPL", "NP"}, {"NRU", "NR"}, {"NZL", "NZ"},
    {"OMN", "MU"}, {"PAK", "PK"}, {"PAN", "PM"}, {"PCN", "PC"}, {"PER", "PE"}, {"PGS", ""},
    {"PHL", "RP"}, {"PLW", "PS"}, {"PNG", "PP"}, {"POL", "PL"}, {"PRI", "RQ"}, {"PRK", "KN"},
    {"PRT", "PO"}, {"PRY", "PA"}, {"PSE", "WE"}, {"PYF", "FP"}, {"QAT", "QA"}, {"REU", "RE"},
    {"ROU", "RO"}, {"RUS", "RS"}, {"RWA", "RW"}, {"SAF", ""},   {"SAM", ""},   {"SAS", ""},
    {"SAU", "SA"}, {"SCG", "YI"}, {"SCN", ""},   {"SDN", "SU"}, {"SEA", ""},   {"SEN", "SG"},
    {"SGP", "SN"}, {"SGS", "SX"}, {"SHN", "SH"}, {"SJM", "SV"}, {"SLB", "BP"}, {"SLE", "SL"},
    {"SLV", "ES"}, {"SMR", "SM"}, {"SOM", "SO"}, {"SPM", "SB"}, {"SRB", "RI"}, {"SSD", "OD"},
    {"STP", "TP"}, {"SUR", "NS"}, {"SVK", "LO"}, {"SVN", "SI"}, {"SWE", "SW"}, {"SWZ", "WZ"},
    {"SXM", "NN"}, {"SYC", "SE"}, {"SYR", "SY"}, {"TCA", "TK"}, {"TCD", "CD"}, {"TGO", "TO"},
    {"THA", "TH"}, {"TJK", "TI"}, {"TKL", "TL"}, {"TKM", "TX"}, {"TLS", "TT"}, {"TON", "TN"},
    {"TTO", "TD"}, {"TUN", "TS"}, {"TUR", "TU"}, {"TUV", "TV"}, {"TWN", "TW"}, {"TZA", "TZ"},
    {"UGA", "UG"}, {"UKR", "UP"}, {"UMI", ""},   {"URY", "UY"}, {"USA", "US"}, {"USR", "UR"},
    {"UZB", "UZ"}, {"VAT", "VT"}, {"VCT", "VC"}, {"VEN", "VE"}, {"VGB", "VI"}, {"VIR", "VQ"},
    {"VNM", "VM"}, {"VUT", "NH"}, {"WAF", ""},   {"WLF", "WF"}, {"WSM", "WS"}, {"WST", ""},
    {"YEM", "YM"}, {"YUG", "YI"}, {"ZAF", "SF"}, {"ZMB", "ZA"}, {"ZWE", "ZI"},
};

/* CAMEO role ("type") codes, the generic international codes among them. */
static const char *const roles[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "INT", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM",
    "NGO", "OPP", "PKO", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF",
    "UIS",
};

/* CAMEO religion codes. */
static const char *const religions[] = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CPT", "CTH", "DOX", "DRZ", "HIN",
    "HSD", "ITR", "JAN", "JEW", "JHW", "LDS", "MOS", "MRN", "NRM", "PAG", "PRO", "SFI",
    "SHI", "SHN", "SIK", "SUN", "TAO", "UDX", "ZRO",
};

static int cmp3(const void *a, const void *b)
{
    return memcmp(a, *(const char *const *)b, 3);
}

static int in_list(const char *seg, const char *const *list, size_t n)
{
    return bsearch(seg, list, n, sizeof *list, cmp3) != NULL;
}

static int cmp_country(const void *a, const void *b)
{
    return memcmp(a, ((const char *const *)b)[0], 3);
}

const char *ex_fips(const char *iso3)
{
    if (!iso3 || strlen(iso3) != 3)
        return NULL;
    const char *const *row = bsearch(iso3, countries, sizeof countries / sizeof countries[0],
                                     sizeof countries[0], cmp_country);
    return row ? row[1] : NULL;
}

int ex_is_country(const char *seg)
{
    return bsearch(seg, countries, sizeof countries / sizeof countries[0], sizeof countries[0],
                   cmp_country) != NULL;
}

int ex_is_role(const char *seg)
{
    return in_list(seg, roles, sizeof roles / sizeof roles[0]);
}

int ex_is_religion(const char *seg)
{
    return in_list(seg, religions, sizeof religions / sizeof religions[0]);
}

void ex_split_actor(const char *code, ex_actor_parts *p)
{
    memset(p, 0, sizeof *p);
    size_t n = code ? strlen(code) : 0;
    int nty = 0, nrel = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        char seg[4] = {code[i], code[i + 1], code[i + 2], 0};
        if (i == 0 && ex_is_country(seg)) {
            memcpy(p->country, seg, 4);   /* first: a country before anything else */
        } else if (ex_is_role(seg)) {
            if (nty < 3)
                memcpy(p->type[nty++], seg, 4);
        } else if (ex_is_religion(seg)) {
            if (nrel < 2)
                memcpy(p->religion[nrel++], seg, 4);
        } else if (!p->country[0] && ex_is_country(seg)) {
            memcpy(p->country, seg, 4);
        } else if (!p->group[0]) {
            memcpy(p->group, seg, 4);
        }
    }
}
