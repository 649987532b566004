/*
 * rig_static_assert.h - the firmware's one compile-time check: RIG_STATIC_ASSERT(condition, "why").
 * The firmware is C99 (-std=c99 -Wpedantic), which has no _Static_assert; gcc accepts the C11
 * keyword in every mode and __extension__ keeps -Wpedantic quiet about it. Usable at file scope
 * and inside a block; the message names the broken rule in the compiler's error.
 */
#ifndef RIG_STATIC_ASSERT_H
#define RIG_STATIC_ASSERT_H

#define RIG_STATIC_ASSERT(condition, message) __extension__ _Static_assert(condition, message)

#endif
