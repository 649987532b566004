/*
 * stm32l476_regs.h - the STM32L476 registers this port touches, from RM0351 (Rev 9), section
 * named per block.
 */
#ifndef RIG_STM32L476_REGS_H
#define RIG_STM32L476_REGS_H

#include "cortexm.h"

/* RM0351 §6.4 RCC registers. */
#define RCC_BASE 0x40021000u
#define RCC_CR (RCC_BASE + 0x00u)
#define RCC_CFGR (RCC_BASE + 0x08u)
#define RCC_PLLCFGR (RCC_BASE + 0x0Cu)
#define RCC_AHB1ENR (RCC_BASE + 0x48u)
#define RCC_AHB2ENR (RCC_BASE + 0x4Cu)
#define RCC_APB1ENR1 (RCC_BASE + 0x58u)
#define RCC_APB2ENR (RCC_BASE + 0x60u)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_CFGR_SW_PLL 3u
#define RCC_CFGR_SWS_MASK (3u << 2)
#define RCC_CFGR_SWS_PLL (3u << 2)
#define RCC_PLLCFGR_SRC_MSI 1u /* PLLSRC[1:0] */
#define RCC_PLLCFGR_M_POS 4 /* PLLM[6:4] = M - 1 */
#define RCC_PLLCFGR_N_POS 8 /* PLLN[14:8] */
#define RCC_PLLCFGR_REN (1u << 24) /* PLLR output enable; PLLR[26:25] = 00 -> /2 */
#define RCC_AHB1ENR_DMA1 (1u << 0)
#define RCC_AHB2ENR_GPIOD (1u << 3)
#define RCC_AHB2ENR_GPIOE (1u << 4)
#define RCC_APB1ENR1_USART2 (1u << 17)
#define RCC_APB2ENR_DFSDM1 (1u << 24)

/* RM0351 §3.7.1 FLASH_ACR: 4 wait states at 80 MHz in range 1 (§3.3.3 Table 9), caches on. */
#define FLASH_ACR 0x40022000u
#define FLASH_ACR_LATENCY_4WS 4u
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)

/* RM0351 §8.5 GPIO registers: MODER (00 in, 01 out, 10 AF, 11 analog), BSRR, AFRL/AFRH. */
#define GPIOD_BASE 0x48000C00u
#define GPIOE_BASE 0x48001000u
#define GPIO_MODER 0x00u
#define GPIO_BSRR 0x18u
#define GPIO_AFRL 0x20u
#define GPIO_AFRH 0x24u
#define GPIO_MODE_OUT 1u
#define GPIO_MODE_AF 2u

/* RM0351 §40.8 USART registers (CR1, BRR, ISR, ICR, RDR, TDR). */
#define USART2_BASE 0x40004400u
#define USART_CR1 0x00u
#define USART_BRR 0x0Cu
#define USART_ISR 0x1Cu
#define USART_ICR 0x20u
#define USART_RDR 0x24u
#define USART_TDR 0x28u
#define USART_CR1_UE (1u << 0)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_RXNEIE (1u << 5)
#define USART_CR1_TXEIE (1u << 7)
#define USART_ISR_ORE (1u << 3)
#define USART_ISR_RXNE (1u << 5)
#define USART_ISR_TXE (1u << 7)
#define USART_ICR_ORECF (1u << 3)
#define USART2_IRQN 38
#define USART2_AF 7u /* DS10198 Table 17 alternate functions: PD5 TX, PD6 RX */

/* RM0351, DFSDM chapter, "DFSDM channel and filter registers": channel y at 0x20*y, filter x at 0x100 + 0x80*x. */
#define DFSDM1_BASE 0x40016000u
#define DFSDM_CH0CFGR1 (DFSDM1_BASE + 0x00u)
#define DFSDM_CH2CFGR1 (DFSDM1_BASE + 0x40u)
#define DFSDM_CH2CFGR2 (DFSDM1_BASE + 0x44u)
#define DFSDM_FLT0CR1 (DFSDM1_BASE + 0x100u)
#define DFSDM_FLT0FCR (DFSDM1_BASE + 0x114u)
#define DFSDM_FLT0RDATAR (DFSDM1_BASE + 0x11Cu)
#define DFSDM_CHCFGR1_CKOUTDIV_POS 16 /* CKOUT = fDFSDM / (CKOUTDIV + 1) */
#define DFSDM_CHCFGR1_CHEN (1u << 7)
#define DFSDM_CHCFGR1_SPICKSEL_CKOUT (1u << 2)
#define DFSDM_CHCFGR1_SITP_SPI_RISING 0u
#define DFSDM_FLTCR1_DFEN (1u << 0)
#define DFSDM_FLTCR1_RSWSTART (1u << 17)
#define DFSDM_FLTCR1_RCONT (1u << 18)
#define DFSDM_FLTCR1_RDMAEN (1u << 21)
#define DFSDM_FLTCR1_RCH_POS 24
#define DFSDM_FLTCR1_FAST (1u << 29)
#define DFSDM_FLTFCR_FORD_POS 29 /* 3 = Sinc3 */
#define DFSDM_FLTFCR_FOSR_POS 16 /* FOSR[25:16] = oversampling - 1 */
#define DFSDM_AF 6u /* DS10198 Table 17: PE7 DATIN2, PE9 CKOUT */
#define DFSDM_CHCFGR1_DFSDMEN (1u << 31)

/* RM0351 §11.6 DMA registers: channel c at 0x08 + 0x14*(c-1); §11.3.2 DMA1 request mapping table: DMA1 channel 4
 * request 0 (CSELR.C4S[15:12] = 0000) is DFSDM1_FLT0. */
#define DMA1_BASE 0x40020000u
#define DMA_ISR (DMA1_BASE + 0x00u)
#define DMA_IFCR (DMA1_BASE + 0x04u)
#define DMA_CH4_CCR (DMA1_BASE + 0x44u)
#define DMA_CH4_CNDTR (DMA1_BASE + 0x48u)
#define DMA_CH4_CPAR (DMA1_BASE + 0x4Cu)
#define DMA_CH4_CMAR (DMA1_BASE + 0x50u)
#define DMA_CSELR (DMA1_BASE + 0xA8u)
#define DMA_CSELR_C4S_MASK (0xFu << 12)
#define DMA_ISR_TCIF4 (1u << 13)
#define DMA_IFCR_CTCIF4 (1u << 13)
#define DMA_IFCR_CHTIF4 (1u << 14)
#define DMA_CCR_EN (1u << 0)
#define DMA_CCR_TCIE (1u << 1)
#define DMA_CCR_HTIE (1u << 2)
#define DMA_CCR_CIRC (1u << 5)
#define DMA_CCR_MINC (1u << 7)
#define DMA_CCR_PSIZE_32 (2u << 8)
#define DMA_CCR_MSIZE_32 (2u << 10)
#define DMA_CCR_PL_HIGH (2u << 12)
#define DMA1_CH4_IRQN 14

#endif
