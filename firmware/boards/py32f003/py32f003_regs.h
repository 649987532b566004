/*
 * py32f003_regs.h - the PY32F003 registers this port touches, as offsets and bit positions from
 * the Puya PY32F003 Reference Manual (chapter named next to each block). Bus bases: APB at
 * 0x40000000, AHB at 0x40020000, IOPORT (GPIO) at 0x50000000 (RM "Memory map" table).
 */
#ifndef RIG_PY32F003_REGS_H
#define RIG_PY32F003_REGS_H

#include "cortexm.h"

/* RM "Reset and clock control (RCC)": RCC_CR, RCC_ICSCR (HSI_FS[15:13], HSI_TRIM[12:0]),
 * RCC_CFGR, enable registers. */
enum {
    RCC_BASE = 0x40021000u,
    RCC_CR = RCC_BASE + 0x00u,
    RCC_ICSCR = RCC_BASE + 0x04u,
    RCC_CFGR = RCC_BASE + 0x08u,
    RCC_IOPENR = RCC_BASE + 0x34u,
    RCC_AHBENR = RCC_BASE + 0x38u,
    RCC_APBENR1 = RCC_BASE + 0x3Cu,
    RCC_APBENR2 = RCC_BASE + 0x40u,
    RCC_CR_HSIRDY = 1u << 10,
    RCC_ICSCR_HSI_FS_POS = 13,
    RCC_ICSCR_HSI_FS_24MHZ = 4u,
    RCC_ICSCR_HSI_TRIM_MASK = 0x1FFFu,
    RCC_IOPENR_GPIOA = 1u << 0,
    RCC_AHBENR_DMA = 1u << 0,
    RCC_APBENR1_USART2 = 1u << 17,
    RCC_APBENR2_SYSCFG = 1u << 0,
    RCC_APBENR2_TIM1 = 1u << 11,
    RCC_APBENR2_ADC = 1u << 20
};

/* RM "Embedded flash memory", factory trim words in the information area: the HSI trim value
 * for each HSI_FS setting; 24 MHz is at 0x1FFF0F10. */
enum { HSI_TRIM_24MHZ_ADDR = 0x1FFF0F10u };

/* RM "Embedded flash memory": FLASH_ACR.LATENCY = 0 wait states up to 24 MHz HCLK. */
enum { FLASH_ACR = 0x40022000u, FLASH_ACR_LATENCY = 1u << 0 };

/* RM "General-purpose I/Os (GPIO)": MODER 2 bits/pin (00 in, 01 out, 10 AF, 11 analog), AFR. */
enum {
    GPIOA_BASE = 0x50000000u,
    GPIO_MODER = 0x00u,
    GPIO_BSRR = 0x18u,
    GPIO_AFRL = 0x20u,
    GPIO_MODE_OUT = 1u,
    GPIO_MODE_AF = 2u,
    GPIO_MODE_ANALOG = 3u
};

/* RM "Universal synchronous asynchronous receiver transmitter (USART)": SR/DR/BRR/CR1..3 layout.
 * USART2 on PA2 (TX) / PA3 (RX), alternate function 4 (datasheet pin definitions table). */
enum {
    USART2_BASE = 0x40004400u,
    USART_SR = 0x00u,
    USART_DR = 0x04u,
    USART_BRR = 0x08u,
    USART_CR1 = 0x0Cu,
    USART_SR_ORE = 1u << 3,
    USART_SR_RXNE = 1u << 5,
    USART_SR_TXE = 1u << 7,
    USART_CR1_RE = 1u << 2,
    USART_CR1_TE = 1u << 3,
    USART_CR1_RXNEIE = 1u << 5,
    USART_CR1_TXEIE = 1u << 7,
    USART_CR1_UE = 1u << 13,
    USART2_IRQN = 28,
    USART2_AF = 4u
};

/* RM "Advanced-control timer (TIM1)": CR1.CEN, CR2.MMS[6:4] = 010 (update event -> TRGO). */
enum {
    TIM1_BASE = 0x40012C00u,
    TIM_CR1 = 0x00u,
    TIM_CR2 = 0x04u,
    TIM_EGR = 0x14u,
    TIM_PSC = 0x28u,
    TIM_ARR = 0x2Cu,
    TIM_CR1_CEN = 1u << 0,
    TIM_CR2_MMS_UPDATE = 2u << 4
};

/* RM "Analog-to-digital converter (ADC)": ISR, CR (ADEN bit 0, ADSTART bit 2, ADSTP bit 4,
 * ADCAL bit 31), CFGR1 (DMAEN 0, DMACFG 1, OVRMOD 12, EXTSEL[8:6] 000 = TIM1_TRGO,
 * EXTEN[11:10] 01 = rising edge), CFGR2.CKMODE[31:28] 0010 = PCLK/4, SMPR, CHSELR, DR. The
 * ADC has no ready flag: it needs about 1 us after ADEN before the first conversion. */
enum {
    ADC_BASE = 0x40012400u,
    ADC_ISR = ADC_BASE + 0x00u,
    ADC_CR = ADC_BASE + 0x08u,
    ADC_CFGR1 = ADC_BASE + 0x0Cu,
    ADC_CFGR2 = ADC_BASE + 0x10u,
    ADC_SMPR = ADC_BASE + 0x14u,
    ADC_CHSELR = ADC_BASE + 0x28u,
    ADC_DR = ADC_BASE + 0x40u,
    ADC_CR_ADEN = 1u << 0,
    ADC_CR_ADSTART = 1u << 2,
    ADC_CR_ADSTP = 1u << 4,
    ADC_CFGR1_DMAEN = 1u << 0,
    ADC_CFGR1_DMACFG = 1u << 1,
    ADC_CFGR1_EXTEN_RISING = 1u << 10,
    ADC_CFGR1_OVRMOD = 1u << 12,
    ADC_CFGR2_CKMODE_PCLK_DIV4 = 2u << 28,
    ADC_SMPR_13_5_CYCLES = 3u
};
#define ADC_CR_ADCAL (1u << 31) /* outside the enum: does not fit an int */

/* RM "Direct memory access controller (DMA)": channel 1 at +0x08 (CCR, CNDTR, CPAR, CMAR);
 * requests are routed by SYSCFG_CFGR3.DMA1_MAP[4:0] (0 = ADC), RM "System configuration". */
enum {
    DMA1_BASE = 0x40020000u,
    DMA_ISR = DMA1_BASE + 0x00u,
    DMA_IFCR = DMA1_BASE + 0x04u,
    DMA_CH1_CCR = DMA1_BASE + 0x08u,
    DMA_CH1_CNDTR = DMA1_BASE + 0x0Cu,
    DMA_CH1_CPAR = DMA1_BASE + 0x10u,
    DMA_CH1_CMAR = DMA1_BASE + 0x14u,
    DMA_ISR_TCIF1 = 1u << 1,
    DMA_IFCR_CTCIF1 = 1u << 1,
    DMA_IFCR_CHTIF1 = 1u << 2,
    DMA_CCR_EN = 1u << 0,
    DMA_CCR_TCIE = 1u << 1,
    DMA_CCR_HTIE = 1u << 2,
    DMA_CCR_CIRC = 1u << 5,
    DMA_CCR_MINC = 1u << 7,
    DMA_CCR_PSIZE_16 = 1u << 8,
    DMA_CCR_MSIZE_16 = 1u << 10,
    DMA_CCR_PL_HIGH = 2u << 12,
    DMA1_CH1_IRQN = 9,
    SYSCFG_CFGR3 = 0x40010000u + 0x1Cu,
    SYSCFG_CFGR3_DMA1_MAP_MASK = 0x1Fu,
    SYSCFG_DMA_MAP_ADC = 0u
};

#endif
