/*
 * board.c - board.h on this machine. The UART is the master side of a pseudo-terminal
 * (posix_openpt); the microphone is a FIFO or file of Q15 samples the rig writes (what the
 * virtual room captured); the cycle counter is this thread's CPU time in nanoseconds, reported
 * as host cycles (board_cycles_are_mcu() == 0) so nobody mistakes it for MCU cycles.
 */
#define _XOPEN_SOURCE 600
#define _DEFAULT_SOURCE
#define _GNU_SOURCE /* ppoll: board_idle() waits for the wire's next byte with ns resolution */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "board.h"
#include "native_board.h"
#include "power_line.h"
#include "uart_wire.h"

jmp_buf native_board_reset_point;

static native_board_options_t s_opt;
static int s_master = -1;
static int s_slave = -1;  /* kept open so the master never sees a hangup between rig sessions */
static int s_mic = -1;
static int s_mic_on;
static int s_mic_has_odd;
static uint8_t s_mic_odd;
static uint64_t s_rx_total;
static int s_reset_done;
static int s_marker;
static char s_name[40];

/* --uart-baud: the pty is paced like a UART (uart_wire.h) with the profile's RX ring, and a TX
 * ring of one whole encoded frame, the least the Cortex-M ports may have (uart_rings.h). */
#define NATIVE_TX_RING_BYTES (RIG_COBS_MAX_ENCODED(RIG_PROTO_TX_BUFFER_BYTES(RIG_APP_TX_MAX_PAYLOAD)) + 2u)
#define NATIVE_RX_RING_MAX 65535u
static uart_wire_t s_wire;
static uint8_t s_wire_rx[NATIVE_RX_RING_MAX];
static uint8_t s_wire_tx[NATIVE_TX_RING_BYTES];
static int paced(void) { return s_opt.uart_baud != 0; }

static void die(const char *what)
{
    fprintf(stderr, "rig native board: %s: %s\n", what, strerror(errno));
    exit(1);
}

static uint64_t parse_count(const char *flag, const char *text)
{
    char *end = NULL;
    unsigned long long v = strtoull(text, &end, 10);
    if (end == text || *end != 0) {
        fprintf(stderr, "rig native board: %s wants a byte count, got '%s'\n", flag, text);
        exit(2);
    }
    return (uint64_t)v;
}

void native_board_parse(int argc, char **argv, native_board_options_t *opt)
{
    memset(opt, 0, sizeof *opt);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc) { fprintf(stderr, "rig native board: %s needs a value\n", a); exit(2); }
        const char *v = argv[++i];
        if (strcmp(a, "--mic") == 0) opt->mic_path = v;
        else if (strcmp(a, "--name") == 0) opt->name = v;
        else if (strcmp(a, "--pty-link") == 0) opt->pty_link = v;
        else if (strcmp(a, "--uart-baud") == 0) opt->uart_baud = parse_count(a, v);
        else if (strcmp(a, "--uart-rx-bytes") == 0) opt->uart_rx_bytes = parse_count(a, v);
        else if (strcmp(a, "--fault-reset-after") == 0) opt->fault_reset_after = parse_count(a, v);
        else if (strcmp(a, "--fault-silent-after") == 0) opt->fault_silent_after = parse_count(a, v);
        else if (strcmp(a, "--power-line") == 0) opt->power_line = v;
        else { fprintf(stderr, "rig native board: unknown option %s\n", a); exit(2); }
    }
    if ((opt->uart_baud != 0) != (opt->uart_rx_bytes != 0)) {
        fprintf(stderr, "rig native board: --uart-baud and --uart-rx-bytes go together (the profile's serial.baud and serial.rx_buffer_bytes)\n");
        exit(2);
    }
    if (opt->uart_baud != 0 && (opt->uart_baud > 20000000u || opt->uart_rx_bytes > NATIVE_RX_RING_MAX ||
                                opt->uart_rx_bytes < 64u)) {
        fprintf(stderr, "rig native board: --uart-baud %llu --uart-rx-bytes %llu: the baud must be at most 20000000 and the "
                        "ring between 64 and %u bytes (the profile's limits)\n",
                (unsigned long long)opt->uart_baud, (unsigned long long)opt->uart_rx_bytes,
                NATIVE_RX_RING_MAX);
        exit(2);
    }
}

/* Paced: the AUDIO payload and credits a Cortex-M port with that ring announces (app.h: three
 * frames fit the ring; as many credits as frames fit); else what the pty's 4 KiB buffer allows. */
uint16_t rig_port_rx_max_audio(void)
{
    if (!paced()) return (uint16_t)RIG_APP_RX_MAX_PAYLOAD;
    uint64_t three = RIG_APP_RX_PAYLOAD_FOR_THREE_FRAMES(s_opt.uart_rx_bytes);
    return (uint16_t)(three < RIG_APP_RX_MAX_PAYLOAD ? three : RIG_APP_RX_MAX_PAYLOAD);
}

uint8_t rig_port_rx_credits(void)
{
    if (!paced()) return (uint8_t)RIG_APP_RX_CREDITS;
    uint64_t frame = RIG_PROTO_RX_BUFFER_BYTES((uint64_t)rig_port_rx_max_audio()) + 1u; /* + delimiter */
    uint64_t fit = (s_opt.uart_rx_bytes - 1u) / frame;
    return (uint8_t)(fit < RIG_APP_RX_CREDITS ? fit : RIG_APP_RX_CREDITS);
}

void native_board_set_options(const native_board_options_t *opt) { s_opt = *opt; }

void board_init(void)
{
    snprintf(s_name, sizeof s_name, "%s", s_opt.name ? s_opt.name : "native-" RIG_NATIVE_PROFILE);
    s_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (s_master < 0) die("posix_openpt");
    if (grantpt(s_master) != 0 || unlockpt(s_master) != 0) die("grantpt/unlockpt");
    const char *path = ptsname(s_master);
    if (path == NULL) die("ptsname");
    s_slave = open(path, O_RDWR | O_NOCTTY);
    if (s_slave < 0) die("open pty slave");
    struct termios t;
    if (tcgetattr(s_slave, &t) != 0) die("tcgetattr");
    cfmakeraw(&t);
    if (tcsetattr(s_slave, TCSANOW, &t) != 0) die("tcsetattr");
    if (fcntl(s_master, F_SETFL, fcntl(s_master, F_GETFL) | O_NONBLOCK) != 0) die("fcntl");
    if (s_opt.mic_path != NULL) {
        /* Non-blocking open of a FIFO's read end succeeds without a writer; the rig opens the
         * write end after it has read our announcement. */
        s_mic = open(s_opt.mic_path, O_RDONLY | O_NONBLOCK);
        if (s_mic < 0) die(s_opt.mic_path);
    }
    if (s_opt.pty_link != NULL) {
        FILE *f = fopen(s_opt.pty_link, "w");
        if (f == NULL) die(s_opt.pty_link);
        fprintf(f, "%s\n", path);
        fclose(f);
    }
    power_line_open(s_opt.power_line);
    power_line_set('A', 1);
    power_line_set('M', 0);
    if (paced())
        uart_wire_init(&s_wire, s_master, (uint32_t)s_opt.uart_baud, s_wire_rx, (uint16_t)s_opt.uart_rx_bytes,
                       s_wire_tx, (uint16_t)NATIVE_TX_RING_BYTES);
    printf("RIG_BOARD_PTY %s\n", path);
    fflush(stdout);
}

const char *board_name(void) { return s_name; }

uint32_t board_cycles(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec);
}

uint32_t board_cycles_hz(void) { return 1000000000u; }
int board_cycles_are_mcu(void) { return 0; }

static int silent(void) { return s_opt.fault_silent_after != 0 && s_rx_total >= s_opt.fault_silent_after; }

size_t board_uart_read(uint8_t *dst, size_t max)
{
    if (silent()) return 0;
    if (s_opt.fault_reset_after != 0 && !s_reset_done && s_rx_total >= s_opt.fault_reset_after) {
        s_reset_done = 1;
        board_reset();
    }
    ssize_t n = paced() ? (ssize_t)uart_wire_read(&s_wire, dst, max) : read(s_master, dst, max);
    if (n <= 0) return 0;
    s_rx_total += (uint64_t)n;
    return (size_t)n;
}

void board_uart_write(const uint8_t *src, size_t n)
{
    if (silent()) return;
    if (paced()) { uart_wire_write(&s_wire, src, n); return; }
    while (n != 0) {
        ssize_t w = write(s_master, src, n);
        if (w > 0) { src += w; n -= (size_t)w; continue; }
        if (w < 0 && errno != EAGAIN && errno != EINTR) die("pty write");
        struct pollfd p = { s_master, POLLOUT, 0 };
        (void)poll(&p, 1, 100);
    }
}

size_t board_mic_read(int16_t *dst, size_t max)
{
    if (!s_mic_on || s_mic < 0 || max == 0) return 0;
    uint8_t bytes[256];
    size_t want = max * 2u;
    if (want > sizeof bytes) want = sizeof bytes;
    size_t have = 0;
    if (s_mic_has_odd) { bytes[0] = s_mic_odd; have = 1; s_mic_has_odd = 0; }
    ssize_t n = read(s_mic, bytes + have, want - have);
    if (n > 0) have += (size_t)n;
    size_t samples = have / 2u;
    for (size_t i = 0; i < samples; i++) dst[i] = (int16_t)(bytes[2 * i] | (bytes[2 * i + 1] << 8));
    if (have & 1u) { s_mic_odd = bytes[have - 1]; s_mic_has_odd = 1; }
    return samples;
}

/* The FIFO blocks the writer instead of losing samples, so the virtual ADC never drops. */
uint32_t board_mic_dropped(void) { return 0; }
void board_mic_start(void) { s_mic_on = 1; }
void board_mic_stop(void) { s_mic_on = 0; }
void board_marker(int level)
{
    s_marker = level;
    power_line_set('M', level);
}

/* IDLE's clock: wall time, because board_cycles() here is CPU time, which stands still asleep. */
uint32_t rig_port_idle_clock(void) { return power_line_now32(); }

void board_idle(void)
{
    struct pollfd p[3] = { { s_master, POLLIN, 0 }, { STDIN_FILENO, POLLIN, 0 }, { s_mic, POLLIN, 0 } };
    nfds_t count = (s_mic_on && s_mic >= 0) ? 3 : 2;
    struct timespec wait = { 0, 20000000 };
    if (paced()) {
        /* The wire's clock decides when the next byte lands or leaves; the pty is only watched
         * while the inbound line is idle (its bytes would otherwise wake us at once). */
        uart_wire_pump(&s_wire);
        if (uart_wire_ready(&s_wire)) return;
        int watch = 0;
        wait.tv_nsec = (long)uart_wire_wait_ns(&s_wire, 20000000u, &watch);
        if (!watch) p[0].fd = -1;
    }
    power_line_set('A', 0);
    int ready = ppoll(p, count, &wait, NULL);
    power_line_set('A', 1);
    if (ready <= 0) return;
    if (p[1].revents & (POLLHUP | POLLIN | POLLERR)) {
        char c;
        if (read(STDIN_FILENO, &c, 1) <= 0) exit(0); /* the rig closed our stdin: it is gone */
    }
}

/* A host process has no painted stack; these report zero rather than a made-up figure. The
 * MCU images report the real numbers (firmware/boards/cortexm). */
uint32_t board_stack_unused(void) { return 0; }
uint32_t board_stack_size(void) { return 0; }
uint32_t board_static_ram(void) { return 0; }

void board_reset(void)
{
    s_mic_on = 0;
    s_mic_has_odd = 0;
    (void)s_marker;
    if (paced()) uart_wire_reset(&s_wire); /* a reset loses what sat in the UART rings */
    longjmp(native_board_reset_point, 1);
}
