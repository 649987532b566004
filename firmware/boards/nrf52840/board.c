/*
 * board.c - the nRF52840 port of board.h (pins of the Arduino Nano 33 BLE Sense): HFXO at
 * 64 MHz, UART0 at the profile's baud on P1.03 (TX) / P1.10 (RX), the on-board PDM microphone
 * (CLK P0.26, DIN P0.25, power P0.17) decimated to 16 kHz PCM by the PDM peripheral (integer
 * ratio 80), moved by EasyDMA into a ring of four blocks; DWT CYCCNT for cycles; marker pin
 * P0.13 (the LED); WFI when idle.
 */
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "board_common.h"
#include "rig_static_assert.h"
#include "uart_rings.h"
#include "nrf52840_regs.h"

#define UART_TX_BYTES 512u
#define UART_TX_PIN 3u   /* P1.03 */
#define UART_RX_PIN 10u  /* P1.10 */
#define PDM_CLK_PIN 26u  /* P0.26 */
#define PDM_DIN_PIN 25u  /* P0.25 */
#define MIC_PWR_PIN 17u  /* P0.17 */
#define MARKER_PIN 13u   /* P0.13 */
#define MIC_BLOCK 256u   /* samples per EasyDMA block (16 ms) */
#define MIC_BLOCKS 4u
#define MIC_RING (MIC_BLOCK * MIC_BLOCKS)

RIG_STATIC_ASSERT(RIG_CLOCK_HZ == 64000000u, "nRF52840 runs at 64 MHz");
RIG_STATIC_ASSERT(RIG_MIC_SAMPLE_RATE == 16000u, "PDM clock 1.280 MHz / ratio 80 gives 16 kHz");
RIG_STATIC_ASSERT(RIG_UART_BAUD == 1000000u, "UART BAUDRATE value below is for 1 Mbaud");
RIG_STATIC_ASSERT((MIC_RING & (MIC_RING - 1u)) == 0u, "mic ring must be a power of two");
RIG_PORT_CHECK_UART_RINGS(RIG_UART_RX_BYTES, UART_TX_BYTES);

static uint8_t s_rx_buf[RIG_UART_RX_BYTES];
static uint8_t s_tx_buf[UART_TX_BYTES];
byte_ring_t cortexm_uart_rx = { s_rx_buf, RIG_UART_RX_BYTES, 0, 0 };
byte_ring_t cortexm_uart_tx = { s_tx_buf, UART_TX_BYTES, 0, 0 };
static volatile uint8_t s_tx_busy;

static int16_t s_mic_ring[MIC_RING];
static volatile uint32_t s_mic_blocks_done;  /* EasyDMA blocks completely written */
static volatile uint32_t s_mic_blocks_armed; /* blocks handed to EasyDMA */
mic_reader_t cortexm_mic;
const uint32_t cortexm_mic_ring_samples = MIC_RING;

static void clock_init(void)
{
    REG32(CLOCK_EVENTS_HFCLKSTARTED) = 0;
    REG32(CLOCK_TASKS_HFCLKSTART) = 1;
    while (REG32(CLOCK_EVENTS_HFCLKSTARTED) == 0u) { }
}

static void uart_init(void)
{
    REG32(P1_BASE + GPIO_OUTSET) = 1u << UART_TX_PIN; /* idle high before connecting */
    REG32(P1_BASE + GPIO_DIRSET) = 1u << UART_TX_PIN;
    REG32(P1_BASE + GPIO_PIN_CNF + 4u * UART_RX_PIN) = GPIO_PIN_CNF_INPUT_CONNECT;
    REG32(UART0_BASE + UART_PSEL_TXD) = (1u << 5) | UART_TX_PIN; /* port 1 */
    REG32(UART0_BASE + UART_PSEL_RXD) = (1u << 5) | UART_RX_PIN;
    REG32(UART0_BASE + UART_BAUDRATE) = 0x10000000u; /* 1M */
    REG32(UART0_BASE + UART_CONFIG) = 0;             /* 8N1, no flow control */
    REG32(UART0_BASE + UART_ENABLE) = UART_ENABLE_ON;
    REG32(UART0_BASE + UART_INTENSET) = UART_INT_RXDRDY | UART_INT_TXDRDY | UART_INT_ERROR;
    REG32(UART0_BASE + UART_TASKS_STARTRX) = 1;
    REG32(UART0_BASE + UART_TASKS_STARTTX) = 1;
    nvic_enable(UART0_IRQN);
}

void UARTE0_UART0_IRQHandler(void)
{
    if (REG32(UART0_BASE + UART_EVENTS_ERROR)) {
        REG32(UART0_BASE + UART_EVENTS_ERROR) = 0;
        REG32(UART0_BASE + UART_ERRORSRC) = REG32(UART0_BASE + UART_ERRORSRC); /* write 1 to clear */
    }
    while (REG32(UART0_BASE + UART_EVENTS_RXDRDY)) {
        REG32(UART0_BASE + UART_EVENTS_RXDRDY) = 0;
        (void)byte_ring_put(&cortexm_uart_rx, (uint8_t)REG32(UART0_BASE + UART_RXD));
    }
    if (REG32(UART0_BASE + UART_EVENTS_TXDRDY)) {
        REG32(UART0_BASE + UART_EVENTS_TXDRDY) = 0;
        uint8_t b;
        if (byte_ring_get(&cortexm_uart_tx, &b)) REG32(UART0_BASE + UART_TXD) = b;
        else s_tx_busy = 0;
    }
}

static void pdm_arm_next(void)
{
    uint32_t block = s_mic_blocks_armed & (MIC_BLOCKS - 1u);
    REG32(PDM_SAMPLE_PTR) = (uint32_t)(uintptr_t)&s_mic_ring[block * MIC_BLOCK];
    s_mic_blocks_armed = s_mic_blocks_armed + 1u;
}

static void mic_init(void)
{
    REG32(P0_BASE + GPIO_DIRSET) = (1u << MIC_PWR_PIN) | (1u << PDM_CLK_PIN);
    REG32(P0_BASE + GPIO_PIN_CNF + 4u * PDM_DIN_PIN) = GPIO_PIN_CNF_INPUT_CONNECT;
    REG32(PDM_PDMCLKCTRL) = PDM_CLK_1280K;
    REG32(PDM_RATIO) = PDM_RATIO_80;
    REG32(PDM_MODE) = PDM_MODE_MONO;
    REG32(PDM_GAINL) = PDM_GAIN_DEFAULT;
    REG32(PDM_PSEL_CLK) = PDM_CLK_PIN;
    REG32(PDM_PSEL_DIN) = PDM_DIN_PIN;
    REG32(PDM_SAMPLE_MAXCNT) = MIC_BLOCK;
    REG32(PDM_INTENSET) = PDM_INT_STARTED | PDM_INT_END;
    nvic_enable(PDM_IRQN);
}

void PDM_IRQHandler(void)
{
    if (REG32(PDM_EVENTS_STARTED)) {
        REG32(PDM_EVENTS_STARTED) = 0;
        pdm_arm_next(); /* the current PTR is latched; queue the following block */
    }
    if (REG32(PDM_EVENTS_END)) {
        REG32(PDM_EVENTS_END) = 0;
        s_mic_blocks_done = s_mic_blocks_done + 1u;
    }
}

void board_mic_start(void)
{
    REG32(P0_BASE + GPIO_OUTSET) = 1u << MIC_PWR_PIN;
    s_mic_blocks_done = 0;
    s_mic_blocks_armed = 0;
    cortexm_mic.read_total = 0;
    pdm_arm_next();
    REG32(PDM_ENABLE) = 1;
    REG32(PDM_TASKS_START) = 1;
}

void board_mic_stop(void)
{
    REG32(PDM_EVENTS_STOPPED) = 0;
    REG32(PDM_TASKS_STOP) = 1;
    while (REG32(PDM_EVENTS_STOPPED) == 0u) { }
    REG32(PDM_ENABLE) = 0;
    REG32(P0_BASE + GPIO_OUTCLR) = 1u << MIC_PWR_PIN;
    /* The END interrupt of the last block has run (END comes before STOPPED): what the stopped
     * microphone captured and nobody read is dropped, so board_idle() sleeps again. */
    s_mic_blocks_done = 0;
    s_mic_blocks_armed = 0;
    cortexm_mic.read_total = 0;
}

/* Only whole blocks are readable: EasyDMA gives no position inside the running block. */
uint32_t cortexm_port_mic_written_locked(void) { return s_mic_blocks_done * MIC_BLOCK; }

void cortexm_port_mic_copy(int16_t *dst, uint32_t start, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        dst[i] = s_mic_ring[start]; /* already Q15 PCM */
        start = (start + 1u) & (MIC_RING - 1u);
    }
}

void board_init(void)
{
    /* The run current the rig's power model assumes is the DC/DC one (profiles/nrf52840.yaml). */
    REG32(POWER_DCDCEN) = POWER_DCDCEN_ENABLE;
    /* Code runs from flash through the instruction cache: the profile's run current (CoreMark, cache
     * on) and the emulated chip's flash timing (profiles/nrf52840.yaml emulation:) assume it. */
    REG32(NVMC_ICACHECNF) = NVMC_ICACHECNF_CACHEEN;
    clock_init();
    REG32(P0_BASE + GPIO_DIRSET) = 1u << MARKER_PIN;
    board_marker(0);
    uart_init();
    mic_init();
    cortexm_dwt_init();
    cortexm_systick32_init();
    irq_enable();
}

/* TXDRDY comes only after a byte went out, so an idle transmitter is started here with the first
 * queued byte; interrupts off, so the handler cannot go idle between the check and the start. */
void cortexm_port_uart_tx_kick(void)
{
    uint32_t primask = irq_save();
    uint8_t b;
    if (!s_tx_busy && byte_ring_get(&cortexm_uart_tx, &b)) {
        s_tx_busy = 1;
        REG32(UART0_BASE + UART_TXD) = b;
    }
    irq_restore(primask);
}

void board_marker(int level) { REG32(P0_BASE + (level ? GPIO_OUTSET : GPIO_OUTCLR)) = 1u << MARKER_PIN; }
