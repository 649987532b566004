/*
 * power_line.h - the native board's marker pin and power state, as seen from outside the process.
 * With --power-line <fifo> every change goes out as one 16-byte record (host byte order):
 *     u8 kind ('M' marker pin, 'A' activity: 1 running, 0 asleep in board_idle), u8 level,
 *     u8 pad[6], u64 CLOCK_MONOTONIC nanoseconds of the change
 * The rig turns 'M' records into a virtual GPIO line (read through System.Device.Gpio like a real
 * pin) and 'A' records into the power model's current, which a virtual INA219 converts. Without
 * the option nothing is written.
 */
#ifndef RIG_NATIVE_POWER_LINE_H
#define RIG_NATIVE_POWER_LINE_H

#include <stdint.h>

#define POWER_LINE_RECORD_BYTES 16u

/* Opens the FIFO (path may be NULL: the line stays off). Exits with a message on failure. */
void power_line_open(const char *path);

/* Records a change of kind 'M' or 'A' now; repeated levels are not written again. */
void power_line_set(char kind, int level);

/* CLOCK_MONOTONIC in ns, truncated to 32 bits (IDLE's clock on this board). */
uint32_t power_line_now32(void);

#endif /* RIG_NATIVE_POWER_LINE_H */
