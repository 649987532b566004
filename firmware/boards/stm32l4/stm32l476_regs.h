/*
 * stm32l476_regs.h - the STM32L476 registers this port touches, from RM0351 (Rev 9), section
 * named per block.
 */
#ifndef RIG_STM32L476_REGS_H
#define RIG_STM32L476_REGS_H

#include "cortexm.h"

/* RM0351 §6.4 RCC registers. */
enum {
    RCC_BASE = 0x40021000u,
    RCC_CR = RCC_BASE + 0x00u,
    RCC_CFGR = RCC_BASE + 0x08u,
    RCC_PLLCFGR = RCC_BASE + 0x0Cu,
    RCC_AHB1ENR = RCC_BASE + 0x48u,
    RCC_AHB2ENR = RCC_BASE + 0x4Cu,
    RCC_APB1ENR1 = RCC_BASE + 0x58u,
    RCC_APB2ENR = RCC_BASE + 0x60u,
    RCC_CR_PLLON = 1u << 24,
    RCC_CR_PLLRDY = 1u << 25,
    RCC_CFGR_SW_PLL = 3u,
    RCC_CFGR_SWS_MASK = 3u << 2,
    RCC_CFGR_SWS_PLL = 3u << 2,
    RCC_PLLCFGR_SRC_MSI = 1u,      /* PLLSRC[1:0] */
    RCC_PLLCFGR_M_POS = 4,         /* PLLM[6:4] = M - 1 */
    RCC_PLLCFGR_N_POS = 8,         /* PLLN[14:8] */
    RCC_PLLCFGR_REN = 1u << 24,    /* PLLR output enable; PLLR[26:25] = 00 -> /2 */
    RCC_AHB1ENR_DMA1 = 1u << 0,
    RCC_AHB2ENR_GPIOD = 1u << 3,
    RCC_AHB2ENR_GPIOE = 1u << 4,
    RCC_APB1ENR1_USART2 = 1u << 17,
    RCC_APB2ENR_DFSDM1 = 1u << 24
};

/* RM0351 §3.7.1 FLASH_ACR: 4 wait states at 80 MHz in range 1 (§3.3.3 Table 9), caches on. */
enum {
    FLASH_ACR = 0x40022000u,
    FLASH_ACR_LATENCY_4WS = 4u,
    FLASH_ACR_PRFTEN = 1u << 8,
    FLASH_ACR_ICEN = 1u << 9,
    FLASH_ACR_DCEN = 1u << 10
};

/* RM0351 §8.5 GPIO registers: MODER (00 in, 01 out, 10 AF, 11 analog), BSRR, AFRL/AFRH. */
enum {
    GPIOD_BASE = 0x48000C00u,
    GPIOE_BASE = 0x48001000u,
    GPIO_MODER = 0x00u,
    GPIO_BSRR = 0x18u,
    GPIO_AFRL = 0x20u,
    GPIO_AFRH = 0x24u,
    GPIO_MODE_OUT = 1u,
    GPIO_MODE_AF = 2u
};

/* RM0351 §40.8 USART registers (CR1, BRR, ISR, ICR, RDR, TDR). */
enum {
    USART2_BASE = 0x40004400u,
    USART_CR1 = 0x00u,
    USART_BRR = 0x0Cu,
    USART_ISR = 0x1Cu,
    USART_ICR = 0x20u,
    USART_RDR = 0x24u,
    USART_TDR = 0x28u,
    USART_CR1_UE = 1u << 0,
    USART_CR1_RE = 1u << 2,
    USART_CR1_TE = 1u << 3,
    USART_CR1_RXNEIE = 1u << 5,
    USART_CR1_TXEIE = 1u << 7,
    USART_ISR_ORE = 1u << 3,
    USART_ISR_RXNE = 1u << 5,
    USART_ISR_TXE = 1u << 7,
    USART_ICR_ORECF = 1u << 3,
    USART2_IRQN = 38,
    USART2_AF = 7u /* DS10198 Table 17 alternate functions: PD5 TX, PD6 RX */
};

/* RM0351, DFSDM chapter, "DFSDM channel and filter registers": channel y at 0x20*y, filter x at 0x100 + 0x80*x. */
enum {
    DFSDM1_BASE = 0x40016000u,
    DFSDM_CH0CFGR1 = DFSDM1_BASE + 0x00u,
    DFSDM_CH2CFGR1 = DFSDM1_BASE + 0x40u,
    DFSDM_CH2CFGR2 = DFSDM1_BASE + 0x44u,
    DFSDM_FLT0CR1 = DFSDM1_BASE + 0x100u,
    DFSDM_FLT0FCR = DFSDM1_BASE + 0x114u,
    DFSDM_FLT0RDATAR = DFSDM1_BASE + 0x11Cu,
    DFSDM_CHCFGR1_CKOUTDIV_POS = 16,      /* CKOUT = fDFSDM / (CKOUTDIV + 1) */
    DFSDM_CHCFGR1_CHEN = 1u << 7,
    DFSDM_CHCFGR1_SPICKSEL_CKOUT = 1u << 2,
    DFSDM_CHCFGR1_SITP_SPI_RISING = 0u,
    DFSDM_FLTCR1_DFEN = 1u << 0,
    DFSDM_FLTCR1_RSWSTART = 1u << 17,
    DFSDM_FLTCR1_RCONT = 1u << 18,
    DFSDM_FLTCR1_RDMAEN = 1u << 21,
    DFSDM_FLTCR1_RCH_POS = 24,
    DFSDM_FLTCR1_FAST = 1u << 29,
    DFSDM_FLTFCR_FORD_POS = 29,           /* 3 = Sinc3 */
    DFSDM_FLTFCR_FOSR_POS = 16,           /* FOSR[25:16] = oversampling - 1 */
    DFSDM_AF = 6u                         /* DS10198 Table 17: PE7 DATIN2, PE9 CKOUT */
};
#define DFSDM_CHCFGR1_DFSDMEN (1u << 31) /* outside the enum: does not fit an int */

/* RM0351 §11.6 DMA registers: channel c at 0x08 + 0x14*(c-1); §11.3.2 DMA1 request mapping table: DMA1 channel 4
 * request 0 (CSELR.C4S[15:12] = 0000) is DFSDM1_FLT0. */
enum {
    DMA1_BASE = 0x40020000u,
    DMA_ISR = DMA1_BASE + 0x00u,
    DMA_IFCR = DMA1_BASE + 0x04u,
    DMA_CH4_CCR = DMA1_BASE + 0x44u,
    DMA_CH4_CNDTR = DMA1_BASE + 0x48u,
    DMA_CH4_CPAR = DMA1_BASE + 0x4Cu,
    DMA_CH4_CMAR = DMA1_BASE + 0x50u,
    DMA_CSELR = DMA1_BASE + 0xA8u,
    DMA_CSELR_C4S_MASK = 0xFu << 12,
    DMA_ISR_TCIF4 = 1u << 13,
    DMA_IFCR_CTCIF4 = 1u << 13,
    DMA_IFCR_CHTIF4 = 1u << 14,
    DMA_CCR_EN = 1u << 0,
    DMA_CCR_TCIE = 1u << 1,
    DMA_CCR_HTIE = 1u << 2,
    DMA_CCR_CIRC = 1u << 5,
    DMA_CCR_MINC = 1u << 7,
    DMA_CCR_PSIZE_32 = 2u << 8,
    DMA_CCR_MSIZE_32 = 2u << 10,
    DMA_CCR_PL_HIGH = 2u << 12,
    DMA1_CH4_IRQN = 14
};

#endif
