/*
 * board.c - the PY32F003x6 port of board.h: HSI at 24 MHz, USART2 at the profile's baud receiving
 * through DMA into a ring and sending from an interrupt-driven ring, an analog microphone on PA0
 * (ADC channel 0) sampled at the
 * frontend rate by TIM1's update event and moved by DMA channel 1 into a 128-sample ring,
 * SysTick extended to 32 bits for cycles, marker pin PA1, WFI when idle.
 * Lean on purpose: 4 KB of RAM hold capture, frontend, model, drivers and the stack.
 */
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "board_common.h"
#include "dma_ring.h"
#include "rig_static_assert.h"
#include "uart_rings.h"
#include "py32f003_regs.h"

#define PCLK_HZ RIG_CLOCK_HZ /* HCLK = PCLK = SYSCLK = HSI (prescalers /1) */
/* TX ring: one whole encoded frame (checked below), so the app never waits on the wire. */
#define UART_TX_BYTES 96u
/* Mic ring: 128 samples = 16 ms at 8 kHz, enough to ride out an inference plus a frame's wire
 * time without dropping samples; a power of two (mic_reader.h). */
#define MIC_RING 128u
#define MARKER_PIN 1u
#define MIC_PIN 0u

RIG_STATIC_ASSERT(RIG_CLOCK_HZ == 24000000u, "PY32F003 port runs the HSI at 24 MHz (profile board.clock_hz)");
RIG_STATIC_ASSERT((MIC_RING & (MIC_RING - 1u)) == 0u, "mic ring must be a power of two");
RIG_PORT_CHECK_UART_RINGS(RIG_UART_RX_BYTES, UART_TX_BYTES);

/* Receive: DMA channel 2 writes every byte USART2 receives into s_rx_buf, round and round, with no
 * interrupt per byte (on a Cortex-M0+ at 460,800 baud that interrupt and the ring's bookkeeping were
 * a fifth of the core's cycles). The main loop is handed whole frames only (up to the last 0x00
 * delimiter the DMA wrote): woken per byte it would work through a frame a few bytes at a time as
 * they trickle in, paying the loop's fixed cost each time instead of sleeping. The line's IDLE
 * interrupt (after a burst) and the channel's half/complete interrupts (during a long one) wake it.
 * A lapped ring (more than RIG_UART_RX_BYTES unread) garbles frames, as a full ring drops bytes:
 * the host never has more in flight (uart_rings.h), and the CRC catches it otherwise. */
static uint8_t s_rx_buf[RIG_UART_RX_BYTES];
static uint16_t s_rx_tail;    /* next byte to hand out */
static uint16_t s_rx_scanned; /* bytes before it were looked at for a delimiter */
static uint16_t s_rx_ready;   /* just past the last delimiter seen: [tail, ready) are whole frames */
/* Send: board_uart_write fills the ring, DMA channel 3 moves its contiguous stretches to DR (one
 * interrupt per stretch instead of one per byte; the interrupt also woke the main loop each time). */
static uint8_t s_tx_buf[UART_TX_BYTES];
byte_ring_t cortexm_uart_tx = { s_tx_buf, UART_TX_BYTES, 0, 0 };
static uint16_t s_tx_dma_len; /* bytes from the ring's tail the DMA is sending; 0: idle */

static uint16_t s_mic_ring[MIC_RING];   /* DMA target: right-aligned 12-bit ADC codes */
static volatile uint32_t s_mic_laps;    /* completed passes of the DMA over the ring */
static volatile uint8_t s_mic_on;       /* between board_mic_start and board_mic_stop */
static const dma_ring_t s_mic_dma = { DMA_ISR, DMA_IFCR, DMA_CH1_CNDTR, DMA_ISR_TCIF1, DMA_IFCR_CHTIF1, MIC_RING };
mic_reader_t cortexm_mic;
const uint32_t cortexm_mic_ring_samples = MIC_RING;

static void clock_init(void)
{
    /* RCC_ICSCR: select the 24 MHz HSI band and load its factory trim. */
    uint32_t trim = REG32(HSI_TRIM_24MHZ_ADDR) & RCC_ICSCR_HSI_TRIM_MASK;
    REG32(RCC_ICSCR) = (RCC_ICSCR_HSI_FS_24MHZ << RCC_ICSCR_HSI_FS_POS) | trim;
    while ((REG32(RCC_CR) & RCC_CR_HSIRDY) == 0u) { }
    REG32(FLASH_ACR) &= ~FLASH_ACR_LATENCY; /* 0 WS at HCLK <= 24 MHz */
    REG32(RCC_IOPENR) |= RCC_IOPENR_GPIOA;
    REG32(RCC_AHBENR) |= RCC_AHBENR_DMA;
    REG32(RCC_APBENR1) |= RCC_APBENR1_USART2;
    REG32(RCC_APBENR2) |= RCC_APBENR2_SYSCFG | RCC_APBENR2_TIM1 | RCC_APBENR2_ADC;
}

static void gpio_mode(uint32_t pin, uint32_t mode)
{
    uint32_t v = REG32(GPIOA_BASE + GPIO_MODER);
    v &= ~(3u << (2u * pin));
    REG32(GPIOA_BASE + GPIO_MODER) = v | (mode << (2u * pin));
}

static void uart_init(void)
{
    uint32_t afr = REG32(GPIOA_BASE + GPIO_AFRL) & ~((0xFu << 8) | (0xFu << 12));
    REG32(GPIOA_BASE + GPIO_AFRL) = afr | (USART2_AF << 8) | (USART2_AF << 12); /* PA2, PA3 */
    gpio_mode(2, GPIO_MODE_AF);
    gpio_mode(3, GPIO_MODE_AF);
    /* 16x oversampling: BRR = fPCLK / baud (mantissa and 4-bit fraction in one value). */
    REG32(USART2_BASE + USART_BRR) = (PCLK_HZ + RIG_UART_BAUD / 2u) / RIG_UART_BAUD;
    /* DMA channel 2 <- USART2_RX, 8-bit DR to the ring, circular, armed before the receiver;
     * channel 3 -> USART2_TX, started per stretch by tx_dma_start. */
    REG32(SYSCFG_CFGR3) = (REG32(SYSCFG_CFGR3) & ~(SYSCFG_CFGR3_DMA2_MAP_MASK | SYSCFG_CFGR3_DMA3_MAP_MASK)) |
                          SYSCFG_DMA2_MAP_USART2_RX | SYSCFG_DMA3_MAP_USART2_TX;
    REG32(DMA_CH2_CPAR) = USART2_BASE + USART_DR;
    REG32(DMA_CH2_CMAR) = (uint32_t)(uintptr_t)s_rx_buf;
    REG32(DMA_CH2_CNDTR) = RIG_UART_RX_BYTES;
    REG32(DMA_CH2_CCR) = DMA_CCR_MINC | DMA_CCR_CIRC | DMA_CCR_HTIE | DMA_CCR_TCIE | DMA_CCR_EN;
    REG32(DMA_CH3_CPAR) = USART2_BASE + USART_DR;
    REG32(USART2_BASE + USART_CR3) = USART_CR3_DMAR | USART_CR3_DMAT;
    REG32(USART2_BASE + USART_CR1) = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_IDLEIE;
    nvic_enable(DMA1_CH2_3_IRQN);
    nvic_enable(USART2_IRQN);
}

/* Where the DMA writes next: CNDTR counts down the bytes left in the lap (and reloads at 0). */
static uint32_t rx_head(void)
{
    uint32_t h = RIG_UART_RX_BYTES - REG32(DMA_CH2_CNDTR);
    return h < RIG_UART_RX_BYTES ? h : 0u;
}

/* Moves s_rx_ready past the last delimiter the DMA has written so far. */
static void rx_scan(void)
{
    uint32_t head = rx_head();
    uint32_t i = s_rx_scanned;
    uint32_t ready = s_rx_ready;
    while (i != head) {
        uint8_t b = s_rx_buf[i];
        if (++i == RIG_UART_RX_BYTES) i = 0;
        if (b == 0) ready = i;
    }
    s_rx_scanned = (uint16_t)i;
    s_rx_ready = (uint16_t)ready;
}

size_t cortexm_port_uart_read(uint8_t *dst, size_t max)
{
    rx_scan();
    uint32_t t = s_rx_tail;
    uint32_t ready = s_rx_ready;
    size_t n = 0;
    while (n < max && t != ready) {
        dst[n++] = s_rx_buf[t];
        if (++t == RIG_UART_RX_BYTES) t = 0;
    }
    s_rx_tail = (uint16_t)t;
    return n;
}

int cortexm_port_uart_rx_waiting_locked(void)
{
    rx_scan();
    return s_rx_tail != s_rx_ready;
}

/* Sends the ring's next contiguous stretch, or marks the DMA idle; interrupts off or in its handler. */
static void tx_dma_start(void)
{
    uint16_t t = cortexm_uart_tx.tail;
    uint16_t h = cortexm_uart_tx.head;
    if (t == h) { s_tx_dma_len = 0; return; }
    uint16_t len = (uint16_t)(h > t ? (uint32_t)h - t : UART_TX_BYTES - (uint32_t)t);
    REG32(DMA_CH3_CCR) = 0;
    REG32(DMA_CH3_CMAR) = (uint32_t)(uintptr_t)&s_tx_buf[t];
    REG32(DMA_CH3_CNDTR) = len;
    s_tx_dma_len = len;
    REG32(DMA_CH3_CCR) = DMA_CCR_MINC | DMA_CCR_DIR | DMA_CCR_TCIE | DMA_CCR_EN;
}

/* Channel 2's half/complete interrupts only wake the main loop during a long receive burst;
 * channel 3's transfer-complete frees the stretch it sent and starts the next. */
void DMA1_Channel2_3_IRQHandler(void)
{
    uint32_t isr = REG32(DMA_ISR);
    REG32(DMA_IFCR) = DMA_IFCR_CGIF2 | (isr & DMA_ISR_TCIF3 ? DMA_IFCR_CGIF3 : 0u);
    if (isr & DMA_ISR_TCIF3) {
        uint32_t t = cortexm_uart_tx.tail + (uint32_t)s_tx_dma_len;
        cortexm_uart_tx.tail = (uint16_t)(t >= UART_TX_BYTES ? t - UART_TX_BYTES : t);
        tx_dma_start();
    }
}

/* IDLE (the line went quiet after a burst) only wakes the main loop; SR then DR clears it. */
void USART2_IRQHandler(void)
{
    if (REG32(USART2_BASE + USART_SR) & USART_SR_IDLE) (void)REG32(USART2_BASE + USART_DR);
}

static void mic_init(void)
{
    gpio_mode(MIC_PIN, GPIO_MODE_ANALOG);

    /* TIM1: update event at the sample rate, routed to TRGO for the ADC trigger. */
    REG32(TIM1_BASE + TIM_PSC) = 0;
    REG32(TIM1_BASE + TIM_ARR) = PCLK_HZ / RIG_MIC_SAMPLE_RATE - 1u;
    REG32(TIM1_BASE + TIM_CR2) = TIM_CR2_MMS_UPDATE;
    REG32(TIM1_BASE + TIM_EGR) = 1u; /* UG: load PSC/ARR */

    /* ADC: calibrate while disabled, then channel 0, 13.5-cycle sampling, triggered by TIM1_TRGO,
     * DMA in circular mode, overrun overwrites (the DMA is never late by a whole sample). */
    REG32(ADC_CFGR2) = ADC_CFGR2_CKMODE_PCLK_DIV4; /* 6 MHz: 26 ADC clocks = 4.3 us per sample */
    REG32(ADC_CR) = ADC_CR_ADCAL;
    while (REG32(ADC_CR) & ADC_CR_ADCAL) { }
    REG32(ADC_SMPR) = ADC_SMPR_13_5_CYCLES;
    REG32(ADC_CHSELR) = 1u << 0;
    REG32(ADC_CFGR1) = ADC_CFGR1_DMAEN | ADC_CFGR1_DMACFG | ADC_CFGR1_EXTEN_RISING | ADC_CFGR1_OVRMOD;

    /* DMA channel 1 <- ADC request (SYSCFG_CFGR3.DMA1_MAP), 16-bit ADC_DR to 16-bit ring. */
    REG32(SYSCFG_CFGR3) = (REG32(SYSCFG_CFGR3) & ~SYSCFG_CFGR3_DMA1_MAP_MASK) | SYSCFG_DMA_MAP_ADC;
    REG32(DMA_CH1_CPAR) = ADC_DR;
    REG32(DMA_CH1_CMAR) = (uint32_t)(uintptr_t)s_mic_ring;
    nvic_enable(DMA1_CH1_IRQN);
}

void DMA1_Channel1_IRQHandler(void) { s_mic_laps = s_mic_laps + dma_ring_on_irq(&s_mic_dma); }

/* Samples the DMA has written since board_mic_start; call with interrupts off. With the microphone
 * off nothing is news: CNDTR reads 0 from reset (a whole ring "written") and keeps its last value
 * after a stop, which would keep board_idle from ever sleeping. */
uint32_t cortexm_port_mic_written_locked(void) { return s_mic_on ? dma_ring_written_locked(&s_mic_dma, s_mic_laps) : cortexm_mic.read_total; }

void board_mic_start(void)
{
    REG32(DMA_CH1_CCR) = 0;
    dma_ring_arm(&s_mic_dma);
    s_mic_laps = 0;
    cortexm_mic.read_total = 0;
    s_mic_on = 1;
    REG32(DMA_CH1_CCR) = DMA_CCR_MINC | DMA_CCR_CIRC | DMA_CCR_PSIZE_16 | DMA_CCR_MSIZE_16 | DMA_CCR_PL_HIGH | DMA_CCR_HTIE | DMA_CCR_TCIE | DMA_CCR_EN;
    REG32(ADC_CR) = ADC_CR_ADEN;
    for (volatile uint32_t i = 0; i < RIG_CLOCK_HZ / 1000000u; ++i) { } /* ~1 us stabilisation (no ADRDY flag) */
    REG32(ADC_CR) = ADC_CR_ADEN | ADC_CR_ADSTART; /* armed: converts on each TIM1 trigger */
    REG32(TIM1_BASE + TIM_CR1) = TIM_CR1_CEN;
}

void board_mic_stop(void)
{
    s_mic_on = 0;
    REG32(TIM1_BASE + TIM_CR1) = 0;
    if (REG32(ADC_CR) & ADC_CR_ADSTART) REG32(ADC_CR) = ADC_CR_ADEN | ADC_CR_ADSTP;
    while (REG32(ADC_CR) & ADC_CR_ADSTP) { }
    REG32(DMA_CH1_CCR) = 0;
}

void cortexm_port_mic_copy(int16_t *dst, uint32_t start, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        /* 12-bit unsigned code, mid-scale 2048, to Q15: remove the offset and scale by 16. */
        dst[i] = (int16_t)(((int32_t)s_mic_ring[start] - 2048) * 16);
        start = (start + 1u) & (MIC_RING - 1u);
    }
}

void board_init(void)
{
    clock_init();
    gpio_mode(MARKER_PIN, GPIO_MODE_OUT);
    board_marker(0);
    uart_init();
    mic_init();
    cortexm_systick32_init();
    irq_enable();
}

/* Bytes were queued: start the DMA unless it is sending (its completion goes on to them). */
void cortexm_port_uart_tx_kick(void)
{
    uint32_t primask = irq_save();
    if (s_tx_dma_len == 0) tx_dma_start();
    irq_restore(primask);
}

void board_marker(int level) { REG32(GPIOA_BASE + GPIO_BSRR) = level ? (1u << MARKER_PIN) : (1u << (MARKER_PIN + 16u)); }
