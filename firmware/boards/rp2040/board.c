/*
 * board.c - the RP2040 port of board.h (pins of the Raspberry Pi Pico): XOSC 12 MHz -> PLL_SYS
 * 1500 MHz / 6 / 2 = 125 MHz for clk_sys and clk_peri, PLL_USB 1200 MHz / 5 / 5 = 48 MHz for
 * clk_adc; UART0 on GP0 (TX) / GP1 (RX) at the profile's baud; an analog microphone on GP26
 * (ADC0) free-running at the frontend rate (ADC DIV), drained by DMA channel 0 into a ring in 16 ms runs;
 * SysTick extended to 32 bits for cycles; marker pin GP25 (the LED); WFI when idle.
 * Core 1 stays asleep in the boot ROM.
 */
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "board_common.h"
#include "rig_static_assert.h"
#include "uart_rings.h"
#include "rp2040_regs.h"

#define UART_TX_BYTES 512u
#define UART_TX_PIN 0u
#define UART_RX_PIN 1u
#define MIC_PIN 26u /* ADC input 0 */
#define MARKER_PIN 25u
#define MIC_RING 1024u          /* samples (64 ms at 16 kHz) */
#define MIC_RING_LOG2_BYTES 11u /* 1024 samples * 2 bytes = 2^11 */
#define MIC_BLOCK 256u          /* samples per DMA run (16 ms): its end interrupt restarts the
                                   channel and wakes the core from WFI */

RIG_STATIC_ASSERT(RIG_CLOCK_HZ == 125000000u, "RP2040 port runs PLL_SYS at 125 MHz");
RIG_STATIC_ASSERT(ADC_CLOCK_HZ % RIG_MIC_SAMPLE_RATE == 0u, "ADC rate must divide 48 MHz exactly");
RIG_STATIC_ASSERT((1u << MIC_RING_LOG2_BYTES) == MIC_RING * sizeof(uint16_t), "ring size and DMA ring wrap must agree");
RIG_PORT_CHECK_UART_RINGS(RIG_UART_RX_BYTES, UART_TX_BYTES);

static uint8_t s_rx_buf[RIG_UART_RX_BYTES];
static uint8_t s_tx_buf[UART_TX_BYTES];
byte_ring_t cortexm_uart_rx = { s_rx_buf, RIG_UART_RX_BYTES, 0, 0 };
byte_ring_t cortexm_uart_tx = { s_tx_buf, UART_TX_BYTES, 0, 0 };

/* The DMA ring wraps the write address on a 2^11 boundary, so the buffer must be aligned to it. */
static uint16_t s_mic_ring[MIC_RING] __attribute__((aligned(MIC_RING * sizeof(uint16_t))));
static volatile uint32_t s_mic_blocks; /* completed DMA runs since board_mic_start */
static volatile uint8_t s_mic_on;      /* between board_mic_start and board_mic_stop */
mic_reader_t cortexm_mic;
const uint32_t cortexm_mic_ring_samples = MIC_RING;

static void unreset(uint32_t mask)
{
    REG32(RESETS_RESET + ALIAS_SET) = mask;
    REG32(RESETS_RESET + ALIAS_CLR) = mask;
    while ((REG32(RESETS_DONE) & mask) != mask) { }
}

static void pll_start(uint32_t base, uint32_t fbdiv, uint32_t post1, uint32_t post2)
{
    REG32(base + PLL_PWR) = PLL_PWR_PD | PLL_PWR_POSTDIVPD | PLL_PWR_VCOPD | (1u << 2); /* all off, DSMPD */
    REG32(base + PLL_CS) = 1u;                                                            /* REFDIV = 1 */
    REG32(base + PLL_FBDIV_INT) = fbdiv;
    REG32(base + PLL_PWR + ALIAS_CLR) = PLL_PWR_PD | PLL_PWR_VCOPD;
    while ((REG32(base + PLL_CS) & PLL_CS_LOCK) == 0u) { }
    REG32(base + PLL_PRIM) = (post1 << PLL_PRIM_POSTDIV1_POS) | (post2 << PLL_PRIM_POSTDIV2_POS);
    REG32(base + PLL_PWR + ALIAS_CLR) = PLL_PWR_POSTDIVPD;
}

static void clock_init(void)
{
    /* clk_sys off the PLL (glitchless mux back to clk_ref) before the PLLs are reset. */
    REG32(CLK_SYS_CTRL + ALIAS_CLR) = CLK_SYS_SRC_AUX;
    while ((REG32(CLK_SYS_SELECTED) & 1u) == 0u) { }

    REG32(XOSC_STARTUP) = XOSC_STARTUP_DELAY;
    REG32(XOSC_CTRL) = XOSC_CTRL_1_15MHZ | XOSC_CTRL_ENABLE;
    while ((REG32(XOSC_STATUS) & XOSC_STATUS_STABLE) == 0u) { }
    REG32(CLK_REF_CTRL) = CLK_REF_SRC_XOSC;
    while ((REG32(CLK_REF_SELECTED) & (1u << CLK_REF_SRC_XOSC)) == 0u) { }

    unreset(RESET_PLL_SYS | RESET_PLL_USB);
    pll_start(PLL_SYS_BASE, 125u, 6u, 2u); /* 12 MHz * 125 = 1500 MHz / 6 / 2 = 125 MHz */
    pll_start(PLL_USB_BASE, 100u, 5u, 5u); /* 12 MHz * 100 = 1200 MHz / 5 / 5 = 48 MHz */

    REG32(CLK_SYS_DIV) = CLK_DIV_1;
    REG32(CLK_SYS_CTRL) = CLK_SYS_AUXSRC_PLL_SYS; /* aux first, then switch the glitchless mux */
    REG32(CLK_SYS_CTRL + ALIAS_SET) = CLK_SYS_SRC_AUX;
    while ((REG32(CLK_SYS_SELECTED) & 2u) == 0u) { }
    REG32(CLK_PERI_CTRL) = CLK_CTRL_ENABLE | CLK_PERI_AUXSRC_CLK_SYS;
    REG32(CLK_ADC_DIV) = CLK_DIV_1;
    REG32(CLK_ADC_CTRL) = CLK_CTRL_ENABLE | CLK_ADC_AUXSRC_PLL_USB;

    unreset(RESET_IO_BANK0 | RESET_PADS_BANK0 | RESET_UART0 | RESET_ADC | RESET_DMA);
}

static void uart_tx_pump(void)
{
    uint8_t b;
    while ((REG32(UART0_BASE + UART_FR) & UART_FR_TXFF) == 0u && byte_ring_get(&cortexm_uart_tx, &b)) REG32(UART0_BASE + UART_DR) = b;
    if (byte_ring_empty(&cortexm_uart_tx)) REG32(UART0_BASE + UART_IMSC + ALIAS_CLR) = UART_IMSC_TX;
    else REG32(UART0_BASE + UART_IMSC + ALIAS_SET) = UART_IMSC_TX;
}

static void uart_init(void)
{
    REG32(IO_GPIO_CTRL(UART_TX_PIN)) = FUNCSEL_UART;
    REG32(IO_GPIO_CTRL(UART_RX_PIN)) = FUNCSEL_UART;
    /* PL011 divisor = clk_peri / (16 * baud) in 16.6 fixed point, rounded. */
    const uint32_t div = (8u * RIG_CLOCK_HZ / RIG_UART_BAUD + 1u) / 2u;
    REG32(UART0_BASE + UART_IBRD) = div >> 6;
    REG32(UART0_BASE + UART_FBRD) = div & 63u;
    REG32(UART0_BASE + UART_LCR_H) = UART_LCR_H_WLEN_8 | UART_LCR_H_FEN; /* latches IBRD/FBRD */
    REG32(UART0_BASE + UART_IFLS) = 0;                                    /* RX at 1/8, TX at 1/8 full */
    REG32(UART0_BASE + UART_IMSC) = UART_IMSC_RX | UART_IMSC_RT;
    REG32(UART0_BASE + UART_CR) = UART_CR_UARTEN | UART_CR_TXE | UART_CR_RXE;
    nvic_enable(UART0_IRQN);
}

void UART0_IRQHandler(void);
void UART0_IRQHandler(void)
{
    while ((REG32(UART0_BASE + UART_FR) & UART_FR_RXFE) == 0u) (void)byte_ring_put(&cortexm_uart_rx, (uint8_t)REG32(UART0_BASE + UART_DR));
    uart_tx_pump();
}

static void mic_init(void)
{
    REG32(PADS_GPIO(MIC_PIN)) = PADS_OD; /* analog: digital input and output off, no pulls */
    REG32(IO_GPIO_CTRL(MIC_PIN)) = FUNCSEL_NULL;
    REG32(ADC_CS) = ADC_CS_EN | (0u << 12); /* AINSEL = 0 (GP26) */
    while ((REG32(ADC_CS) & ADC_CS_READY) == 0u) { }
    REG32(ADC_DIV) = (ADC_CLOCK_HZ / RIG_MIC_SAMPLE_RATE - 1u) << 8;
    REG32(ADC_FCS) = ADC_FCS_EN | ADC_FCS_DREQ_EN | ADC_FCS_THRESH_1;
    nvic_enable(DMA_IRQ_0_IRQN);
}

void board_mic_start(void)
{
    REG32(DMA_CHAN_ABORT) = 1u;
    while (REG32(DMA_CHAN_ABORT) & 1u) { }
    cortexm_mic.read_total = 0;
    REG32(DMA_CH0_READ_ADDR) = ADC_FIFO;
    REG32(DMA_CH0_WRITE_ADDR) = (uint32_t)(uintptr_t)s_mic_ring;
    REG32(DMA_CH0_TRANS_COUNT) = MIC_BLOCK;
    REG32(DMA_INTS0) = 1u;
    REG32(DMA_INTE0) = 1u;
    s_mic_blocks = 0;
    s_mic_on = 1;
    REG32(DMA_CH0_CTRL_TRIG) = DMA_CTRL_EN | DMA_CTRL_HIGH_PRIORITY | DMA_CTRL_SIZE_HALFWORD | DMA_CTRL_INCR_WRITE |
                               (MIC_RING_LOG2_BYTES << DMA_CTRL_RING_SIZE_POS) | DMA_CTRL_RING_SEL_WRITE |
                               (0u << DMA_CTRL_CHAIN_TO_POS) | ((uint32_t)DREQ_ADC << DMA_CTRL_TREQ_SEL_POS);
    REG32(ADC_CS + ALIAS_SET) = ADC_CS_START_MANY;
}

void board_mic_stop(void)
{
    s_mic_on = 0;
    REG32(ADC_CS + ALIAS_CLR) = ADC_CS_START_MANY;
    REG32(DMA_INTE0) = 0;
    REG32(DMA_CHAN_ABORT) = 1u;
    while (REG32(DMA_CHAN_ABORT) & 1u) { }
}

void DMA_IRQ_0_IRQHandler(void);
void DMA_IRQ_0_IRQHandler(void)
{
    REG32(DMA_INTS0) = 1u;
    s_mic_blocks = s_mic_blocks + 1u;
    /* The write address keeps wrapping inside the ring; the ADC FIFO (4 samples = 250 us) covers
     * the moment between the end of one run and this restart. */
    REG32(DMA_CH0_AL1_TRANS_COUNT_TRIG) = MIC_BLOCK;
}

/* Samples written since board_mic_start, with interrupts off: TRANS_COUNT counts down within the
 * current run; a finished run whose interrupt is pending reads 0 and so counts as complete. With the
 * microphone off nothing is news (TRANS_COUNT reads 0 from reset, which would look like a whole run
 * written and keep board_idle from ever sleeping). */
uint32_t cortexm_port_mic_written_locked(void)
{
    return s_mic_on ? s_mic_blocks * MIC_BLOCK + (MIC_BLOCK - REG32(DMA_CH0_TRANS_COUNT)) : cortexm_mic.read_total;
}

void cortexm_port_mic_copy(int16_t *dst, uint32_t start, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        /* 12-bit unsigned code, mid-scale 2048, to Q15: remove the offset and scale by 16. */
        dst[i] = (int16_t)(((int32_t)(s_mic_ring[start] & 0x0FFFu) - 2048) * 16);
        start = (start + 1u) & (MIC_RING - 1u);
    }
}

void board_init(void)
{
    clock_init();
    REG32(IO_GPIO_CTRL(MARKER_PIN)) = FUNCSEL_SIO;
    REG32(SIO_GPIO_OE_SET) = 1u << MARKER_PIN;
    board_marker(0);
    uart_init();
    mic_init();
    cortexm_systick32_init();
    irq_enable();
}

/* The PL011 TX interrupt fires on crossing its FIFO level: prime the FIFO (interrupts off, as the
 * handler pumps the same ring). */
void cortexm_port_uart_tx_kick(void)
{
    uint32_t primask = irq_save();
    uart_tx_pump();
    irq_restore(primask);
}

void board_marker(int level) { REG32(level ? SIO_GPIO_OUT_SET : SIO_GPIO_OUT_CLR) = 1u << MARKER_PIN; }
