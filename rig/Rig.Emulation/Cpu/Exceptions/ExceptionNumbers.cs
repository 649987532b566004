namespace Rig.Emulation.Cpu.Exceptions;

/// <summary>Exception numbers of ARMv6-M/ARMv7-M (ARMv7-M ARM B1.5.2); IRQ n is 16 + n.</summary>
public static class ExceptionNumbers
{
    public const int Reset = 1;
    public const int Nmi = 2;
    public const int HardFault = 3;
    public const int SvCall = 11;
    public const int PendSv = 14;
    public const int SysTick = 15;
    public const int FirstIrq = 16;
}
