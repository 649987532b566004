/*
 * crc.h - CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) over the
 * protocol frames. Check value: "123456789" -> 0x29B1. Byte-wise and table-free: no 512-byte
 * table on a 32 KB part, and still about 12 instructions a byte instead of the bitwise loop's ~45.
 */
#ifndef RIG_CRC_H
#define RIG_CRC_H

#include <stddef.h>
#include <stdint.h>

#define RIG_CRC16_INIT 0xFFFFu

/* Continues a CRC over n more bytes; start with RIG_CRC16_INIT. */
uint16_t rig_crc16(uint16_t crc, const uint8_t *data, size_t n);

#endif /* RIG_CRC_H */
