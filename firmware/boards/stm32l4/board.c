/*
 * board.c - the STM32L476 port of board.h (pins of the 32L476GDISCOVERY): MSI 4 MHz -> PLL
 * (M=1, N=40, R=2) = 80 MHz; USART2 on PD5/PD6 (the ST-LINK virtual COM port) at the profile's
 * baud; the on-board MP34DT01 PDM microphone on DFSDM1 (CKOUT PE9, DATIN2 PE7): the filter does
 * the PDM-to-PCM decimation in hardware, Sinc3 with an integer oversampling ratio of 100 at a
 * 1.6 MHz bit clock = 16 kHz; DMA1 channel 4 moves the results into a ring; DWT CYCCNT for
 * cycles; marker pin PE8 (green LED); WFI when idle.
 */
#include <stddef.h>
#include <stdint.h>

#include "board.h"
#include "board_common.h"
#include "dma_ring.h"
#include "rig_static_assert.h"
#include "uart_rings.h"
#include "stm32l476_regs.h"

#define UART_TX_BYTES 512u
#define MARKER_PIN 8u     /* PE8 */
#define MIC_RING 512u     /* DFSDM results (32 ms) */
#define PDM_CKOUT_DIV 50u /* 80 MHz / 50 = 1.6 MHz microphone clock */
#define PDM_FOSR 100u     /* 1.6 MHz / 100 = 16 kHz */
/* Sinc3 gain is FOSR^3 = 1e6 at full scale (a 21-bit signed result in RDATAR[31:8]); shifting
 * right by 5 more bits maps it onto Q15 (1e6 / 32 = 31250). */
#define PDM_TO_Q15_SHIFT (8 + 5)

RIG_STATIC_ASSERT(RIG_CLOCK_HZ == 80000000u, "STM32L476 port runs the PLL at 80 MHz");
RIG_STATIC_ASSERT(RIG_CLOCK_HZ / PDM_CKOUT_DIV / PDM_FOSR == RIG_MIC_SAMPLE_RATE, "DFSDM divider and oversampling must give the frontend rate");
RIG_STATIC_ASSERT((MIC_RING & (MIC_RING - 1u)) == 0u, "mic ring must be a power of two");
RIG_PORT_CHECK_UART_RINGS(RIG_UART_RX_BYTES, UART_TX_BYTES);

static uint8_t s_rx_buf[RIG_UART_RX_BYTES];
static uint8_t s_tx_buf[UART_TX_BYTES];
byte_ring_t cortexm_uart_rx = { s_rx_buf, RIG_UART_RX_BYTES, 0, 0 };
byte_ring_t cortexm_uart_tx = { s_tx_buf, UART_TX_BYTES, 0, 0 };

static int32_t s_mic_ring[MIC_RING]; /* raw DFSDM_FLT0RDATAR words */
static volatile uint32_t s_mic_laps;
static const dma_ring_t s_mic_dma = { DMA_ISR, DMA_IFCR, DMA_CH4_CNDTR, DMA_ISR_TCIF4, DMA_IFCR_CHTIF4, MIC_RING };
mic_reader_t cortexm_mic;
const uint32_t cortexm_mic_ring_samples = MIC_RING;

static void clock_init(void)
{
    REG32(FLASH_ACR) = FLASH_ACR_LATENCY_4WS | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN;
    while ((REG32(FLASH_ACR) & 7u) != FLASH_ACR_LATENCY_4WS) { }
    /* MSI is 4 MHz after reset (RCC_CR.MSIRANGE = 6); VCO = 4 MHz * 40 = 160 MHz, R = 2. */
    REG32(RCC_PLLCFGR) = RCC_PLLCFGR_SRC_MSI | (0u << RCC_PLLCFGR_M_POS) | (40u << RCC_PLLCFGR_N_POS) | RCC_PLLCFGR_REN;
    REG32(RCC_CR) |= RCC_CR_PLLON;
    while ((REG32(RCC_CR) & RCC_CR_PLLRDY) == 0u) { }
    REG32(RCC_CFGR) = (REG32(RCC_CFGR) & ~3u) | RCC_CFGR_SW_PLL;
    while ((REG32(RCC_CFGR) & RCC_CFGR_SWS_MASK) != RCC_CFGR_SWS_PLL) { }
    REG32(RCC_AHB1ENR) |= RCC_AHB1ENR_DMA1;
    REG32(RCC_AHB2ENR) |= RCC_AHB2ENR_GPIOD | RCC_AHB2ENR_GPIOE;
    REG32(RCC_APB1ENR1) |= RCC_APB1ENR1_USART2;
    REG32(RCC_APB2ENR) |= RCC_APB2ENR_DFSDM1;
}

static void gpio_mode(uint32_t base, uint32_t pin, uint32_t mode)
{
    REG32(base + GPIO_MODER) = (REG32(base + GPIO_MODER) & ~(3u << (2u * pin))) | (mode << (2u * pin));
}

static void gpio_af(uint32_t base, uint32_t pin, uint32_t af)
{
    uint32_t reg = base + (pin < 8u ? GPIO_AFRL : GPIO_AFRH);
    uint32_t shift = 4u * (pin & 7u);
    REG32(reg) = (REG32(reg) & ~(0xFu << shift)) | (af << shift);
    gpio_mode(base, pin, GPIO_MODE_AF);
}

static void uart_init(void)
{
    gpio_af(GPIOD_BASE, 5, USART2_AF);
    gpio_af(GPIOD_BASE, 6, USART2_AF);
    REG32(USART2_BASE + USART_BRR) = (RIG_CLOCK_HZ + RIG_UART_BAUD / 2u) / RIG_UART_BAUD; /* 16x oversampling, PCLK1 = SYSCLK */
    REG32(USART2_BASE + USART_CR1) = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE | USART_CR1_RXNEIE;
    nvic_enable(USART2_IRQN);
}

void USART2_IRQHandler(void)
{
    uint32_t isr = REG32(USART2_BASE + USART_ISR);
    if (isr & USART_ISR_ORE) REG32(USART2_BASE + USART_ICR) = USART_ICR_ORECF;
    if (isr & USART_ISR_RXNE) (void)byte_ring_put(&cortexm_uart_rx, (uint8_t)REG32(USART2_BASE + USART_RDR));
    if ((isr & USART_ISR_TXE) && (REG32(USART2_BASE + USART_CR1) & USART_CR1_TXEIE)) {
        uint8_t b;
        if (byte_ring_get(&cortexm_uart_tx, &b)) REG32(USART2_BASE + USART_TDR) = b;
        else REG32(USART2_BASE + USART_CR1) &= ~USART_CR1_TXEIE;
    }
}

static void mic_init(void)
{
    gpio_af(GPIOE_BASE, 7, DFSDM_AF); /* DATIN2 */
    gpio_af(GPIOE_BASE, 9, DFSDM_AF); /* CKOUT */
    /* Channel 0 holds the global settings: CKOUT from the system clock (CKOUTSRC = 0, 80 MHz). */
    REG32(DFSDM_CH0CFGR1) = (PDM_CKOUT_DIV - 1u) << DFSDM_CHCFGR1_CKOUTDIV_POS;
    /* Channel 2: SPI data on its own pin, sampled on CKOUT rising edges. */
    REG32(DFSDM_CH2CFGR2) = 0;
    REG32(DFSDM_CH2CFGR1) = DFSDM_CHCFGR1_SPICKSEL_CKOUT | DFSDM_CHCFGR1_SITP_SPI_RISING | DFSDM_CHCFGR1_CHEN;
    /* Filter 0: Sinc3, FOSR 100, no integrator, regular conversions of channel 2, continuous. */
    REG32(DFSDM_FLT0FCR) = (3u << DFSDM_FLTFCR_FORD_POS) | ((PDM_FOSR - 1u) << DFSDM_FLTFCR_FOSR_POS);
    REG32(DFSDM_FLT0CR1) = (2u << DFSDM_FLTCR1_RCH_POS) | DFSDM_FLTCR1_RCONT | DFSDM_FLTCR1_FAST | DFSDM_FLTCR1_RDMAEN;

    REG32(DMA_CSELR) &= ~DMA_CSELR_C4S_MASK; /* request 0: DFSDM1_FLT0 */
    REG32(DMA_CH4_CPAR) = DFSDM_FLT0RDATAR;
    REG32(DMA_CH4_CMAR) = (uint32_t)(uintptr_t)s_mic_ring;
    /* CNDTR resets to 0, which reads as a whole lap written: arm the idle ring so that nothing
     * counts as captured before board_mic_start() and board_idle() can sleep. */
    dma_ring_arm(&s_mic_dma);
    nvic_enable(DMA1_CH4_IRQN);
}

void DMA1_Channel4_IRQHandler(void) { s_mic_laps = s_mic_laps + dma_ring_on_irq(&s_mic_dma); }

/* Samples the DMA has written since board_mic_start; call with interrupts off. */
uint32_t cortexm_port_mic_written_locked(void) { return dma_ring_written_locked(&s_mic_dma, s_mic_laps); }

void board_mic_start(void)
{
    REG32(DMA_CH4_CCR) = 0;
    dma_ring_arm(&s_mic_dma);
    s_mic_laps = 0;
    cortexm_mic.read_total = 0;
    REG32(DMA_CH4_CCR) = DMA_CCR_MINC | DMA_CCR_CIRC | DMA_CCR_PSIZE_32 | DMA_CCR_MSIZE_32 | DMA_CCR_PL_HIGH | DMA_CCR_HTIE | DMA_CCR_TCIE | DMA_CCR_EN;
    REG32(DFSDM_CH0CFGR1) |= DFSDM_CHCFGR1_DFSDMEN;
    REG32(DFSDM_FLT0CR1) |= DFSDM_FLTCR1_DFEN;
    REG32(DFSDM_FLT0CR1) |= DFSDM_FLTCR1_RSWSTART;
}

void board_mic_stop(void)
{
    REG32(DFSDM_FLT0CR1) &= ~DFSDM_FLTCR1_DFEN;
    REG32(DFSDM_CH0CFGR1) &= ~DFSDM_CHCFGR1_DFSDMEN;
    REG32(DMA_CH4_CCR) = 0;
    /* What the stopped microphone captured and nobody read is dropped, so board_idle() sleeps again. */
    dma_ring_arm(&s_mic_dma);
    s_mic_laps = 0;
    cortexm_mic.read_total = 0;
}

void cortexm_port_mic_copy(int16_t *dst, uint32_t start, size_t n)
{
    for (size_t i = 0; i < n; ++i) {
        int32_t v = s_mic_ring[start] >> PDM_TO_Q15_SHIFT; /* arithmetic shift of a signed result */
        dst[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
        start = (start + 1u) & (MIC_RING - 1u);
    }
}

void board_init(void)
{
    clock_init();
    gpio_mode(GPIOE_BASE, MARKER_PIN, GPIO_MODE_OUT);
    board_marker(0);
    uart_init();
    mic_init();
    cortexm_dwt_init();
    cortexm_systick32_init();
    irq_enable();
}

/* The TXE interrupt drains the ring and switches itself off when it is empty: switch it on. */
void cortexm_port_uart_tx_kick(void) { REG32(USART2_BASE + USART_CR1) |= USART_CR1_TXEIE; }

void board_marker(int level) { REG32(GPIOE_BASE + GPIO_BSRR) = level ? (1u << MARKER_PIN) : (1u << (MARKER_PIN + 16u)); }
