#define _POSIX_C_SOURCE 200809L

#include "power_line.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int s_fd = -1;
static int s_level[2] = { -1, -1 }; /* last marker, activity level written */

static uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint32_t power_line_now32(void) { return (uint32_t)now_ns(); }

void power_line_open(const char *path)
{
    if (path == NULL) return;
    /* O_RDWR never blocks on a FIFO without a reader (Linux), and never raises SIGPIPE. */
    s_fd = open(path, O_RDWR);
    if (s_fd < 0) {
        fprintf(stderr, "rig native board: --power-line %s: %s\n", path, strerror(errno));
        exit(2);
    }
}

void power_line_set(char kind, int level)
{
    int slot = kind == 'M' ? 0 : 1;
    level = level != 0;
    if (s_fd < 0 || s_level[slot] == level) return;
    s_level[slot] = level;
    uint8_t rec[POWER_LINE_RECORD_BYTES] = { 0 };
    uint64_t t = now_ns();
    rec[0] = (uint8_t)kind;
    rec[1] = (uint8_t)level;
    memcpy(rec + 8, &t, sizeof t);
    size_t done = 0;
    while (done < sizeof rec) {
        ssize_t w = write(s_fd, rec + done, sizeof rec - done);
        if (w > 0) done += (size_t)w;
        else if (w < 0 && errno != EINTR) return; /* the rig went away: the line is simply lost */
    }
}
