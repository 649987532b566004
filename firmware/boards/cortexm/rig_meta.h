/*
 * rig_meta.h - facts about an image that its symbol table cannot tell `rig mem`. The core's
 * state is caller-owned and often embedded in a bigger struct (rig_app_t holds the frontend
 * state), so no symbol has the size of a rig_frontend_t. RIG_META_SIZEOF(T) records sizeof(T)
 * as a symbol rig_meta_sizeof_T in section .rig_meta, which the linker script marks INFO:
 * kept in the ELF, never loaded, no flash or RAM used.
 */
#ifndef RIG_META_H
#define RIG_META_H

#include <stdint.h>

#define RIG_META_SIZEOF(type) \
    __attribute__((section(".rig_meta"), used)) static const uint32_t rig_meta_sizeof_##type = (uint32_t)sizeof(type)

#endif
