/* input.c - reading one JSONL input record with cJSON. Field types are
 * checked; the message of a failure says what was wrong. */
#include "../core/internal.h"

#include <cJSON.h>
#include <stdio.h>

static char *dup_str(const char *s)
{
    return s ? dy_strndup(s, strlen(s)) : NULL;
}

void dyad_input_clear(dyad_input *in)
{
    dy_free(in->id);
    dy_free(in->date);
    dy_free(in->text);
    dy_free(in->title);
    dy_free(in->url);
    dy_free(in->source);
    memset(in, 0, sizeof *in);
}

static int opt_string(const cJSON *o, const char *name, char **out, char *err, size_t errlen)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, name);
    if (!v || cJSON_IsNull(v))
        return 0;
    if (!cJSON_IsString(v)) {
        snprintf(err, errlen, "field \"%s\" must be a string", name);
        return -1;
    }
    *out = dup_str(v->valuestring);
    if (!*out) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

dyad_err dyad_input_parse(const char *line, size_t len, dyad_input *in, char *err, size_t errlen)
{
    memset(in, 0, sizeof *in);
    const char *end = NULL;
    cJSON *o = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!o) {
        const char *e = cJSON_GetErrorPtr();
        size_t off = e && e >= line && e <= line + len ? (size_t)(e - line) : 0;
        snprintf(err, errlen, "malformed JSON near byte %zu", off);
        return DYAD_EJSON;
    }
    /* only blanks may follow the object */
    for (const char *p = end; p && p < line + len; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n') {
            snprintf(err, errlen, "trailing characters after the JSON object at byte %zu",
                     (size_t)(p - line));
            cJSON_Delete(o);
            return DYAD_EJSON;
        }
    dyad_err rc = DYAD_OK;
    if (!cJSON_IsObject(o)) {
        snprintf(err, errlen, "a line must be a JSON object");
        rc = DYAD_EJSON;
        goto out;
    }
    const cJSON *id = cJSON_GetObjectItemCaseSensitive(o, "id");
    if (id && cJSON_IsString(id))
        in->id = dup_str(id->valuestring);
    else if (id && cJSON_IsNumber(id)) {
        char tmp[64];
        double v = id->valuedouble;
        if (v == (double)(long long)v)
            snprintf(tmp, sizeof tmp, "%lld", (long long)v);
        else
            snprintf(tmp, sizeof tmp, "%.17g", v);
        in->id = dup_str(tmp);
    } else if (id && !cJSON_IsNull(id)) {
        snprintf(err, errlen, "field \"id\" must be a string or a number");
        rc = DYAD_EJSON;
        goto out;
    }
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(o, "text");
    if (!text || !cJSON_IsString(text)) {
        snprintf(err, errlen, text ? "field \"text\" must be a string" : "missing field \"text\"");
        rc = DYAD_EJSON;
        goto out;
    }
    in->text = dup_str(text->valuestring);
    in->text_len = in->text ? strlen(in->text) : 0;
    if (opt_string(o, "date", &in->date, err, errlen) || opt_string(o, "title", &in->title, err, errlen) ||
        opt_string(o, "url", &in->url, err, errlen) || opt_string(o, "source", &in->source, err, errlen)) {
        rc = DYAD_EJSON;
        goto out;
    }
    if (in->date) {
        int32_t d;
        if (dy_parse_date(in->date, strlen(in->date), &d)) {
            snprintf(err, errlen, "field \"date\" must be YYYY-MM-DD, not \"%.20s\"", in->date);
            rc = DYAD_EINVAL;
            goto out;
        }
    }
    if (!in->text) {
        snprintf(err, errlen, "out of memory");
        rc = DYAD_ENOMEM;
    }
out:
    cJSON_Delete(o);
    return rc;
}
