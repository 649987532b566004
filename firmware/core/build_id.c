#include "build_id.h"

#include <string.h>

#define NT_GNU_BUILD_ID 3u

static uint32_t read_u32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v); /* the note is in the target's own byte order */
    return v;
}

/* Note fields are padded to 4 bytes: a mask, not a division. */
static size_t padded(uint32_t n) { return ((size_t)n + 3u) & ~(size_t)3u; }

size_t rig_build_id_find(const uint8_t *notes, size_t bytes, const uint8_t **id)
{
    size_t at = 0;
    while (at <= bytes && bytes - at >= 12u) {
        uint32_t namesz = read_u32(notes + at);
        uint32_t descsz = read_u32(notes + at + 4u);
        uint32_t type = read_u32(notes + at + 8u);
        size_t name_at = at + 12u;
        if (padded(namesz) > bytes - name_at) return 0;
        size_t desc_at = name_at + padded(namesz);
        if (padded(descsz) > bytes - desc_at) return 0;
        if (type == NT_GNU_BUILD_ID && namesz == 4u && memcmp(notes + name_at, "GNU", 4u) == 0 && descsz > 0u) {
            *id = notes + desc_at;
            return descsz < RIG_BUILD_ID_MAX_BYTES ? descsz : RIG_BUILD_ID_MAX_BYTES;
        }
        at = desc_at + padded(descsz);
    }
    return 0;
}
