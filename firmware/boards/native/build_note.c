/*
 * build_note.c - board_build_id() and board_unique_id() of the native virtual board. The board is
 * linked with --build-id=sha1 (CMakeLists.txt); its build id is in a PT_NOTE segment of the running
 * executable, found through dl_iterate_phdr (the first object it reports is the executable), so
 * HELLO carries the id `readelf -n` prints for rig_board_native_<profile>. A host has no chip ID.
 */
#define _GNU_SOURCE /* dl_iterate_phdr */

#include <link.h>
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "build_id.h"

typedef struct {
    const uint8_t *id;
    size_t len;
} found_id_t;

static int scan_executable(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    found_id_t *found = (found_id_t *)data;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum && found->len == 0; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE) continue;
        found->len = rig_build_id_find((const uint8_t *)(info->dlpi_addr + ph->p_vaddr), (size_t)ph->p_memsz, &found->id);
    }
    return 1; /* the executable only: stop after the first object */
}

size_t board_build_id(const uint8_t **id)
{
    found_id_t found = {0, 0};
    dl_iterate_phdr(scan_executable, &found);
    if (found.len != 0) *id = found.id;
    return found.len;
}

size_t board_unique_id(uint8_t *dst, size_t max)
{
    (void)dst;
    (void)max;
    return 0;
}
