/*
 * build_id.h - the image's GNU build id (ld --build-id=sha1), read from its own ELF note.
 * The note is what the linker writes into .note.gnu.build-id:
 *     u32 namesz, u32 descsz, u32 type (3 = NT_GNU_BUILD_ID), name "GNU\0" padded to 4, desc
 * in the target's byte order. rig_build_id_find() walks a run of such notes (a port's
 * __build_id_note..__build_id_note_end in flash, or a PT_NOTE segment on the native board) and
 * hands back the descriptor: the id `arm-none-eabi-readelf -n` prints, which HELLO reports
 * (firmware/PROTOCOL.md) so the rig can tell which image a board runs. No allocation; *id points
 * into the caller's note.
 */
#ifndef RIG_BUILD_ID_H
#define RIG_BUILD_ID_H

#include <stddef.h>
#include <stdint.h>

/* Longest id HELLO carries: a SHA-1 (ld's sha1 style; md5 and uuid are shorter). */
#define RIG_BUILD_ID_MAX_BYTES 20u

/* Returns the length of the first GNU build id in notes[0..bytes) (at most RIG_BUILD_ID_MAX_BYTES)
 * and points *id at it; 0 when there is none (an image linked without --build-id), or when a note
 * header runs past the end (a truncated or corrupt note is never read beyond `bytes`). */
size_t rig_build_id_find(const uint8_t *notes, size_t bytes, const uint8_t **id);

#endif /* RIG_BUILD_ID_H */
