/*
 * dma_ring.h - where an ST-style DMA channel stands in a circular capture ring. The STM32L4's
 * DMA1 (RM0351 §11 "Direct memory access controller") and the PY32F003's DMA (PY32F003
 * Reference Manual, DMA chapter) are the same design: CNDTR counts down the transfers left in
 * the current lap and reloads itself in circular mode; ISR/IFCR hold the channel's
 * transfer-complete (TCIF) and half-transfer (HTIF) flags at the same bit positions.
 * The port counts completed laps in its DMA interrupt; this turns laps and CNDTR into
 * "samples written since start", which mic_reader.h turns into "samples to read".
 */
#ifndef RIG_DMA_RING_H
#define RIG_DMA_RING_H

#include <stdint.h>

#include "cortexm.h"

typedef struct {
    uint32_t isr_addr;   /* DMA_ISR */
    uint32_t ifcr_addr;  /* DMA_IFCR */
    uint32_t cndtr_addr; /* the channel's CNDTR */
    uint32_t tc_flag;    /* the channel's TCIF bit (its CTCIF bit in IFCR is the same) */
    uint32_t ht_flag;    /* the channel's HTIF bit (likewise CHTIF) */
    uint32_t length;     /* ring length in transfers (samples) */
} dma_ring_t;

/* For the channel's interrupt: acknowledges half-transfer and transfer-complete and returns 1
 * when a lap has completed. The core wakes twice a lap, each time with half a ring to read. */
static inline uint32_t dma_ring_on_irq(const dma_ring_t *d)
{
    uint32_t lap = (REG32(d->isr_addr) & d->tc_flag) ? 1u : 0u;
    REG32(d->ifcr_addr) = d->ht_flag | (lap ? d->tc_flag : 0u);
    return lap;
}

/* Samples written since the ring was armed, given the laps the interrupt has counted. Call with
 * interrupts off so that laps and position belong together: a lap whose interrupt is still
 * pending shows as TCIF set with the position already back near the start, and is counted. */
static inline uint32_t dma_ring_written_locked(const dma_ring_t *d, uint32_t laps)
{
    uint32_t pos = d->length - REG32(d->cndtr_addr);
    if ((REG32(d->isr_addr) & d->tc_flag) && pos < d->length / 2u) laps++;
    return laps * d->length + pos;
}

/* Before enabling the channel: a full lap to go and no stale transfer-complete flag. */
static inline void dma_ring_arm(const dma_ring_t *d)
{
    REG32(d->cndtr_addr) = d->length;
    REG32(d->ifcr_addr) = d->tc_flag;
}

#endif
