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
#define RCC_BASE 0x40021000u
#define RCC_CR (RCC_BASE + 0x00u)
#define RCC_ICSCR (RCC_BASE + 0x04u)
#define RCC_CFGR (RCC_BASE + 0x08u)
#define RCC_IOPENR (RCC_BASE + 0x34u)
#define RCC_AHBENR (RCC_BASE + 0x38u)
#define RCC_APBENR1 (RCC_BASE + 0x3Cu)
#define RCC_APBENR2 (RCC_BASE + 0x40u)
#define RCC_CR_HSIRDY (1u << 10)
#define RCC_ICSCR_HSI_FS_POS 13
#define RCC_ICSCR_HSI_FS_24MHZ 4u
#define RCC_ICSCR_HSI_TRIM_MASK 0x1FFFu
#define RCC_IOPENR_GPIOA (1u << 0)
#define RCC_AHBENR_DMA (1u << 0)
#define RCC_APBENR1_USART2 (1u << 17)
#define RCC_APBENR2_SYSCFG (1u << 0)
#define RCC_APBENR2_TIM1 (1u << 11)
#define RCC_APBENR2_ADC (1u << 20)

/* RM "Embedded flash memory", factory trim words in the information area: the HSI trim value
 * for each HSI_FS setting; 24 MHz is at 0x1FFF0F10. */
#define HSI_TRIM_24MHZ_ADDR 0x1FFF0F10u

/* RM "Embedded flash memory": FLASH_ACR.LATENCY = 0 wait states up to 24 MHz HCLK. */
#define FLASH_ACR 0x40022000u
#define FLASH_ACR_LATENCY (1u << 0)

/* RM "General-purpose I/Os (GPIO)": MODER 2 bits/pin (00 in, 01 out, 10 AF, 11 analog), AFR. */
#define GPIOA_BASE 0x50000000u
#define GPIO_MODER 0x00u
#define GPIO_BSRR 0x18u
#define GPIO_AFRL 0x20u
#define GPIO_MODE_OUT 1u
#define GPIO_MODE_AF 2u
#define GPIO_MODE_ANALOG 3u

/* RM "Universal synchronous asynchronous receiver transmitter (USART)": SR/DR/BRR/CR1..3 layout.
 * USART2 on PA2 (TX) / PA3 (RX), alternate function 4 (datasheet pin definitions table). */
#define USART2_BASE 0x40004400u
#define USART_SR 0x00u
#define USART_DR 0x04u
#define USART_BRR 0x08u
#define USART_CR1 0x0Cu
#define USART_CR3 0x14u
#define USART_SR_ORE (1u << 3)
#define USART_SR_IDLE (1u << 4)
#define USART_SR_RXNE (1u << 5)
#define USART_SR_TXE (1u << 7)
#define USART_CR1_RE (1u << 2)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_IDLEIE (1u << 4)
#define USART_CR1_RXNEIE (1u << 5)
#define USART_CR3_DMAR (1u << 6)
#define USART_CR3_DMAT (1u << 7)
#define USART_CR1_TXEIE (1u << 7)
#define USART_CR1_UE (1u << 13)
#define USART2_IRQN 28
#define USART2_AF 4u

/* RM "Advanced-control timer (TIM1)": CR1.CEN, CR2.MMS[6:4] = 010 (update event -> TRGO). */
#define TIM1_BASE 0x40012C00u
#define TIM_CR1 0x00u
#define TIM_CR2 0x04u
#define TIM_EGR 0x14u
#define TIM_PSC 0x28u
#define TIM_ARR 0x2Cu
#define TIM_CR1_CEN (1u << 0)
#define TIM_CR2_MMS_UPDATE (2u << 4)

/* RM "Analog-to-digital converter (ADC)": ISR, CR (ADEN bit 0, ADSTART bit 2, ADSTP bit 4,
 * ADCAL bit 31), CFGR1 (DMAEN 0, DMACFG 1, OVRMOD 12, EXTSEL[8:6] 000 = TIM1_TRGO,
 * EXTEN[11:10] 01 = rising edge), CFGR2.CKMODE[31:28] 0010 = PCLK/4, SMPR, CHSELR, DR. The
 * ADC has no ready flag: it needs about 1 us after ADEN before the first conversion. */
#define ADC_BASE 0x40012400u
#define ADC_ISR (ADC_BASE + 0x00u)
#define ADC_CR (ADC_BASE + 0x08u)
#define ADC_CFGR1 (ADC_BASE + 0x0Cu)
#define ADC_CFGR2 (ADC_BASE + 0x10u)
#define ADC_SMPR (ADC_BASE + 0x14u)
#define ADC_CHSELR (ADC_BASE + 0x28u)
#define ADC_DR (ADC_BASE + 0x40u)
#define ADC_CR_ADEN (1u << 0)
#define ADC_CR_ADSTART (1u << 2)
#define ADC_CR_ADSTP (1u << 4)
#define ADC_CFGR1_DMAEN (1u << 0)
#define ADC_CFGR1_DMACFG (1u << 1)
#define ADC_CFGR1_EXTEN_RISING (1u << 10)
#define ADC_CFGR1_OVRMOD (1u << 12)
#define ADC_CFGR2_CKMODE_PCLK_DIV4 (2u << 28)
#define ADC_SMPR_13_5_CYCLES 3u
#define ADC_CR_ADCAL (1u << 31)

/* RM "Direct memory access controller (DMA)": channel n at +0x08 + 0x14 (n - 1) (CCR, CNDTR, CPAR,
 * CMAR); requests are routed by SYSCFG_CFGR3.DMAn_MAP at bit 8 (n - 1) (0 = ADC, 7 = USART2_TX, 8 = USART2_RX: the
 * PY32F0xx LL driver's LL_SYSCFG_DMA_MAP_*), RM "System configuration". Channels 2 and 3 share IRQ 10. */
#define DMA1_BASE 0x40020000u
#define DMA_ISR (DMA1_BASE + 0x00u)
#define DMA_IFCR (DMA1_BASE + 0x04u)
#define DMA_CH1_CCR (DMA1_BASE + 0x08u)
#define DMA_CH1_CNDTR (DMA1_BASE + 0x0Cu)
#define DMA_CH1_CPAR (DMA1_BASE + 0x10u)
#define DMA_CH1_CMAR (DMA1_BASE + 0x14u)
#define DMA_CH2_CCR (DMA1_BASE + 0x1Cu)
#define DMA_CH2_CNDTR (DMA1_BASE + 0x20u)
#define DMA_CH2_CPAR (DMA1_BASE + 0x24u)
#define DMA_CH2_CMAR (DMA1_BASE + 0x28u)
#define DMA_CH3_CCR (DMA1_BASE + 0x30u)
#define DMA_CH3_CNDTR (DMA1_BASE + 0x34u)
#define DMA_CH3_CPAR (DMA1_BASE + 0x38u)
#define DMA_CH3_CMAR (DMA1_BASE + 0x3Cu)
#define DMA_IFCR_CGIF2 (1u << 4)
#define DMA_ISR_TCIF3 (1u << 9)
#define DMA_IFCR_CGIF3 (1u << 8)
#define DMA_ISR_TCIF1 (1u << 1)
#define DMA_IFCR_CTCIF1 (1u << 1)
#define DMA_IFCR_CHTIF1 (1u << 2)
#define DMA_CCR_EN (1u << 0)
#define DMA_CCR_TCIE (1u << 1)
#define DMA_CCR_HTIE (1u << 2)
#define DMA_CCR_DIR (1u << 4)
#define DMA_CCR_CIRC (1u << 5)
#define DMA_CCR_MINC (1u << 7)
#define DMA_CCR_PSIZE_16 (1u << 8)
#define DMA_CCR_MSIZE_16 (1u << 10)
#define DMA_CCR_PL_HIGH (2u << 12)
#define DMA1_CH1_IRQN 9
#define DMA1_CH2_3_IRQN 10
#define SYSCFG_CFGR3 (0x40010000u + 0x1Cu)
#define SYSCFG_CFGR3_DMA1_MAP_MASK 0x1Fu
#define SYSCFG_CFGR3_DMA2_MAP_MASK (0x1Fu << 8)
#define SYSCFG_DMA_MAP_ADC 0u
#define SYSCFG_CFGR3_DMA3_MAP_MASK (0x1Fu << 16)
#define SYSCFG_DMA2_MAP_USART2_RX (8u << 8)
#define SYSCFG_DMA3_MAP_USART2_TX (7u << 16)

#endif
