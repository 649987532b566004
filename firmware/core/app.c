#include "app.h"

#include "board.h"
#include "rig_static_assert.h"

/* The window scheme below opens a window every half window and keeps two alive. */
RIG_STATIC_ASSERT((RIG_MODEL_WINDOW_COLUMNS & 1) == 0, "window must split into two hops");
RIG_STATIC_ASSERT(RIG_MODEL_BANDS == RIG_FE_COLUMN_LEN, "model bands must match the frontend column");
RIG_STATIC_ASSERT(RIG_APP_RX_MAX_PAYLOAD <= 248u && (RIG_APP_RX_MAX_PAYLOAD & 1u) == 0,
                  "an AUDIO frame must be one COBS block of whole samples");
RIG_STATIC_ASSERT(RIG_APP_TX_MAX_PAYLOAD <= RIG_PROTO_MAX_PAYLOAD, "length field is one byte");
#ifdef RIG_UART_RX_BYTES
RIG_STATIC_ASSERT(RIG_APP_RX_CREDITS >= 3u, "the UART ring should hold three AUDIO frames (app.h)");
#endif
RIG_STATIC_ASSERT(RIG_APP_RX_CREDITS >= 1u && RIG_APP_RX_CREDITS <= 255u, "the UART ring must hold one AUDIO frame; HELLO has one byte for credits");
RIG_STATIC_ASSERT(8u + 2u * RIG_APP_CAPTURE_SAMPLES <= RIG_APP_TX_MAX_PAYLOAD, "capture chunk must fit a frame");
RIG_STATIC_ASSERT(RIG_APP_HELLO_FIXED_BYTES + 2u + RIG_BUILD_ID_MAX_BYTES + RIG_APP_HELLO_UID_MAX <= RIG_APP_TX_MAX_PAYLOAD,
                  "HELLO v3 must carry the whole build id and unique ID");

/* The link's share of RAM (frame buffers and the sample scratch) stays small on a 4 KB part. */
RIG_STATIC_ASSERT(sizeof(((rig_app_t *)0)->rx_buf) + sizeof(((rig_app_t *)0)->tx) + sizeof(((rig_app_t *)0)->samples) <= 512u,
                  "link buffers exceed 512 bytes");
#ifdef RIG_APP_RAM_BUDGET /* a port may bound the whole app state, e.g. py32f003 */
RIG_STATIC_ASSERT(sizeof(rig_app_t) <= RIG_APP_RAM_BUDGET, "rig_app_t exceeds the port's RAM budget");
#endif

#define RIG_APP_WINDOW_HOP ((uint16_t)(RIG_MODEL_WINDOW_COLUMNS / 2))
/* START at column c opens window c / hop: a power of two, so the division is a shift (no
 * __aeabi_uidiv on an M0+). */
RIG_STATIC_ASSERT((RIG_APP_WINDOW_HOP & (RIG_APP_WINDOW_HOP - 1u)) == 0, "window hop must be a power of two");
RIG_STATIC_ASSERT(RIG_APP_RX_MAX_PAYLOAD >= RIG_PROTO_AUDIO_HEADER_BYTES + 2u, "an AUDIO frame carries its offset and a sample");

static uint8_t *payload(rig_app_t *a) { return a->tx + RIG_PROTO_HEADER_BYTES; }

static void send(rig_app_t *a, uint8_t type, size_t len)
{
    rig_proto_send(a->tx, type, a->tx_seq++, len, board_uart_write);
}

static void send_error(rig_app_t *a, uint8_t code, const char *text)
{
    uint8_t *p = payload(a);
    size_t n = 0;
    p[n++] = code;
    while (text[n - 1u] != 0 && n < RIG_APP_TX_MAX_PAYLOAD) { p[n] = (uint8_t)text[n - 1u]; n++; }
    send(a, RIG_MSG_ERROR, n);
}

static void send_ack(rig_app_t *a, uint8_t type)
{
    payload(a)[0] = type;
    send(a, RIG_MSG_ACK, 1);
}

static void send_hello(rig_app_t *a)
{
    uint8_t *p = payload(a);
    p[0] = RIG_PROTO_VERSION;
    p[1] = RIG_FW_VERSION_MAJOR;
    p[2] = RIG_FW_VERSION_MINOR;
    rig_put_u32(p + 3, RIG_FE_CONFIG_HASH);
    rig_put_u32(p + 7, RIG_MODEL_FE_CONFIG_HASH);
    rig_put_u32(p + 11, RIG_FE_SAMPLE_RATE);
    rig_put_u16(p + 15, RIG_FE_HOP);
    rig_put_u16(p + 17, RIG_FE_COLUMN_LEN);
    rig_put_u16(p + 19, RIG_APP_HELLO_MAX_AUDIO);
    rig_put_u16(p + 21, RIG_APP_TX_MAX_PAYLOAD);
    p[23] = RIG_APP_HELLO_CREDITS;
    p[24] = (uint8_t)(board_cycles_are_mcu() ? 1u : 0u);
    rig_put_u32(p + 25, board_cycles_hz());
    rig_put_u16(p + 29, RIG_MODEL_WINDOW_COLUMNS);
    rig_put_u16(p + 31, RIG_APP_WINDOW_HOP);
    p[33] = RIG_MODEL_CLASSES;
    p[34] = (uint8_t)(RIG_APP_CAPABILITIES | RIG_APP_ENERGY_CAPABILITIES); /* v2: capability bits */
    /* v3: the image's build id and the chip's unique ID, each length-prefixed; the name fills the rest. */
    const uint8_t *id = 0;
    size_t id_len = board_build_id(&id);
    size_t n = RIG_APP_HELLO_FIXED_BYTES;
    p[n++] = (uint8_t)id_len;
    for (size_t i = 0; i < id_len; i++) p[n++] = id[i];
    size_t uid_len = board_unique_id(p + n + 1u, RIG_APP_HELLO_UID_MAX);
    p[n] = (uint8_t)uid_len;
    n += 1u + uid_len;
    const char *name = board_name();
    for (size_t i = 0; name[i] != 0 && i < 24u && n < RIG_APP_TX_MAX_PAYLOAD; i++) p[n++] = (uint8_t)name[i];
    send(a, RIG_MSG_HELLO, n);
}

static void send_stats(rig_app_t *a)
{
    uint8_t *p = payload(a);
    uint32_t v[13];
    v[0] = board_stack_size() - board_stack_unused(); /* high-water mark */
    v[1] = board_stack_size();
    v[2] = board_static_ram();
    v[3] = board_mic_dropped();
    v[4] = (uint32_t)sizeof(rig_frontend_t);
    v[5] = (uint32_t)sizeof(rig_app_t);
    v[6] = a->rx.frames;
    v[7] = a->rx.bad_frames;
    v[8] = a->rx.oversize;
    v[9] = a->rx.dropped;
    v[10] = a->column_index;
    v[11] = a->results;
    v[12] = a->captured;
    for (size_t i = 0; i < 13u; i++) rig_put_u32(p + 4u * i, v[i]);
    send(a, RIG_MSG_STATS, 52);
}

/* Debug mode: every stage of every column goes out as STAGE frames (split to fit the tx buffer),
 * so the rig can name the first stage that diverges from the golden model. */
static void on_stage(void *ctx, int stage, const void *data, size_t count)
{
    rig_app_t *a = (rig_app_t *)ctx;
    size_t wide = (stage == RIG_FE_STAGE_POWER || stage == RIG_FE_STAGE_MEL) ? 4u : 2u;
    /* Two constant quotients rather than a run-time division (no __aeabi_uidiv on an M0+). */
    size_t per_frame = wide == 4u ? (RIG_APP_TX_MAX_PAYLOAD - 8u) / 4u : (RIG_APP_TX_MAX_PAYLOAD - 8u) / 2u;
    for (size_t at = 0; at < count; at += per_frame) {
        size_t k = count - at < per_frame ? count - at : per_frame;
        uint8_t *p = payload(a);
        rig_put_u32(p, a->column_index);
        p[4] = (uint8_t)stage;
        p[5] = (uint8_t)(int8_t)rig_frontend_shift(&a->fe);
        rig_put_u16(p + 6, (uint16_t)at);
        for (size_t i = 0; i < k; i++) {
            if (wide == 4u) rig_put_u32(p + 8 + 4 * i, ((const uint32_t *)data)[at + i]);
            else rig_put_u16(p + 8 + 2 * i, (uint16_t)((const int16_t *)data)[at + i]);
        }
        send(a, RIG_MSG_STAGE, 8u + k * wide);
    }
}

/* Column c uses samples [c x hop, c x hop + fft_len) and nothing before them, so a stream
 * restarted at column c (a multiple of the window hop; the host rounds down) with the audio
 * from sample c x hop replays exactly the columns and windows of the first pass. */
static void restart_stream(rig_app_t *a, uint32_t first_column)
{
    rig_frontend_init(&a->fe);
    for (size_t i = 0; i < RIG_APP_WINDOWS; i++) a->window_active[i] = 0;
    a->column_index = first_column;
    a->next_window = first_column / RIG_APP_WINDOW_HOP;
    a->audio_next = first_column * (uint32_t)RIG_FE_HOP;
    a->nak_sent = 0;
    a->last_gap = 0;
    a->columns_to_window = 0;
    a->pending_cycles = 0;
    a->captured = 0;
    a->results = 0;
    a->last_since_start = 0;
}

#ifdef RIG_MODEL_GRAPH
RIG_STATIC_ASSERT(6u + 3u * RIG_MODEL_CLASSES + 9u <= RIG_APP_TX_MAX_PAYLOAD, "RESULT with the graph's int8 output must fit a frame");
RIG_STATIC_ASSERT(RIG_APP_TX_MAX_PAYLOAD > RIG_PROTO_LAYER_HEADER_BYTES, "a LAYER frame must carry a value");

/* The window whose layers are being dumped (lives on finish_window's stack for one inference). */
typedef struct {
    rig_app_t *app;
    uint32_t window;
} rig_app_layer_dump_t;

/* Debug mode (stream flag LAYERS): every layer's int8 output goes out as LAYER frames while it is still in the
 * arena (the next layers reuse it), so the rig can name the first layer that diverges from the golden twin. */
static void on_layer(void *ctx, int32_t layer, const int8_t *values, int32_t count)
{
    const rig_app_layer_dump_t *dump = (const rig_app_layer_dump_t *)ctx;
    rig_app_t *a = dump->app;
    const int32_t per_frame = (int32_t)(RIG_APP_TX_MAX_PAYLOAD - RIG_PROTO_LAYER_HEADER_BYTES);
    for (int32_t at = 0; at < count; at += per_frame) {
        int32_t k = count - at < per_frame ? count - at : per_frame;
        uint8_t *p = payload(a);
        rig_put_u32(p, dump->window);
        p[4] = (uint8_t)layer; /* -1 (the input) is 0xFF */
        rig_put_u32(p + 5, (uint32_t)at);
        for (int32_t i = 0; i < k; i++) p[RIG_PROTO_LAYER_HEADER_BYTES + (size_t)i] = (uint8_t)values[at + i];
        send(a, RIG_MSG_LAYER, RIG_PROTO_LAYER_HEADER_BYTES + (size_t)k);
    }
}
#endif

static void finish_window(rig_app_t *a, size_t slot)
{
    uint32_t t0 = board_cycles();
#ifdef RIG_MODEL_GRAPH
    /* Graph mode: RESULT also carries the graph's int8 output, the value the rig diffs per window. */
    rig_model_trace_t t;
    rig_app_layer_dump_t dump;
    dump.app = a;
    dump.window = a->window_index[slot];
    int cls = rig_model_trace_layers(&a->windows[slot], &t, (a->stream & RIG_STREAM_LAYERS) ? on_layer : 0, &dump);
    const int16_t *scores = t.scores;
#else
    int16_t scores[RIG_MODEL_CLASSES];
    int cls = rig_model_infer(&a->windows[slot], scores);
#endif
    uint32_t model_cycles = board_cycles() - t0;
    a->window_active[slot] = 0;
    a->results++;
    a->last_slot = (uint8_t)slot;
    a->last_valid = 1;
    a->last_since_start = 1;
    if ((a->stream & RIG_STREAM_RESULTS) == 0) return;
    uint8_t *p = payload(a);
    rig_put_u32(p, a->window_index[slot]);
    p[4] = (uint8_t)cls;
    p[5] = RIG_MODEL_CLASSES;
    size_t n = 6;
    for (size_t i = 0; i < RIG_MODEL_CLASSES; i++, n += 2) rig_put_u16(p + n, (uint16_t)scores[i]);
    rig_put_u32(p + n, a->window_cycles[slot]);
    rig_put_u32(p + n + 4, model_cycles);
    n += 8;
#ifdef RIG_MODEL_GRAPH
    p[n++] = RIG_MODEL_CLASSES;
    for (size_t i = 0; i < RIG_MODEL_CLASSES; i++) p[n++] = (uint8_t)t.outputs[i];
#endif
    send(a, RIG_MSG_RESULT, n);
}

static void column_done(rig_app_t *a)
{
    const int16_t *column = rig_frontend_column(&a->fe);
    uint32_t cycles = a->pending_cycles;
    a->pending_cycles = 0;
    if (a->stream & RIG_STREAM_FEATURES) {
        uint8_t *p = payload(a);
        rig_put_u32(p, a->column_index);
        rig_put_u32(p + 4, cycles);
        for (size_t i = 0; i < RIG_FE_COLUMN_LEN; i++) rig_put_u16(p + 8 + 2 * i, (uint16_t)column[i]);
        send(a, RIG_MSG_FEATURE, RIG_APP_TX_MAX_PAYLOAD_COLUMN);
    }
    if (a->columns_to_window == 0) {
        size_t slot = a->next_window & 1u;
        if (slot == a->last_slot) a->last_valid = 0;
        rig_model_window_reset(&a->windows[slot]);
        a->window_active[slot] = 1;
        a->window_index[slot] = a->next_window++;
        a->window_cycles[slot] = 0;
        a->columns_to_window = RIG_APP_WINDOW_HOP;
    }
    a->columns_to_window--;
    a->column_index++;
    for (size_t slot = 0; slot < RIG_APP_WINDOWS; slot++) {
        if (!a->window_active[slot]) continue;
        rig_model_window_push(&a->windows[slot], column);
        a->window_cycles[slot] += cycles;
        if (rig_model_window_count(&a->windows[slot]) == RIG_MODEL_WINDOW_COLUMNS) finish_window(a, slot);
    }
}

/* Runs n samples through the frontend; every completed column goes out and into the windows. */
static void feed(rig_app_t *a, const int16_t *x, size_t n)
{
    while (n != 0) {
        int ready = 0;
        uint32_t t0 = board_cycles();
        size_t used = rig_frontend_push(&a->fe, x, n, &ready);
        a->pending_cycles += board_cycles() - t0;
        x += used;
        n -= used;
        if (ready) column_done(a);
        else if (used == 0) break; /* defensive: a frontend that takes nothing must not hang us */
    }
}

/* A frame beyond the expected offset means the one before it was lost: NAK once per expected
 * offset, and again after the host went back (a gap frame at or below the last one). */
static void on_audio_gap(rig_app_t *a, uint32_t offset)
{
    int rewound = a->nak_sent && offset <= a->last_gap;
    a->last_gap = offset;
    if (a->nak_sent && a->nak_offset == a->audio_next && !rewound) return;
    a->nak_sent = 1;
    a->nak_offset = a->audio_next;
    send(a, RIG_MSG_NAK, rig_proto_put_nak(payload(a), a->audio_next));
}

static void on_audio(rig_app_t *a, const uint8_t *p, size_t len, uint8_t seq)
{
    uint32_t offset = 0;
    size_t samples = 0;
    int ok = rig_proto_get_audio(p, len, &offset, &samples);
    int injecting = a->running && a->mode == RIG_MODE_INJECT;
    /* Only the part at the expected offset is taken: a gap is dropped (and NAKed), a duplicate
     * (the host went back further than needed) is dropped silently, an overlap is trimmed. */
    size_t skip = 0;
    if (ok && injecting) {
        if (offset > a->audio_next) samples = 0;
        else if (a->audio_next - offset >= samples) { skip = samples; samples = 0; }
        else { skip = a->audio_next - offset; samples -= skip; }
        a->audio_next += (uint32_t)samples;
    }
    /* The chunk has left the UART ring: the host may send the next one while we compute. The
     * credit carries the next expected offset and this frame's sequence number (everything the host
     * sent before it has left the ring as well), so a lost CREDIT costs nothing once another comes. */
    send(a, RIG_MSG_CREDIT, rig_proto_put_credit(payload(a), 1, a->audio_next, seq));
    if (!injecting) { send_error(a, RIG_ERR_NOT_RUNNING, "audio while not injecting"); return; }
    if (!ok) { send_error(a, RIG_ERR_BAD_LENGTH, "audio payload is not an offset and whole samples"); return; }
    if (offset > a->audio_next) { on_audio_gap(a, offset); return; }
    p += RIG_PROTO_AUDIO_HEADER_BYTES + 2u * skip;
    while (samples != 0) {
        size_t k = samples < RIG_APP_CAPTURE_SAMPLES ? samples : RIG_APP_CAPTURE_SAMPLES;
        for (size_t i = 0; i < k; i++) a->samples[i] = (int16_t)rig_get_u16(p + 2 * i);
        feed(a, a->samples, k);
        p += 2 * k;
        samples -= k;
    }
}

static void on_configure(rig_app_t *a, const uint8_t *p, size_t len)
{
    if (len != 6 || p[0] > RIG_MODE_ACOUSTIC || rig_get_u16(p + 2) != RIG_MODEL_WINDOW_COLUMNS ||
        rig_get_u16(p + 4) != RIG_APP_WINDOW_HOP) {
        send_error(a, RIG_ERR_BAD_CONFIG, "configure: mode or window differs from this build");
        return;
    }
    a->mode = p[0];
    a->stream = p[1];
    send_ack(a, RIG_MSG_CONFIGURE);
}

/* ---- Energy (protocol v2: BURST, IDLE; PROTOCOL.md "Energy") ---- */

static void send_burst_done(rig_app_t *a, uint8_t request, uint8_t status, uint32_t inferences, uint32_t cycles)
{
    uint8_t *p = payload(a);
    p[0] = request;
    p[1] = status;
    rig_put_u32(p + 2, inferences);
    rig_put_u32(p + 6, cycles);
    send(a, RIG_MSG_BURST_DONE, 10);
}

/* One hop of frontend work, as the stream does per inference: RIG_APP_WINDOW_HOP columns from the
 * last samples the board fed (the column values are dropped: only the work counts). */
static void burst_frontend_hop(rig_app_t *a)
{
    uint16_t columns = 0;
    while (columns < RIG_APP_WINDOW_HOP) {
        int ready = 0;
        size_t used = rig_frontend_push(&a->fe, a->samples, RIG_APP_CAPTURE_SAMPLES, &ready);
        if (ready) columns++;
        else if (used == 0) break;
    }
}

/* K inferences back to back on the kept window, marker high for exactly that stretch. The board
 * stops after the inference that exhausts the host's cycle budget (its watchdog / the profile's
 * longest window), so a wrong K can never hang it. */
static void on_burst(rig_app_t *a, const uint8_t *p, size_t len)
{
    if (len != 9 || rig_get_u32(p + 1) == 0) { send_error(a, RIG_ERR_BAD_LENGTH, "burst: u8 flags, u32 K >= 1, u32 budget"); return; }
    uint8_t flags = p[0];
    uint32_t k = rig_get_u32(p + 1);
    uint32_t budget = rig_get_u32(p + 5);
    if (!a->last_valid || ((flags & RIG_BURST_HOST_WINDOW) && !a->last_since_start)) {
        send_burst_done(a, RIG_MSG_BURST, RIG_BURST_NO_WINDOW, 0, 0);
        return;
    }
    if (a->running && a->mode == RIG_MODE_ACOUSTIC) board_mic_stop();
    a->running = 0; /* the stream's frontend state is spent: the host STARTs again */
    const rig_model_window_t *w = &a->windows[a->last_slot];
    int16_t scores[RIG_MODEL_CLASSES];
    uint32_t done = 0;
    uint8_t status = RIG_BURST_OK;
    rig_frontend_set_tap(&a->fe, 0, a);
    board_marker(1);
    uint32_t t0 = board_cycles();
    while (done < k) {
        if (flags & RIG_BURST_FRONTEND) burst_frontend_hop(a);
        (void)rig_model_infer(w, scores);
        done++;
        if (done < k && board_cycles() - t0 >= budget) { status = RIG_BURST_OVER_BUDGET; break; }
    }
    uint32_t cycles = board_cycles() - t0;
    board_marker(0);
    if (flags & RIG_BURST_FRONTEND) rig_frontend_init(&a->fe);
    send_burst_done(a, RIG_MSG_BURST, status, done, cycles);
}

/* Sleeps as between hops (microphone running, WFI until its next block) for the stated cycles,
 * marker high; the samples are dropped. */
static void on_idle(rig_app_t *a, const uint8_t *p, size_t len)
{
    if (len != 4) { send_error(a, RIG_ERR_BAD_LENGTH, "idle: u32 cycles"); return; }
    uint32_t span = rig_get_u32(p);
    int mic_was_on = a->running && a->mode == RIG_MODE_ACOUSTIC;
    if (!mic_was_on) board_mic_start();
    board_marker(1);
    uint32_t t0 = RIG_APP_IDLE_CLOCK();
    while (RIG_APP_IDLE_CLOCK() - t0 < span) {
        while (board_mic_read(a->samples, RIG_APP_CAPTURE_SAMPLES) != 0) { }
        board_idle();
    }
    uint32_t cycles = RIG_APP_IDLE_CLOCK() - t0;
    board_marker(0);
    if (!mic_was_on) board_mic_stop();
    send_burst_done(a, RIG_MSG_IDLE, RIG_BURST_OK, 0, cycles);
}

/* ---- end of energy ---- */

static void on_frame(rig_app_t *a, const rig_proto_frame_t *f)
{
    switch (f->type) {
    case RIG_MSG_PING:
        if (f->len != 4) { send_error(a, RIG_ERR_BAD_LENGTH, "ping"); return; }
        for (size_t i = 0; i < 4; i++) payload(a)[i] = f->payload[i];
        send(a, RIG_MSG_PONG, 4);
        return;
    case RIG_MSG_RESET:
        board_reset();
        return;
    case RIG_MSG_HELLO_REQ:
        send_hello(a);
        return;
    case RIG_MSG_CONFIGURE:
        on_configure(a, f->payload, f->len);
        return;
    case RIG_MSG_AUDIO:
        on_audio(a, f->payload, f->len, f->seq);
        return;
    case RIG_MSG_START: {
        uint32_t first_column = 0;
        if (!rig_proto_get_start(f->payload, f->len, &first_column) ||
            (first_column & (uint32_t)(RIG_APP_WINDOW_HOP - 1u)) != 0) {
            send_error(a, RIG_ERR_BAD_LENGTH, "start: the first column must be a multiple of the window hop");
            return;
        }
        restart_stream(a, first_column);
        rig_frontend_set_tap(&a->fe, (a->stream & RIG_STREAM_STAGES) ? on_stage : 0, a);
        a->running = 1;
        if (a->mode == RIG_MODE_ACOUSTIC) board_mic_start();
        send_ack(a, RIG_MSG_START);
        return;
    }
    case RIG_MSG_STOP:
        if (a->running && a->mode == RIG_MODE_ACOUSTIC) board_mic_stop();
        a->running = 0;
        send_stats(a);
        return;
    case RIG_MSG_BURST:
        on_burst(a, f->payload, f->len);
        return;
    case RIG_MSG_IDLE:
        on_idle(a, f->payload, f->len);
        return;
    case RIG_MSG_MARK:
        board_marker(f->len != 0 && f->payload[0] != 0);
        send_ack(a, RIG_MSG_MARK);
        return;
    default:
        send_error(a, RIG_ERR_UNKNOWN_TYPE, "unknown message type");
        return;
    }
}

static int poll_mic(rig_app_t *a)
{
    size_t n = board_mic_read(a->samples, RIG_APP_CAPTURE_SAMPLES);
    if (n == 0) return 0;
    if (a->stream & RIG_STREAM_CAPTURE) {
        uint8_t *p = payload(a);
        rig_put_u32(p, a->captured);
        for (size_t i = 0; i < n; i++) rig_put_u16(p + 4 + 2 * i, (uint16_t)a->samples[i]);
        send(a, RIG_MSG_CAPTURE, 4 + 2 * n);
    }
    a->captured += (uint32_t)n;
    feed(a, a->samples, n);
    return 1;
}

void rig_app_init(rig_app_t *app)
{
    rig_proto_rx_init(&app->rx, app->rx_buf, RIG_APP_RX_MAX_PAYLOAD);
    app->tx_seq = 0;
    app->mode = RIG_MODE_INJECT;
    app->stream = RIG_STREAM_FEATURES | RIG_STREAM_RESULTS;
    app->running = 0;
    app->last_slot = 0;
    app->last_valid = 0;
    restart_stream(app, 0);
    send_hello(app);
}

void rig_app_poll(rig_app_t *app)
{
    uint8_t bytes[16];
    size_t n = board_uart_read(bytes, sizeof bytes);
    for (size_t at = 0; at < n;) {
        rig_proto_frame_t frame;
        int complete;
        at += rig_proto_rx_bytes(&app->rx, bytes + at, n - at, &frame, &complete);
        if (complete) on_frame(app, &frame);
    }
    int worked = n != 0;
    if (app->running && app->mode == RIG_MODE_ACOUSTIC) worked |= poll_mic(app);
    if (!worked) board_idle();
}
