using Rig.Emulation.Tests.Support;

namespace Rig.Emulation.Tests.Boards.Host;

/// <summary>
/// A tiny image for <see cref="EchoUart"/>: sets the baud, enables IRQ 0 and sleeps in WFI; the handler echoes each
/// byte. 0xFF makes it execute UDF (a HardFault: the image's fault), 0xFE read a register the UART does not model,
/// 0xFD ask for a system reset (AIRCR.SYSRESETREQ).
/// </summary>
static class EchoImage
{
    public static string Path => ThumbAssembler.Program("""
        reset:
            ldr r0, =0x40013800
            movs r1, #52          @ 24 MHz / 52 = 461,538 baud (profile: 460,800)
            str r1, [r0, #8]
            ldr r0, =0xE000E100   @ NVIC ISER
            movs r1, #1
            str r1, [r0]
            cpsie i
        idle:
            wfi
            b idle
        irq0_handler:
            ldr r0, =0x40013800
            ldr r1, [r0, #4]
            cmp r1, #0xFF
            beq crash
            cmp r1, #0xFE
            beq unmodelled
            cmp r1, #0xFD
            beq restart
        wait_tx:
            ldr r2, [r0]
            movs r3, #0x80
            tst r2, r3
            beq wait_tx
            str r1, [r0, #4]
            bx lr
        crash:
            udf #1
        unmodelled:
            ldr r1, [r0, #12]
            bx lr
        restart:
            ldr r0, =0xE000ED0C
            ldr r1, =0x05FA0004
            str r1, [r0]
            b restart
        """, flash: 0x0800_0000, ramSize: 0x1000);
}
